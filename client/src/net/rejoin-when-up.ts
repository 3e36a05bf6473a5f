// Coming back to a class whose room is gone (a restarted server, an outage longer than
// the SDK's retries), for the student's lobby, the host's dashboard and the projector.
// The attempt to join again waits until the server answers `/health`, asked about once a
// second, so a page is back within about a second of the server, however long it was
// down; an attempt that does not settle is tried again no sooner than a second later.
//
// Invariant: the waiting runs on the browser's clock (setTimeout), never on a Phaser
// scene's: a scene's clock advances only while its game loop steps it, and slower than
// real time when frames are slow (a projector's large canvas on a busy machine measured
// 7 s for a 3 s `delayedCall`), and not at all while the scene sleeps.

import type { LinkOwner } from './room-link.ts';
import { currentBootId } from './server-restart.ts';

/** How often the server is asked whether it answers, and the least time between two attempts. */
export const REJOIN_POLL_MS = 1000;
/** Whether the server answers `/health` now (with its boot id: server-restart.ts asks). */
async function serverAnswers(): Promise<boolean> {
  return (await currentBootId()) !== null;
}

/**
 * After `firstDelayMs`, waits until the server answers, then calls `attempt`; while an
 * attempt answers `false` (not settled: the join failed, or the scene could not take it
 * now), waits again and tries again. Stops for good when `owner` shuts down or is destroyed.
 */
export function rejoinWhenServerAnswers(owner: LinkOwner, firstDelayMs: number, attempt: () => Promise<boolean> | boolean): void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = (): void => {
    stopped = true;
    clearTimeout(timer);
  };
  owner.events.once('shutdown', stop);
  owner.events.once('destroy', stop);
  const later = (ms: number): void => {
    if (!stopped) timer = setTimeout(() => void step(), ms);
  };
  const step = async (): Promise<void> => {
    if (stopped) return;
    if (!(await serverAnswers())) return later(REJOIN_POLL_MS);
    if (stopped) return;
    const settled = await attempt();
    if (!settled) later(REJOIN_POLL_MS);
  };
  later(firstDelayMs);
}
