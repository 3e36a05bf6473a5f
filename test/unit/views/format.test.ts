// How the views write numbers and pick colours and label spots: byte counts, axis
// ticks, text contrast on palette colours, and labels that must not collide.

import { describe, expect, it } from 'vitest';
import { formatAddress, formatBytes, formatBytesShort, formatPercent, niceTicks, setHexAddresses } from '../../../client/src/views/format.ts';
import { OKABE_ITO, blockColour, blockPattern, textOn } from '../../../client/src/palette.ts';
import { LabelLane, clampedLeft } from '../../../client/src/views/labels.ts';
import { ageRangeOf, blockLook } from '../../../client/src/views/block-look.ts';

describe('formatBytes', () => {
  it('writes bytes below 1 KiB whole and larger sizes in KiB or MiB', () => {
    expect(formatBytes(12)).toBe('12 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(65536)).toBe('64 KiB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3 MiB');
    expect(formatBytesShort(65536)).toBe('64K');
    expect(formatPercent(0.625)).toBe('63%');
  });
});

describe('niceTicks', () => {
  it('steps by 1, 2 or 5 times a power of ten up to the first tick at or past the top', () => {
    expect(niceTicks(240, 5)).toEqual([0, 50, 100, 150, 200, 250]);
    expect(niceTicks(1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });

  it('steps by powers of two for bytes', () => {
    expect(niceTicks(5000, 5, true)).toEqual([0, 1024, 2048, 3072, 4096, 5120]);
  });
});

describe('palette', () => {
  it('gives ids 7 apart the same colour but a different pattern', () => {
    expect(blockColour(3)).toBe(blockColour(10));
    expect(blockPattern(3)).not.toBe(blockPattern(10));
  });

  it('writes dark text on the light Okabe-Ito colours and white on the dark blue and vermillion', () => {
    expect(textOn(0xf0e442)).toBe('#14161c');
    expect(textOn(0xe69f00)).toBe('#14161c');
    expect(textOn(0x0072b2)).toBe('#ffffff');
    expect(OKABE_ITO).toHaveLength(7);
  });
});

describe('LabelLane', () => {
  it('refuses a label that would come within the gap of one already placed', () => {
    const lane = new LabelLane(6);
    expect(lane.claim(0, 40)).toBe(true);
    expect(lane.claim(44, 80)).toBe(false);
    expect(lane.claim(46, 80)).toBe(true);
    expect(lane.isFree(20, 30)).toBe(false);
  });

  it('pushes a label at the end of a ruler inward instead of past the edge', () => {
    expect(clampedLeft(100, 30, 0, 110)).toBe(80);
    expect(clampedLeft(5, 30, 0, 110)).toBe(0);
    expect(clampedLeft(50, 30, 0, 110)).toBe(35);
  });
});

describe('blockLook by age', () => {
  it('spreads live blocks from the oldest to the newest request id over five colours', () => {
    const live = (id: number) => ({ start: id * 16, size: 16, state: 'live' as const, id });
    const ages = ageRangeOf([live(1), live(6), live(11), { start: 0, size: 16, state: 'free' }]);
    expect(ages).toEqual({ oldest: 1, newest: 11 });
    expect(blockLook(live(1), 'age', ages).colour).toBe(0x3b528b);
    expect(blockLook(live(6), 'age', ages).colour).toBe(0x5ec962);
    expect(blockLook(live(11), 'age', ages).colour).toBe(0xfde725);
  });
});

describe('addresses in decimal or hex (the player\'s choice)', () => {
  it('writes addresses in decimal by default and in hex when chosen', () => {
    expect(formatAddress(40)).toBe('40');
    setHexAddresses(true);
    try {
      expect(formatAddress(40)).toBe('0x28');
      expect(formatAddress(0)).toBe('0x0');
    } finally {
      setHexAddresses(false);
    }
    expect(formatAddress(4096)).toBe('4096');
  });
});
