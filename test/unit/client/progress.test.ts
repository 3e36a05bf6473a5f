// The level map's star counter (client/src/progress.ts): the stars earned over the
// curriculum, out of three a level, counting only the levels that exist.
import { describe, expect, it } from 'vitest';
import { starTotals } from '../../../client/src/progress.ts';

describe('the total-stars counter', () => {
  it('adds the best stars of each level, out of three per level', () => {
    expect(starTotals({ a: 3, b: 1 }, ['a', 'b', 'c'])).toEqual({ earned: 4, possible: 9 });
  });

  it('counts nothing for a level that is no longer in the curriculum', () => {
    expect(starTotals({ gone: 3, a: 2 }, ['a'])).toEqual({ earned: 2, possible: 3 });
    expect(starTotals({}, ['a', 'b'])).toEqual({ earned: 0, possible: 6 });
  });
});
