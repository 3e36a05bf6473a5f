// The door before the door: who may reserve a seat in a classroom at all. Colyseus
// runs a room's static onAuth when a seat is reserved (`POST /matchmake/joinById/:id`),
// before any seat counts against the room; the instance's admission (admission.ts)
// runs only when the reserved seat is taken. Without this check anyone who knew a
// room id could hold its seats with empty options. A reservation needs the class's
// code or its host key; which seat it gets is still admission's to decide.

import { parseMessage } from '../protocol/validate.ts';
import { CLASSROOM_JOIN_SHAPE } from '../protocol/messages.ts';
import { openDoor, type JoinRefusal } from './admission.ts';

/** What a classroom's listing says about it (its metadata: see ClassroomRoom.onCreate). */
export interface ClassListing {
  readonly sessionId: string;
  readonly code: string;
}

export interface ReservationFacts {
  /** The class the seat is asked of, or null when no such room is listed. */
  readonly listing: ClassListing | null;
  /** The stored host key hash of a session (asked only when the options carry a host key). */
  readonly hostKeyHash: (sessionId: string) => Promise<string | null>;
  /** Counts a wrong code or key against the address; false once it has tried too many. */
  readonly noteBadJoin: () => boolean;
}

const refusal = (status: number, code: string, message: string): { readonly ok: false } & JoinRefusal => ({ ok: false, status, code, message });

/** [docs/PROTOCOL.md, classroom] A seat is reserved only with the class's code or host key. */
export async function checkReservation(rawOptions: unknown, facts: ReservationFacts): Promise<{ readonly ok: true } | ({ readonly ok: false } & JoinRefusal)> {
  const parsed = parseMessage(CLASSROOM_JOIN_SHAPE, rawOptions ?? {});
  if (!parsed.ok) return refusal(400, parsed.code, parsed.message);
  const { listing } = facts;
  if (!listing) return refusal(404, 'class/unknown', 'there is no class with that room; look the code up again');
  const opened = await openDoor(parsed.value, { code: listing.code, hostKeyHash: () => facts.hostKeyHash(listing.sessionId), noteBadJoin: facts.noteBadJoin });
  return opened.ok ? { ok: true } : opened;
}
