// Noticing a restarted server at once. Each start of the server process has its own
// boot id (`GET /health`, the class lookup). A class room is joined under the boot id
// the lookup answered with; when its connection drops, `watchForRestart` asks `/health`
// about once a second, and when the server answers with another boot id the old
// connection can never be resumed (the seat it held died with the process): the
// watcher says so at once, instead of leaving the SDK to retry for about a minute.

import type { Room } from '@colyseus/sdk';
import { httpOrigin } from './origin.ts';

/** How often a dropped room asks the server whether it restarted. */
const POLL_MS = 1000;
/** How long one `/health` question may take. */
const ASK_TIMEOUT_MS = 2500;

const joinedUnder = new WeakMap<Room, string>();

/** Notes the boot id of the server `room` was joined on (from the class lookup's answer). */
export function noteJoinedUnder(room: Room, bootId: unknown): void {
  if (typeof bootId === 'string' && bootId !== '') joinedUnder.set(room, bootId);
}

/** The server's boot id now, or null while it does not answer. */
export async function currentBootId(): Promise<string | null> {
  try {
    const res = await fetch(`${httpOrigin()}/health`, { cache: 'no-store', signal: AbortSignal.timeout(ASK_TIMEOUT_MS) });
    if (!res.ok) return null;
    const body = (await res.json()) as { bootId?: unknown };
    return typeof body.bootId === 'string' ? body.bootId : null;
  } catch {
    return null;
  }
}

/**
 * While `room`'s connection is down, asks the server about once a second whether it
 * restarted; calls `restarted` once when it did. Returns `stop` (call it when the room
 * is back or gone). Does nothing for a room joined without a boot id (practice).
 */
export function watchForRestart(room: Room, restarted: () => void): () => void {
  const bootId = joinedUnder.get(room);
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const ask = async (): Promise<void> => {
    const now = await currentBootId();
    if (stopped) return;
    if (now !== null && now !== bootId) {
      stopped = true;
      restarted();
      return;
    }
    timer = setTimeout(() => void ask(), POLL_MS);
  };
  if (bootId !== undefined && typeof window !== 'undefined') timer = setTimeout(() => void ask(), POLL_MS);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
