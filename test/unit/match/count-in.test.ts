// The class round's 3-2-1 ([MATCH-TIME-6]): each word shows for a second, then nothing.
import { describe, expect, it } from 'vitest';
import { COUNT_IN_MS, countInWord } from '../../../shared/match/count-in.ts';

describe('the count-in [MATCH-TIME-6]', () => {
  it('[MATCH-TIME-6] shows 3, 2, 1 over three seconds, then nothing', () => {
    expect(COUNT_IN_MS).toBe(3000);
    expect([3000, 2500, 2001, 2000, 1500, 1001, 1000, 1, 0, -5].map(countInWord)).toEqual(['3', '3', '3', '2', '2', '2', '1', '1', null, null]);
    // A clock that runs behind the server's still starts at 3, never at 4.
    expect(countInWord(4200)).toBe('3');
    expect(countInWord(Number.NaN)).toBeNull();
  });
});
