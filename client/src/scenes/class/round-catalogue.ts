// The round picker's and the round editor's plain data: a round as the class's list gives
// it (GET /api/classes/:code/rounds), the line the picker shows for it ("buddy · 60
// requests · about 4 min"), the search, the editor's form values turned into round
// settings (shared/match/round-settings.ts checks them, and previewRound previews them,
// in the engine's own words), and a saved round's settings turned back into the editor's
// values (to edit a copy), naming what the editor cannot show. Pure: no DOM, unit-tested.

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
  /** Free list: bytes of header (before the payload) and footer (after it) in every block. */
  readonly header: number;
  readonly footer: number;
  /** Free list: no block is smaller (bytes). */
  readonly minBlock: number;
  /** Free list: requests of at least this many bytes get their own mapping; null: never. */
  readonly mmapThreshold: number | null;
  readonly coalesce: 'immediate' | 'deferred';
  readonly growth: 'fixed' | 'sbrk';
  /** Buddy: 2^maxOrder units, the smallest block 2^minOrder. */
  readonly maxOrder: number;
  readonly minOrder: number;
  /** Slab: pages in the pool. */
  readonly pageLimit: number;
  /** Slab: named caches, one a line: `name objectSize [pagesPerSlab]`; empty: the kernel's. */
  readonly caches: string;
  /** Slab: the size classes serving untagged requests. */
  readonly classes: 'pow2' | 'quarter' | 'none';
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
      return {
        limit: v.heapLimit, align: v.align, overhead: v.header + v.footer, header: v.header, minBlock: v.minBlock, coalesce: v.coalesce, growth: v.growth,
        ...(v.mmapThreshold === null ? {} : { mmapThreshold: v.mmapThreshold }),
      };
    case 'buddy':
      return { maxOrder: v.maxOrder, minOrder: v.minOrder };
    case 'slab':
      return { pageLimit: v.pageLimit, classes: v.classes, ...(v.caches.trim() ? { caches: parseCaches(v.caches) } : {}) };
    case 'arena':
      return { chunkSize: v.chunkSize };
  }
}

/** A slab cache as the round settings name it. */
export interface CacheLine {
  readonly name: string;
  readonly objectSize: number;
  readonly pagesPerSlab: number;
}

/** The caches field (`name objectSize [pagesPerSlab]` a line, one page a slab when left out) as the settings' caches; a number that is not one stays NaN, for the engine to refuse in its words. */
export function parseCaches(text: string): CacheLine[] {
  return text.split('\n').map((line) => line.trim()).filter((line) => line !== '').map((line) => {
    const [name = '', size, pages] = line.split(/[\s,:]+/);
    return { name, objectSize: Number(size), pagesPerSlab: pages === undefined ? 1 : Number(pages) };
  });
}

/** The caches as the field shows them. */
function cachesText(caches: readonly CacheLine[]): string {
  return caches.map((c) => `${c.name} ${c.objectSize} ${c.pagesPerSlab}`).join('\n');
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
  title: 'My round', description: '', kind: 'freelist', heapLimit: 4096, align: 8, header: 0, footer: 0, minBlock: 8, mmapThreshold: null, coalesce: 'immediate', growth: 'sbrk',
  maxOrder: 8, minOrder: 0, pageLimit: 16, caches: '', classes: 'pow2', chunkSize: 4096,
  source: 'peaks', count: 24, minSize: 8, maxSize: 128, budget: 1024, script: 'best-fit-gone-wrong', ops: '+10,+20,-0,+5', seed: 1,
  clock: 'round', seconds: 120, hints: false, fallback: '',
};

/** A saved round opened in the editor: its values, and the settings the editor has no field for (saving the copy leaves them out). */
export interface EditorCopy {
  readonly values: EditorValues;
  readonly dropped: readonly string[];
}

type Settings = Readonly<Record<string, unknown>>;

const asRecord = (value: unknown): Settings => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Settings) : {});
const num = (value: unknown, fallback: number): number => (typeof value === 'number' ? value : fallback);
const str = (value: unknown, fallback: string): string => (typeof value === 'string' ? value : fallback);

