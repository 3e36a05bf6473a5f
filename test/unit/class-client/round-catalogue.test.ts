// The round picker's lines and search, and the round editor's settings
// (client/src/scenes/class/round-catalogue.ts), judged by the engine's own preview.
import { describe, expect, it } from 'vitest';
import { previewRound } from '../../../shared/match/round-preview.ts';
import { EDITOR_DEFAULTS, editorCopy, editorSettings, filterRounds, lengthWords, parseCaches, roundLine, type EditorValues, type ListedRoundLike } from '../../../client/src/scenes/class/round-catalogue.ts';
import { createAllocator, registeredKinds } from '../../../shared/match/kinds.ts';

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

  it('sets the free list\'s header, footer, minimum block and mmap threshold, the buddy\'s smallest order, the slab\'s caches, classes and page limit', () => {
    const freelist = editorSettings({ ...EDITOR_DEFAULTS, header: 4, footer: 4, minBlock: 16, mmapThreshold: 256 });
    expect(freelist.options).toMatchObject({ overhead: 8, header: 4, minBlock: 16, mmapThreshold: 256 });
    expect(editorSettings(EDITOR_DEFAULTS).options).not.toHaveProperty('mmapThreshold');
    expect(previewRound(freelist).ok).toBe(true);
    const buddy = editorSettings({ ...EDITOR_DEFAULTS, kind: 'buddy', maxOrder: 10, minOrder: 2 });
    expect(buddy.options).toEqual({ maxOrder: 10, minOrder: 2 });
    expect(previewRound(buddy).ok).toBe(true);
    const slab = editorSettings({ ...EDITOR_DEFAULTS, kind: 'slab', pageLimit: 32, classes: 'quarter', caches: 'inode 600 1\n  dentry 192\n' });
    expect(slab.options).toEqual({ pageLimit: 32, classes: 'quarter', caches: [{ name: 'inode', objectSize: 600, pagesPerSlab: 1 }, { name: 'dentry', objectSize: 192, pagesPerSlab: 1 }] });
    expect(previewRound(slab).ok).toBe(true);
    expect(editorSettings({ ...EDITOR_DEFAULTS, kind: 'slab' }).options).not.toHaveProperty('caches');
  });

  it('gets the engine\'s own words for a header past the overhead, an mmap threshold of 0, orders the wrong way round and a cache without a size', () => {
    const cases: [Partial<EditorValues>, Parameters<typeof createAllocator>[0]][] = [
      [{ header: 8, footer: -4 }, { kind: 'freelist', options: { overhead: 4, header: 8 } }],
      [{ mmapThreshold: 0 }, { kind: 'freelist', options: { mmapThreshold: 0 } }],
      [{ kind: 'buddy', maxOrder: 3, minOrder: 5 }, { kind: 'buddy', options: { maxOrder: 3, minOrder: 5 } }],
      [{ kind: 'slab', caches: 'dentry big' }, { kind: 'slab', options: { caches: parseCaches('dentry big') } }],
    ];
    for (const [fields, setup] of cases) {
      const engine = createAllocator(setup);
      expect(engine.ok, JSON.stringify(setup)).toBe(false);
      const preview = previewRound(editorSettings({ ...EDITOR_DEFAULTS, ...fields }));
      expect(preview.ok ? '' : preview.message, JSON.stringify(fields)).toBe(engine.ok ? 'the engine took it' : engine.message);
    }
  });
});

describe('editing a copy of a saved round', () => {
  const kinds = registeredKinds();
  const edited: EditorValues[] = [
    { ...EDITOR_DEFAULTS, title: 'Peaks', description: 'mind the holes', header: 4, footer: 4, minBlock: 16, mmapThreshold: 512, coalesce: 'deferred', growth: 'fixed', clock: 'request', seconds: 15, hints: true, fallback: 'best-fit' },
    { ...EDITOR_DEFAULTS, source: 'ramp', count: 10 },
    { ...EDITOR_DEFAULTS, source: 'plateau', count: 12, seed: 9 },
    { ...EDITOR_DEFAULTS, kind: 'buddy', maxOrder: 10, minOrder: 1, source: 'fair', count: 30, budget: 512, clock: 'none' },
    { ...EDITOR_DEFAULTS, kind: 'slab', pageLimit: 8, classes: 'none', caches: 'inode 600 1\ndentry 192 2', source: 'adaptive', budget: 2048 },
    { ...EDITOR_DEFAULTS, kind: 'arena', chunkSize: 1024, source: 'script', script: 'best-fit-gone-wrong' },
    { ...EDITOR_DEFAULTS, source: 'ostep', ops: '+10,-0,+20' },
  ];

  it('opens every round the editor saves with the fields it was saved with, nothing left out', () => {
    for (const values of edited) expect(editorCopy(JSON.parse(JSON.stringify(editorSettings(values))), kinds), values.source).toEqual({ values, dropped: [] });
  });

  it('names what the editor cannot show of a round made over the API (a trace, an option it has no field for)', () => {
    const copy = editorCopy({ title: 'Imported trace', kind: 'freelist', options: { align: 16, chunk: 64, split: false }, source: { source: 'trace', format: 'rep', text: '…' } }, kinds);
    expect(copy.dropped).toEqual(['options.chunk', 'options.split', 'source (trace)']);
    expect(copy.values).toMatchObject({ title: 'Imported trace', align: 16, source: EDITOR_DEFAULTS.source });
  });
});
