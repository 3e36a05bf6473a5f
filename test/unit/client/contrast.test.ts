// Text on the game's own fills reads at WCAG AA (4.5:1 or more; issue 16 item 7): the
// primary buttons and the level map's stops were 4.3:1 and 2.8:1. Every word colour on
// every dark surface it is drawn on, and a block's label on every block colour.
import { describe, expect, it } from 'vitest';
import { OKABE_ITO, ROLE_COLOUR, UI, luminance, textOn } from '../../../client/src/palette.ts';

function contrast(a: number, b: number): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const hex = (css: string): number => Number.parseInt(css.slice(1), 16);

/** The surfaces words are drawn on: the screen, panels and cards, and a hole on the heap line. */
const SURFACES = [['the background', UI.background], ['a panel', UI.panel], ['a hole', UI.free], ['the room past the break', UI.unused]] as const;
/** The word colours drawn on them. */
const WORDS = [['text', UI.text], ['dim text', UI.dim], ['good news', UI.good], ['bad news', UI.bad], ['a legal placement', UI.legalText]] as const;

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
    expect(contrast(hex(UI.text), fill)).toBeGreaterThanOrEqual(4.5);
  });

  it.each(SURFACES.flatMap(([surface, fill]) => WORDS.map(([word, colour]) => [word, surface, colour, fill] as const)))(
    '%s on %s reads at 4.5:1 or more', (_word, _surface, colour, fill) => {
      expect(contrast(hex(colour), fill)).toBeGreaterThanOrEqual(4.5);
    },
  );

  it.each([...OKABE_ITO, ...Object.values(ROLE_COLOUR)].map((c) => [c.toString(16).padStart(6, '0'), c] as const))(
    'a block\'s label on #%s (the colour the label is chosen for) reads at 4.5:1 or more', (_name, fill) => {
      expect(contrast(hex(textOn(fill)), fill)).toBeGreaterThanOrEqual(4.5);
    },
  );
});
