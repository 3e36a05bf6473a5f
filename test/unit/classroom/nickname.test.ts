// Nicknames cannot impersonate (issue #12, item 10): NFKC, no zero-width or
// bidirectional controls, uniqueness on a confusable-folded form, and a length
// counted as a person counts characters.

import { describe, expect, it } from 'vitest';
import { chooseNickname } from '../../../server/classroom/nicknames.ts';
import { cleanNickname, nicknameKey, nicknameLength, MAX_NICKNAME } from '../../../shared/classroom/nickname.ts';

const taken = (...names: string[]) => (key: string) => names.some((n) => nicknameKey(n) === key);

describe('nicknames', () => {
  it('[CLASS-NICK-1] folds compatibility forms (NFKC): full-width letters are plain letters', () => {
    expect(cleanNickname('Ａｄａ')).toBe('Ada');
  });

  it('[CLASS-NICK-1] strips zero-width and bidirectional control characters', () => {
    expect(cleanNickname('A\u200Bd\u200Da\uFEFF')).toBe('Ada');
    expect(cleanNickname('\u202EadA\u202C')).toBe('adA');
    expect(cleanNickname('Ad\u2066a\u2069\u200F')).toBe('Ada');
  });

  it('[CLASS-NICK-2] a look-alike of a taken name is taken: case, Cyrillic and Greek letters, digits for letters', () => {
    const isTaken = taken('Ada', 'Paul');
    for (const lookAlike of ['ada', 'АDА', 'Аdа', 'A\u200Bda', 'Ａda', 'Pаul', 'PAUL', 'Ρaul']) {
      const result = chooseNickname(lookAlike, isTaken);
      expect(result.ok, lookAlike).toBe(false);
      if (!result.ok) expect(result.code).toBe('nickname/taken');
    }
    expect(chooseNickname('Adam', isTaken)).toEqual({ ok: true, nickname: 'Adam' });
  });

  it('[CLASS-NICK-2] a name made only of invisible characters gets a generated name, not an empty one', () => {
    const result = chooseNickname('\u200B\u200C\u202E', () => false);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.nickname.length).toBeGreaterThan(2);
  });

  it('[CLASS-NICK-3] counts characters as a person does: an emoji (even a joined family) is one', () => {
    expect(nicknameLength('Ada')).toBe(3);
    expect(nicknameLength('👩‍👩‍👧‍👦')).toBe(1);
    expect(nicknameLength('🇫🇷 Zoé')).toBe(5);
    const twenty = '😀'.repeat(MAX_NICKNAME);
    expect(chooseNickname(twenty, () => false)).toEqual({ ok: true, nickname: twenty });
    const tooLong = chooseNickname('😀'.repeat(MAX_NICKNAME + 1), () => false);
    expect(tooLong.ok).toBe(false);
    if (!tooLong.ok) expect(tooLong.code).toBe('nickname/too_long');
  });
});

describe('the join form keeps a nickname within the limit', () => {
  it('[CLASS-NICK-3] clips to twenty characters as a person counts them, never inside an emoji', async () => {
    const { clipNickname } = await import('../../../shared/classroom/nickname.ts');
    const family = '👩‍👩‍👧‍👦';
    expect(clipNickname(family.repeat(25))).toBe(family.repeat(20));
    expect(clipNickname('Ada')).toBe('Ada');
  });
});
