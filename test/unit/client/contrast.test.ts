// Text on the game's own fills reads at WCAG AA (4.5:1 or more; issue 16 item 7): the
// primary buttons and the level map's stops were 4.3:1 and 2.8:1.
import { describe, expect, it } from 'vitest';
import { UI } from '../../../client/src/palette.ts';

/** WCAG 2 relative luminance of a 0xRRGGBB colour. */
function luminance(rgb: number): number {
  const channel = (c: number): number => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel((rgb >> 16) & 0xff) + 0.7152 * channel((rgb >> 8) & 0xff) + 0.0722 * channel(rgb & 0xff);
}

function contrast(a: number, b: number): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const TEXT = Number.parseInt(UI.text.slice(1), 16);

describe('contrast of text on the game\'s fills', () => {
  it('the formula agrees with WCAG\'s extremes', () => {
    expect(contrast(0xffffff, 0x000000)).toBeCloseTo(21, 5);
    expect(contrast(0x777777, 0x777777)).toBe(1);
  });

  it.each([
    ['a primary button', UI.primaryFill],
    ['a completed level\'s stop', UI.doneFill],
    ['a panel', UI.panel],
    ['the background', UI.background],
  ])('text on %s reads at 4.5:1 or more', (_name, fill) => {
    expect(contrast(TEXT, fill)).toBeGreaterThanOrEqual(4.5);
  });
});
