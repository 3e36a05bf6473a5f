// Join codes: six characters from an alphabet without look-alikes (no 0/O, 1/I/L,
// 2/Z, 5/S, 8/B, U/V), so a code read off a projector is typed right the first time.

import { randomInt } from 'node:crypto';

export const JOIN_CODE_ALPHABET = 'ACDEFGHJKMNPQRTWXY34679';
export const JOIN_CODE_LENGTH = 6;

export function generateJoinCode(isTaken: (code: string) => boolean): string {
  for (let attempt = 0; attempt < 1000; attempt++) {
    let code = '';
    for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
    if (!isTaken(code)) return code;
  }
  throw new Error('could not find a free join code after 1000 tries');
}

/** Upper-cases and strips spaces and dashes; null when what is left cannot be a code. */
export function normalizeJoinCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== JOIN_CODE_LENGTH) return null;
  for (const ch of code) if (!JOIN_CODE_ALPHABET.includes(ch)) return null;
  return code;
}
