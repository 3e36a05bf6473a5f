// A read-only window onto what the scenes last drew, for the browser tests
// (canvas pixels are hard to assert on). Nothing reads it back into the game.

declare global {
  interface Window {
    mallocade?: { view: unknown };
  }
}

export function publishForTests(view: unknown): void {
  window.mallocade = { view };
}
