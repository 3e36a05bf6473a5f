// Finds the live room of an open class session, on whichever process holds it, and
// creates one (restored from storage by the room itself) when there is none. With
// one process this is a lookup in memory; with several (REDIS_URL) the listing is in
// Redis and may belong to a process that has died (kill -9 leaves its listings behind):
// such a listing is checked with Colyseus's health check, which removes the dead
// process's listings, and the class is re-created here from the shared database.
//
// Invariant: at most one creation per session at a time, in this process (a map of
// pending creations) and across processes (a short lock in the presence), so two
// lookups racing after a crash do not open two rooms for one class.

import { matchMaker, type IRoomCache } from '@colyseus/core';

/** How long a creation lock is held at most (a process that dies holding it frees it then). */
const CREATION_LOCK_SECONDS = 15;
/** How often a lookup that lost the race looks for the room the winner is creating. */
const CREATION_POLL_MS = 100;

const creating = new Map<string, Promise<string>>();

function isRoomOf(listing: IRoomCache, sessionId: string): boolean {
  return (listing.metadata as { sessionId?: unknown } | undefined)?.sessionId === sessionId;
}

/**
 * Whether the process that listed a room still holds it. A listing of this process is
 * trusted. Another process is alive while it keeps its Redis subscription (its process
 * channel, `p:<processId>`): a process killed, even with SIGKILL, loses it as soon as
 * its connection closes, while a process that is only busy (a long results computation)
 * keeps it and must not lose its classes. Without the subscription, Colyseus's own
 * health check (an IPC round trip, at most its short timeout, 2 s by default) decides,
 * and removes the listings of a process that does not answer. (A machine that vanishes
 * without closing its connections is noticed when Redis drops them: its tcp-keepalive.)
 */
async function isHeld(listing: IRoomCache): Promise<boolean> {
  if (listing.processId === matchMaker.processId) return true;
  if ((await matchMaker.presence.channels(`p:${listing.processId}`)).length > 0) return true;
  return matchMaker.healthCheckProcessId(listing.processId);
}

async function liveRoomOf(roomName: string, sessionId: string): Promise<string | null> {
  const listings = (await matchMaker.query({ name: roomName })).filter((l) => isRoomOf(l, sessionId));
  for (const listing of listings) if (await isHeld(listing)) return listing.roomId;
  return null;
}

/** The sessions with a live room (held by a living process), from one listing of the rooms. */
export async function sessionsWithLiveRooms(roomName: string): Promise<Set<string>> {
  const live = new Set<string>();
  for (const listing of await matchMaker.query({ name: roomName })) {
    const sessionId = (listing.metadata as { sessionId?: unknown } | undefined)?.sessionId;
    if (typeof sessionId === 'string' && (await isHeld(listing))) live.add(sessionId);
  }
  return live;
}

/** Creates the session's room here, unless another process is already doing it; either way answers the room id. */
async function createOnce(roomName: string, sessionId: string): Promise<string> {
  const key = `mallocade:creating:${sessionId}`;
  const deadline = Date.now() + CREATION_LOCK_SECONDS * 1000;
  for (;;) {
    const live = await liveRoomOf(roomName, sessionId);
    if (live) return live;
    if ((await matchMaker.presence.incr(key)) === 1) {
      await matchMaker.presence.expire(key, CREATION_LOCK_SECONDS);
      try {
        return (await matchMaker.createRoom(roomName, { sessionId })).roomId;
      } finally {
        await matchMaker.presence.del(key);
      }
    }
    if (Date.now() > deadline) throw new Error(`the room of session ${sessionId} was not created within ${CREATION_LOCK_SECONDS} s`);
    await new Promise((resolve) => setTimeout(resolve, CREATION_POLL_MS));
  }
}

/** The live room of an open session, wherever it runs; created (and restored from storage) when there is none. */
export async function roomForSession(roomName: string, sessionId: string): Promise<string> {
  const live = await liveRoomOf(roomName, sessionId);
  if (live) return live;
  let pending = creating.get(sessionId);
  if (!pending) {
    pending = createOnce(roomName, sessionId).finally(() => creating.delete(sessionId));
    creating.set(sessionId, pending);
  }
  return pending;
}
