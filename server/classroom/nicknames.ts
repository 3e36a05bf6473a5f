// Nicknames in a classroom: cleaned and compared by the shared rules
// (shared/classroom/nickname.ts: NFKC, no invisible characters, at most 20 characters as a
// person counts them, unique by a look-alike-folded key); an empty one gets a generated,
// allocator-flavoured name.

import { randomInt } from 'node:crypto';
import { cleanNickname, MAX_NICKNAME, nicknameKey, nicknameLength } from '../../shared/classroom/nickname.ts';

export { MAX_NICKNAME };

const ADJECTIVES = ['Brisk', 'Tidy', 'Lucky', 'Clever', 'Steady', 'Nimble', 'Frugal', 'Bold', 'Calm', 'Eager', 'Quiet', 'Swift'];
const NOUNS = ['Buddy', 'Slab', 'Arena', 'Header', 'Footer', 'Rover', 'Block', 'Hole', 'Page', 'Chunk', 'Bitmap', 'Pointer'];

export type NicknameResult = { readonly ok: true; readonly nickname: string } | { readonly ok: false; readonly code: 'nickname/taken' | 'nickname/too_long'; readonly message: string };

/** `isTaken` is asked with a name's key (`nicknameKey`): the caller compares it with the keys of the names in use. */
export function chooseNickname(raw: string | undefined, isTaken: (key: string) => boolean): NicknameResult {
  const wanted = cleanNickname(raw ?? '');
  if (nicknameLength(wanted) > MAX_NICKNAME) return { ok: false, code: 'nickname/too_long', message: `a nickname is at most ${MAX_NICKNAME} characters` };
  if (wanted) {
    return isTaken(nicknameKey(wanted))
      ? { ok: false, code: 'nickname/taken', message: `someone in this class already has that name, or one that looks just like it: pick another` }
      : { ok: true, nickname: wanted };
  }
  for (let attempt = 0; attempt < 500; attempt++) {
    const name = `${ADJECTIVES[randomInt(ADJECTIVES.length)]} ${NOUNS[randomInt(NOUNS.length)]}${attempt > 100 ? ` ${randomInt(1000)}` : ''}`;
    if (!isTaken(nicknameKey(name))) return { ok: true, nickname: name };
  }
  throw new Error('could not generate a free nickname');
}
