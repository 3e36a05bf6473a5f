// The round picker's lines and search, and the round editor's settings
// (client/src/scenes/class/round-catalogue.ts), judged by the engine's own preview.
import { describe, expect, it } from 'vitest';
import { previewRound } from '../../../shared/match/round-preview.ts';
import { EDITOR_DEFAULTS, editorSettings, filterRounds, lengthWords, roundLine, type ListedRoundLike } from '../../../client/src/scenes/class/round-catalogue.ts';

const round = (id: string, title: string, description: string, kind: string, requests: number, estimateMs: number, limitMs: number | null, builtIn = true): ListedRoundLike =>
  ({ id, title, description, kind, requests, builtIn, length: { estimateMs, limitMs } });

const ROUNDS = [
  round('warm-up', 'Warm-up: the buddy walk-through', 'Two blocks in 8 units', 'buddy', 2, 8_000, null),
  round('fair-duel', 'Competition: the fair adversary', 'Everyone gets the same sizes', 'freelist', 40, 160_000, 800_000),
  round('h-1', 'Peaks by hand', '', 'freelist', 24, 96_000, 60_000, false),
];

describe('the round picker', () => {
  it('says each round\'s kind, requests and expected length, and whose it is', () => {
    expect(roundLine(ROUNDS[0]!)).toBe('buddy · 2 requests · under a minute');
    expect(roundLine(ROUNDS[1]!)).toBe('free list · 40 requests · about 3 min');
    // A whole-round clock shorter than the estimate ends it first.
    expect(roundLine(ROUNDS[2]!)).toBe('free list · 24 requests · at most 1 min · yours');
    expect(lengthWords({ estimateMs: 29_000, limitMs: null })).toBe('under a minute');
  });

  it('finds rounds by every word of the search in the title, description or kind', () => {
    expect(filterRounds(ROUNDS, '').map((r) => r.id)).toEqual(['warm-up', 'fair-duel', 'h-1']);
    expect(filterRounds(ROUNDS, 'BUDDY').map((r) => r.id)).toEqual(['warm-up']);
    expect(filterRounds(ROUNDS, 'free list').map((r) => r.id)).toEqual(['fair-duel', 'h-1']);
    expect(filterRounds(ROUNDS, 'same sizes').map((r) => r.id)).toEqual(['fair-duel']);
    expect(filterRounds(ROUNDS, 'nothing like it')).toEqual([]);
  });
});

describe('the round editor', () => {
  it('turns its fields into settings the engine previews, for every stream and kind', () => {
    for (const source of ['peaks', 'ramp', 'plateau', 'fair', 'adaptive', 'script', 'ostep'] as const) {
      const preview = previewRound(editorSettings({ ...EDITOR_DEFAULTS, source }));
      expect(preview.ok, source).toBe(true);
    }
    for (const kind of ['buddy', 'slab', 'arena'] as const) expect(previewRound(editorSettings({ ...EDITOR_DEFAULTS, kind })).ok, kind).toBe(true);
  });

  it('sends the clock, the hints and the fallback as set', () => {
    const settings = editorSettings({ ...EDITOR_DEFAULTS, clock: 'request', seconds: 15, hints: true, fallback: 'best-fit', description: 'mind the holes' });
    expect(settings).toMatchObject({ clock: { per: 'request', seconds: 15 }, hints: true, fallback: 'best-fit', description: 'mind the holes' });
    expect(editorSettings({ ...EDITOR_DEFAULTS, clock: 'none' })).toMatchObject({ clock: { per: 'none' } });
    expect(editorSettings(EDITOR_DEFAULTS)).not.toHaveProperty('fallback');
  });

  it('gets the engine\'s own words for settings it refuses', () => {
    const preview = previewRound(editorSettings({ ...EDITOR_DEFAULTS, align: 3 }));
    expect(preview.ok ? '' : `${preview.code}: ${preview.message}`).toBe('options/invalid: alignment must be a power of two from 1 to 4096, not 3');
  });
});
