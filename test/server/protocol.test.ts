import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../server/protocol/validate.ts';
import { KeyedLimiter, TokenBucket } from '../../server/protocol/rate-limit.ts';
import { JOIN_CODE_ALPHABET, generateJoinCode, normalizeJoinCode } from '../../server/protocol/join-code.ts';

const placeShape = {
  requestId: { type: 'int', min: 0, max: 1_000_000 },
  target: { type: 'int', min: -1, max: 2 ** 40 },
  version: { type: 'int', min: 0, max: 2 ** 31 },
} as const;

describe('message validation', () => {
  it('accepts a well-formed message and returns exactly its fields', () => {
    expect(parseMessage(placeShape, { requestId: 3, target: 16, version: 2 })).toEqual({ ok: true, value: { requestId: 3, target: 16, version: 2 } });
  });

  it.each([
    [null, 'message/malformed'],
    [[1, 2], 'message/malformed'],
    ['place', 'message/malformed'],
    [{ requestId: 3, target: 16 }, 'message/missing_field'],
    [{ requestId: 3, target: 16, version: 2, extra: 1 }, 'message/unknown_field'],
    [{ requestId: '3', target: 16, version: 2 }, 'message/bad_type'],
    [{ requestId: 3.5, target: 16, version: 2 }, 'message/bad_type'],
    [{ requestId: Number.NaN, target: 16, version: 2 }, 'message/bad_type'],
    [{ requestId: 3, target: Number.POSITIVE_INFINITY, version: 2 }, 'message/bad_type'],
    [{ requestId: -4, target: 16, version: 2 }, 'message/out_of_range'],
    [{ requestId: 3, target: 2 ** 41, version: 2 }, 'message/out_of_range'],
  ])('refuses %j with %s', (raw, code) => {
    expect(parseMessage(placeShape, raw)).toMatchObject({ ok: false, code });
  });

  it('refuses an object with a poisoned prototype key as an unknown field', () => {
    expect(parseMessage(placeShape, JSON.parse('{"requestId":1,"target":1,"version":1,"__proto__":{"x":1}}'))).toMatchObject({ ok: false, code: 'message/unknown_field' });
  });

  it('checks strings by length and enums by value, and lets optional fields be left out', () => {
    const shape = { nickname: { type: 'string', maxLength: 20, optional: true }, mode: { type: 'enum', values: ['shown', 'hidden'] } } as const;
    expect(parseMessage(shape, { mode: 'shown' })).toEqual({ ok: true, value: { mode: 'shown' } });
    expect(parseMessage(shape, { mode: 'loud' })).toMatchObject({ ok: false, code: 'message/bad_type' });
    expect(parseMessage(shape, { mode: 'shown', nickname: 'x'.repeat(21) })).toMatchObject({ ok: false, code: 'message/out_of_range' });
  });
});

describe('rate limits', () => {
  it('allows a burst, then one message per refill interval', () => {
    const bucket = new TokenBucket({ ratePerSecond: 2, burst: 3 }, 0);
    expect([bucket.take(0), bucket.take(0), bucket.take(0), bucket.take(0)]).toEqual([true, true, true, false]);
    expect(bucket.waitMs(0)).toBe(500);
    expect(bucket.take(499)).toBe(false);
    expect(bucket.take(1000)).toBe(true);
  });

  it('keeps separate buckets per key', () => {
    const limiter = new KeyedLimiter({ ratePerSecond: 1, burst: 1, idleMs: 60_000 });
    expect(limiter.take('a', 0)).toBe(true);
    expect(limiter.take('a', 0)).toBe(false);
    expect(limiter.take('b', 0)).toBe(true);
  });
});

describe('join codes', () => {
  it('are six characters from the unambiguous alphabet and avoid codes in use', () => {
    const taken = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const code = generateJoinCode((c) => taken.has(c));
      expect(code).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`));
      expect(taken.has(code)).toBe(false);
      taken.add(code);
    }
    for (const ambiguous of '0O1IL2Z5S8BUV') expect(JOIN_CODE_ALPHABET).not.toContain(ambiguous);
  });

  it('normalizes what a student types', () => {
    expect(normalizeJoinCode(' k1m-4pq ')).toBeNull();
    expect(normalizeJoinCode('kcm-4pq')).toBe('KCM4PQ');
    expect(normalizeJoinCode('KCM4P')).toBeNull();
  });
});
