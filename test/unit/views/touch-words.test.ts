// On a touch screen the game speaks of taps, not keys (client/src/ui/touch.ts): buttons
// drop their key hints and the help lines say "tap"; with keys and a mouse nothing changes.
// Outside the help lines too (issue 13, item 17): every level's explanation and tips, said
// for touch (forTouch), name no key, no click and no press.
import { describe, expect, it } from 'vitest';
import { LEVELS } from '../../../shared/levels/levels.ts';
import { forTouch, playHelp, withoutKeyHint } from '../../../client/src/ui/touch.ts';

const KEY_WORDS = /\b(press|pressed|click|clicked|Enter|Esc|keys?|keyboard|arrow)\b|\([A-Z]\)|← →/i;

describe('words for a touch screen', () => {
  it('drops a button\'s key hint, and only that', () => {
    expect(withoutKeyHint('Hints: on (H)')).toBe('Hints: on');
    expect(withoutKeyHint('Continue to results (Enter)')).toBe('Continue to results');
    expect(withoutKeyHint('Give back empty slab (G)')).toBe('Give back empty slab');
    expect(withoutKeyHint('Sound: 70% (M)')).toBe('Sound: 70%');
    expect(withoutKeyHint('✕')).toBe('✕');
    expect(withoutKeyHint('malloc(20)')).toBe('malloc(20)');
  });

  it('says tap on a touch screen and never names a key there', () => {
    const touch = playHelp(true);
    for (const line of [touch.line, touch.tree, touch.board('slab'), touch.explanationEnd, touch.gone]) {
      expect(line).toMatch(/[Tt]ap/);
      expect(line).not.toMatch(/Enter|←|→|click|press|\(N/i);
    }
    expect(playHelp(false).line).toMatch(/click a hole, or use ← → and Enter/);
  });

  it('names an arena with "an", a slab with "a", with keys and by touch', () => {
    for (const touch of [false, true]) {
      expect(playHelp(touch).board('arena')).toMatch(/^(Click|Tap) an arena \(or "\+ new arena"\)/);
      expect(playHelp(touch).board('slab')).toMatch(/^(Click|Tap) a slab /);
    }
  });

  it('says every level explanation and tip with taps, not keys', () => {
    for (const level of LEVELS) {
      for (const text of [level.explanation, ...level.tips]) expect(forTouch(text), `${level.id}: ${text}`).not.toMatch(KEY_WORDS);
    }
  });

  it('drops key hints in brackets and makes clicks and presses taps', () => {
    expect(forTouch('Drag the request card onto the heap or click the free space at the break (or press Enter).')).toBe('Drag the request card onto the heap or tap the free space at the break.');
    expect(forTouch('Press "Coalesce" (C) first and it fits.')).toBe('Tap "Coalesce" first and it fits.');
    expect(forTouch('step (click to replay it)')).toBe('step (tap to replay it)');
    expect(forTouch('Clicked twice')).toBe('Tapped twice');
  });
});
