// On a touch screen the game speaks of taps, not keys (client/src/ui/touch.ts): buttons
// drop their key hints and the help lines say "tap"; with keys and a mouse nothing changes.
import { describe, expect, it } from 'vitest';
import { playHelp, withoutKeyHint } from '../../../client/src/ui/touch.ts';

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
});
