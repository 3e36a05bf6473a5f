// The round picker's and the round editor's plain data: a round as the class's list gives
// it (GET /api/classes/:code/rounds), the line the picker shows for it ("buddy · 60
// requests · about 4 min"), the search, and the editor's form values turned into round
// settings (shared/match/round-settings.ts checks them, and previewRound previews them,
// in the engine's own words). Pure: no DOM, unit-tested.

import { kindLabel, type RegisteredKind } from '../../../../shared/match/kinds.ts';

/** A round as the class's list gives it (server/classroom/round-library.ts ListedRound, the fields the picker reads). */
export interface ListedRoundLike {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly builtIn: boolean;
  readonly kind: string;
  readonly requests: number;
  readonly length: { readonly limitMs: number | null; readonly estimateMs: number };
}

/** "about 4 min", "at most 2 min" when the round's clock ends it first, "under a minute". */
export function lengthWords(length: ListedRoundLike['length']): string {
  const minutes = Math.round(length.estimateMs / 60_000);
  const words = minutes < 1 ? 'under a minute' : `about ${minutes} min`;
  return length.limitMs !== null && length.limitMs <= length.estimateMs ? `at most ${Math.max(1, Math.round(length.limitMs / 60_000))} min` : words;
}

/** The picker's second line for a round: kind, requests, expected length, and whose it is. */
export function roundLine(round: ListedRoundLike): string {
  const requests = `${round.requests} ${round.requests === 1 ? 'request' : 'requests'}`;
  return `${kindLabel(round.kind)} · ${requests} · ${lengthWords(round.length)}${round.builtIn ? '' : ' · yours'}`;
}

/** The rounds whose title, description or kind holds every word of `query` (case ignored), in list order. */
export function filterRounds<T extends ListedRoundLike>(rounds: readonly T[], query: string): T[] {
  const words = query.toLowerCase().split(/\s+/).filter((w) => w !== '');
  return rounds.filter((r) => {
    const text = `${r.title} ${r.description} ${kindLabel(r.kind)}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

/** Where the editor's round takes its requests from. */
export type EditorSource = 'peaks' | 'ramp' | 'plateau' | 'fair' | 'adaptive' | 'script' | 'ostep';

/** The editor's fields, as the form holds them (numbers already read). */
export interface EditorValues {
  readonly title: string;
  readonly description: string;
  readonly kind: RegisteredKind;
  /** Free list: the heap limit in bytes, alignment, coalescing and growth. */
  readonly heapLimit: number;
  readonly align: number;
  readonly coalesce: 'immediate' | 'deferred';
  readonly growth: 'fixed' | 'sbrk';
  /** Buddy: 2^maxOrder units. */
  readonly maxOrder: number;
  /** Slab: pages in the pool. */
  readonly pageLimit: number;
  /** Arena: bytes per arena. */
  readonly chunkSize: number;
  readonly source: EditorSource;
  /** Requests (allocations) the stream makes. */
  readonly count: number;
  readonly minSize: number;
  readonly maxSize: number;
  /** The adversaries' live budget in bytes. */
  readonly budget: number;
  /** A lecture script's name. */
  readonly script: string;
  /** An OSTEP malloc.py op list (`+10,-0,+20`). */
  readonly ops: string;
  readonly seed: number;
  readonly clock: 'none' | 'request' | 'round';
  readonly seconds: number;
  readonly hints: boolean;
  /** '' for the kind's default. */
  readonly fallback: string;
}

/** The kind's options from the editor's fields. */
function optionsOf(v: EditorValues): Record<string, unknown> {
  switch (v.kind) {
    case 'freelist':
      return { limit: v.heapLimit, align: v.align, coalesce: v.coalesce, growth: v.growth };
    case 'buddy':
      return { maxOrder: v.maxOrder };
    case 'slab':
      return { pageLimit: v.pageLimit };
    case 'arena':
      return { chunkSize: v.chunkSize };
  }
}

/** The stream source from the editor's fields. */
function sourceOf(v: EditorValues): Record<string, unknown> {
  const sizes = { kind: 'uniform', min: v.minSize, max: v.maxSize };
  switch (v.source) {
    case 'peaks':
      return { source: 'pattern', spec: { pattern: 'peaks', peaks: 4, perPeak: Math.max(1, Math.ceil(v.count / 4)), sizes, survivors: 0.15 } };
    case 'ramp':
      return { source: 'pattern', spec: { pattern: 'ramp', count: v.count, sizes, freeAtEnd: true } };
    case 'plateau':
      return { source: 'pattern', spec: { pattern: 'plateau', count: Math.max(1, Math.ceil(v.count / 2)), sizes, churn: Math.floor(v.count / 2), churnLife: 5 } };
    case 'fair':
      return { source: 'fair', liveBudget: v.budget, requests: v.count, sizes, menu: 4 };
    case 'adaptive':
      return { source: 'adaptive', liveBudget: v.budget, minSize: v.minSize, maxSize: v.maxSize };
    case 'script':
      return { source: 'script', name: v.script };
    case 'ostep':
      return { source: 'ostep', ops: v.ops };
  }
}

/** [Round editor] The round settings (JSON) the editor's fields say; the engine judges them. */
export function editorSettings(v: EditorValues): Record<string, unknown> {
  return {
    title: v.title,
    ...(v.description ? { description: v.description } : {}),
    kind: v.kind,
    options: optionsOf(v),
    source: sourceOf(v),
    seed: v.seed,
    clock: v.clock === 'none' ? { per: 'none' } : { per: v.clock, seconds: v.seconds },
    hints: v.hints,
    ...(v.fallback ? { fallback: v.fallback } : {}),
  };
}

/** The editor's fields when it opens: a free-list round of peaks, 2 minutes for the whole round. */
export const EDITOR_DEFAULTS: EditorValues = {
  title: 'My round', description: '', kind: 'freelist', heapLimit: 4096, align: 8, coalesce: 'immediate', growth: 'sbrk', maxOrder: 8, pageLimit: 16, chunkSize: 4096,
  source: 'peaks', count: 24, minSize: 8, maxSize: 128, budget: 1024, script: 'best-fit-gone-wrong', ops: '+10,+20,-0,+5', seed: 1,
  clock: 'round', seconds: 120, hints: false, fallback: '',
};
