// Nicknames in a classroom: trimmed, at most 20 characters, unique in the session
// (case-insensitively); an empty one gets a generated, allocator-flavoured name.

import { randomInt } from 'node:crypto';

export const MAX_NICKNAME = 20;

const ADJECTIVES = ['Brisk', 'Tidy', 'Lucky', 'Clever', 'Steady', 'Nimble', 'Frugal', 'Bold', 'Calm', 'Eager', 'Quiet', 'Swift'];
const NOUNS = ['Buddy', 'Slab', 'Arena', 'Header', 'Footer', 'Rover', 'Block', 'Hole', 'Page', 'Chunk', 'Bitmap', 'Pointer'];

/** Collapses inner whitespace and removes control characters. */
function clean(raw: string): string {
  let out = '';
  for (const ch of raw.normalize('NFC')) {
    const code = ch.codePointAt(0) ?? 0;
    out += code < 32 || (code >= 127 && code < 160) ? ' ' : ch;
  }
  return out.replace(/\s+/g, ' ').trim();
}

export type NicknameResult = { readonly ok: true; readonly nickname: string } | { readonly ok: false; readonly code: 'nickname/taken' | 'nickname/too_long'; readonly message: string };

export function chooseNickname(raw: string | undefined, isTaken: (lowerCased: string) => boolean): NicknameResult {
  const wanted = clean(raw ?? '');
  if ([...wanted].length > MAX_NICKNAME) return { ok: false, code: 'nickname/too_long', message: `a nickname is at most ${MAX_NICKNAME} characters` };
  if (wanted) {
    return isTaken(wanted.toLowerCase())
      ? { ok: false, code: 'nickname/taken', message: `someone in this class is already called ${wanted}` }
      : { ok: true, nickname: wanted };
  }
  for (let attempt = 0; attempt < 500; attempt++) {
    const name = `${ADJECTIVES[randomInt(ADJECTIVES.length)]} ${NOUNS[randomInt(NOUNS.length)]}${attempt > 100 ? ` ${randomInt(1000)}` : ''}`;
    if (!isTaken(name.toLowerCase())) return { ok: true, nickname: name };
  }
  throw new Error('could not generate a free nickname');
}
