// Lets the browser tests ask the play scene where an address is on screen, so they
// can click and drag like a player. Read-only: it never changes the game.

declare global {
  interface Window {
    mallocadeProbe?: { pointOf(address: number): { x: number; y: number } | null };
  }
}

export function exposeProbe(pointOf: (address: number) => { x: number; y: number } | null): void {
  window.mallocadeProbe = { pointOf };
}
