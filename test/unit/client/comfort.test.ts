// The comfort settings as the browser keeps them (client/src/a11y/comfort.ts): practice
// clock, motion and text size; each setting missing or malformed in storage is its own
// default, and text that is not JSON at all is every default.
import { describe, expect, it } from 'vitest';
import { DEFAULT_COMFORT, TEXT_SIZES, isMotionReduced, readComfort } from '../../../client/src/a11y/comfort.ts';

describe('comfort settings', () => {
  it('default to the clock on, motion as the system asks and text at 100 %', () => {
    expect(readComfort(null)).toEqual({ noClock: false, motion: 'system', textSize: 1 });
    expect(DEFAULT_COMFORT).toEqual(readComfort(null));
  });

  it('read back what was kept', () => {
    expect(readComfort('{"noClock":true,"motion":"reduce","textSize":2}')).toEqual({ noClock: true, motion: 'reduce', textSize: 2 });
    expect(readComfort('{"motion":"full","textSize":1.75}')).toEqual({ noClock: false, motion: 'full', textSize: 1.75 });
    expect(TEXT_SIZES.map((size) => readComfort(JSON.stringify({ textSize: size })).textSize)).toEqual([1, 1.25, 1.5, 1.75, 2]);
  });

  it('take every default for stored text that is not a JSON object', () => {
    for (const stored of ['', 'nope', '{"textSize":', 'null', '42', '"reduce"']) expect(readComfort(stored), stored).toEqual(DEFAULT_COMFORT);
  });

  it('take the default of each malformed setting and keep the good ones', () => {
    expect(readComfort('{"noClock":"yes","motion":"slow","textSize":3}')).toEqual(DEFAULT_COMFORT);
    expect(readComfort('{"textSize":"2","motion":"reduce"}')).toEqual({ ...DEFAULT_COMFORT, motion: 'reduce' });
    expect(readComfort('{"textSize":1.1,"noClock":true}')).toEqual({ ...DEFAULT_COMFORT, noClock: true });
  });

  it('reduce motion as the system asks unless the player chose', () => {
    const asks = (): boolean => true;
    const doesNot = (): boolean => false;
    expect(isMotionReduced({ ...DEFAULT_COMFORT, motion: 'system' }, asks)).toBe(true);
    expect(isMotionReduced({ ...DEFAULT_COMFORT, motion: 'system' }, doesNot)).toBe(false);
    expect(isMotionReduced({ ...DEFAULT_COMFORT, motion: 'full' }, asks)).toBe(false);
    expect(isMotionReduced({ ...DEFAULT_COMFORT, motion: 'reduce' }, doesNot)).toBe(true);
  });
});
