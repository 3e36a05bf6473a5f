// Lets the browser tests ask the play scene where an address is on screen, so they
// can click and drag like a player, and gives the scenes that draw a heap line the
// points of its first addresses to publish. Read-only: it never changes the game.

declare global {
  interface Window {
    mallocadeProbe?: { pointOf(address: number): { x: number; y: number } | null };
  }
}

export function exposeProbe(pointOf: (address: number) => { x: number; y: number } | null): void {
  window.mallocadeProbe = { pointOf };
}

/** How many addresses the tests get screen points for. */
const PROBED_ADDRESSES = 64;

/**
 * Where addresses 0..63 are drawn on a heap line (those left of `right`, the edge of
 * its box), for the browser tests' clicks; the class lobby and the play scene publish them.
 */
export function addressProbes(view: { pointOf(address: number): { x: number; y: number } | null } | null, right: number): Record<string, { x: number; y: number }> {
  const points: Record<string, { x: number; y: number }> = {};
  if (!view) return points;
  for (let a = 0; a < PROBED_ADDRESSES; a++) {
    const p = view.pointOf(a);
    if (p && p.x <= right) points[a] = { x: Math.round(p.x), y: Math.round(p.y) };
  }
  return points;
}
