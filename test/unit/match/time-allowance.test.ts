// A student's time accommodation (shared/match/time-allowance.ts): when a request is due for them.
import { describe, expect, it } from 'vitest';
import { allowedDeadline, isTimeAllowance } from '../../../shared/match/time-allowance.ts';

describe('time allowance', () => {
  const pending = { issuedAtMs: 1_000, deadlineMs: 31_000 };

  it('[MATCH-TIME-5] standard keeps the round\'s deadline; x1.5 and x2 stretch the time after the request was issued', () => {
    expect(allowedDeadline(pending, 'standard')).toBe(31_000);
    expect(allowedDeadline(pending, 'x1.5')).toBe(46_000);
    expect(allowedDeadline(pending, 'x2')).toBe(61_000);
  });

  it('[MATCH-TIME-5] no time limit, or a round with no clock, is never due', () => {
    expect(allowedDeadline(pending, 'none')).toBeNull();
    expect(allowedDeadline({ issuedAtMs: 1_000, deadlineMs: null }, 'x2')).toBeNull();
  });

  it('knows the allowances by name and nothing else', () => {
    expect(['standard', 'x1.5', 'x2', 'none'].every(isTimeAllowance)).toBe(true);
    expect(['x3', '', 'None', 2, null].some(isTimeAllowance)).toBe(false);
  });
});
