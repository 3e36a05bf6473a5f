// The classroom room's name, and the id a class's live room always has: derived from
// the session, so the room a restarted (or another) process re-creates for a class is
// found under the id its clients already hold, and a second room for the same class
// cannot be listed beside the first.

import { createHash } from 'node:crypto';

/** The name the classroom room is defined under (app.config.ts). */
export const CLASSROOM_ROOM_NAME = 'classroom';

/** The live room id of a class session: stable, and revealing nothing of the session id. */
export function classRoomId(sessionId: string): string {
  return `c${createHash('sha256').update(`mallocade-class:${sessionId}`).digest('base64url').slice(0, 11)}`;
}
