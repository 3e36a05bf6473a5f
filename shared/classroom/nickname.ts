// Nickname rules for a class, shared by the server (which decides) and the join
// form (which counts as the server does): what a nickname is after cleaning, how
// long it is as a person counts, and the folded key two names are compared by,
// so that nobody can take a name that only looks like a classmate's.

/** The most characters (grapheme clusters, as a person counts them) a nickname may have. */
export const MAX_NICKNAME = 20;

/** Zero-width characters, fillers and the bidirectional controls that can reorder or hide text. */
const INVISIBLE_RANGES: readonly (readonly [number, number])[] = [
  [0x00ad, 0x00ad], [0x034f, 0x034f], [0x061c, 0x061c], [0x115f, 0x1160], [0x17b4, 0x17b5], [0x180b, 0x180f],
  [0x200b, 0x200f], [0x202a, 0x202e], [0x2060, 0x206f], [0x3164, 0x3164], [0xfe00, 0xfe0f], [0xfeff, 0xfeff], [0xffa0, 0xffa0],
];

function isInvisible(code: number): boolean {
  return INVISIBLE_RANGES.some(([from, to]) => code >= from && code <= to);
}

/** C0 controls, DEL and C1 controls. */
function isControl(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code < 0xa0);
}

/**
 * [CLASS-NICK-1] A nickname as stored and shown: NFKC (full-width and other compatibility
 * forms become plain letters), without zero-width or bidirectional controls, control
 * characters as spaces, inner whitespace collapsed, trimmed.
 */
export function cleanNickname(raw: string): string {
  let out = '';
  for (const ch of raw.normalize('NFKC')) {
    const code = ch.codePointAt(0) ?? 0;
    if (isInvisible(code)) continue;
    out += isControl(code) ? ' ' : ch;
  }
  return out.replace(/\s+/gu, ' ').trim();
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** [CLASS-NICK-3] Length as a person counts it: an emoji, even a joined sequence or a flag, is one. */
export function nicknameLength(name: string): number {
  let count = 0;
  for (const _ of graphemes.segment(name)) count++;
  return count;
}

/** The first `limit` characters of `text`, counted as `nicknameLength` counts (what the join form keeps). */
export function clipNickname(text: string, limit = MAX_NICKNAME): string {
  let out = '';
  let count = 0;
  for (const { segment } of graphemes.segment(text)) {
    if (++count > limit) break;
    out += segment;
  }
  return out;
}

/**
 * Letters from other scripts (and digits) that look like Latin letters, folded to the Latin
 * letter they imitate. Not the whole Unicode confusables table: the look-alikes a student
 * can type on a phone or laptop keyboard.
 */
const CONFUSABLES: Readonly<Record<string, string>> = {
  // Cyrillic
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  ѕ: 's', і: 'i', ї: 'i', ј: 'j', ԁ: 'd', ԛ: 'q', ԝ: 'w', һ: 'h', ү: 'y', ӏ: 'l',
  // Greek
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ζ: 'z', μ: 'u',
  // Digits and Latin letters that pass for one another
  '0': 'o', '1': 'l', '3': 'e', '5': 's', '8': 'b', i: 'l', ı: 'l', ɑ: 'a', ɡ: 'g',
};

/** A text cleaned ([CLASS-NICK-1]), lower-cased, without accents, other combining marks or spaces: what names are compared and searched by. */
export function foldedText(text: string): string {
  return cleanNickname(text).toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/\s/gu, '');
}

/**
 * [CLASS-NICK-2] The key two nicknames are compared by for uniqueness: cleaned, lower-cased,
 * accents and other combining marks removed, spaces dropped, look-alike letters folded.
 * "Ada", "АDА" (Cyrillic) and "A\u200Bda" share a key.
 */
export function nicknameKey(name: string): string {
  const base = foldedText(name);
  let key = '';
  for (const ch of base) key += CONFUSABLES[ch] ?? ch;
  return key;
}