/** The option names the editor has fields for, by kind. */
const EDITED_OPTIONS: Readonly<Record<RegisteredKind, readonly string[]>> = {
  freelist: ['limit', 'align', 'overhead', 'header', 'minBlock', 'mmapThreshold', 'coalesce', 'growth'],
  buddy: ['maxOrder', 'minOrder'],
  slab: ['pageLimit', 'caches', 'classes'],
  arena: ['chunkSize'],
};

/** The editor's option fields from a saved round's options (the rest stay as the defaults). */
function optionValues(kind: RegisteredKind, o: Settings, d: EditorValues): Partial<EditorValues> {
  switch (kind) {
    case 'freelist': {
      const overhead = num(o.overhead, d.header + d.footer);
      const header = num(o.header, Math.ceil(overhead / 2));
      const coalesce = o.coalesce === 'deferred' ? 'deferred' : 'immediate';
      return { heapLimit: num(o.limit, d.heapLimit), align: num(o.align, d.align), header, footer: overhead - header, minBlock: num(o.minBlock, d.minBlock), mmapThreshold: typeof o.mmapThreshold === 'number' ? o.mmapThreshold : null, coalesce, growth: o.growth === 'fixed' ? 'fixed' : 'sbrk' };
    }
    case 'buddy':
      return { maxOrder: num(o.maxOrder, d.maxOrder), minOrder: num(o.minOrder, d.minOrder) };
    case 'slab':
      return { pageLimit: num(o.pageLimit, d.pageLimit), caches: Array.isArray(o.caches) ? cachesText(o.caches as CacheLine[]) : '', classes: o.classes === 'quarter' || o.classes === 'none' ? o.classes : 'pow2' };
    case 'arena':
      return { chunkSize: num(o.chunkSize, d.chunkSize) };
  }
}

/** The editor's stream fields from a saved round's source, or null for a source the editor does not make (a trace, its own events). */
function sourceValues(src: Settings, d: EditorValues): Partial<EditorValues> | null {
  const spec = asRecord(src.spec);
  const sizes = asRecord(spec.sizes ?? src.sizes);
  const range = { minSize: num(sizes.min ?? src.minSize, d.minSize), maxSize: num(sizes.max ?? src.maxSize, d.maxSize) };
  if (src.source === 'pattern' && spec.pattern === 'peaks') return { source: 'peaks', count: num(spec.peaks, 4) * num(spec.perPeak, 6), ...range };
  if (src.source === 'pattern' && spec.pattern === 'ramp') return { source: 'ramp', count: num(spec.count, d.count), ...range };
  if (src.source === 'pattern' && spec.pattern === 'plateau') return { source: 'plateau', count: num(spec.count, 0) + num(spec.churn, 0), ...range };
  if (src.source === 'fair') return { source: 'fair', count: num(src.requests, d.count), budget: num(src.liveBudget, d.budget), ...range };
  if (src.source === 'adaptive') return { source: 'adaptive', budget: num(src.liveBudget, d.budget), ...range };
  if (src.source === 'script') return { source: 'script', script: str(src.name, d.script) };
  if (src.source === 'ostep') return { source: 'ostep', ops: str(src.ops, d.ops) };
  return null;
}

/**
 * [Round editor: edit a copy] A saved round's settings as the editor's values, for a copy the
 * host changes and saves as a new round; `dropped` names what the editor has no field for
 * (an option, or a source it does not make), which the copy leaves out.
 */
export function editorCopy(settings: unknown, kinds: readonly RegisteredKind[]): EditorCopy {
  const s = asRecord(settings);
  const d = EDITOR_DEFAULTS;
  const kind = kinds.find((k) => k === s.kind) ?? d.kind;
  const options = asRecord(s.options);
  const dropped = Object.keys(options).filter((name) => !EDITED_OPTIONS[kind].includes(name)).map((name) => `options.${name}`);
  const stream = sourceValues(asRecord(s.source), d);
  if (!stream) dropped.push(`source (${str(asRecord(s.source).source, 'unknown')})`);
  const clock = asRecord(s.clock);
  const per = clock.per === 'request' || clock.per === 'round' ? clock.per : 'none';
  const values: EditorValues = {
    ...d, ...optionValues(kind, options, d), ...stream,
    title: str(s.title, d.title), description: str(s.description, ''), kind, seed: num(s.seed, d.seed),
    clock: per, seconds: num(clock.seconds, d.seconds), hints: s.hints === true, fallback: str(s.fallback, ''),
  };
  return { values, dropped };
}
