// A host's round as plain JSON ([MATCH-SET-*] in SPEC.md): title and description, the
// allocator kind and its options, the stream (a pattern, a lecture script, inline events,
// a CS:APP `.rep` trace, an OSTEP `malloc.py` op list, or an adversary), the seed, the
// clock (per request, for the whole round, or none), hints and the fallback policy.
// `checkRoundSettings` reads untrusted JSON into a round a room can start, refusing bad
// settings with `{ code, message }`: the shape here (`settings/invalid`), the values in
// the engine's own words (it builds the round and keeps the engine's refusal). The
// server (HTTP API) and the host's editor (client) call the same function.

import { refuse, succeed, type Outcome } from '../core/outcome.ts';
import { parseOstepOps } from '../trace/ostep.ts';
import { CSAPP_CONFIG, LECTURE_CONFIG } from '../freelist/presets.ts';
import { defaultPolicyFor, isRegisteredKind, registeredKinds, type RegisteredKind } from './kinds.ts';
import { startMatch } from './match.ts';
import type { RoundConfig } from './round-config.ts';
import { fixedStream, isFixedSource, type RoundSource } from './sources.ts';

/** The clock of a round: none, seconds for each request, or seconds for the whole round. */
export type RoundClock =
  | { readonly per: 'none' }
  | { readonly per: 'request'; readonly seconds: number }
  | { readonly per: 'round'; readonly seconds: number };

/** An OSTEP `malloc.py` op list (`+10,-0,+20`), read into inline events when the round is checked. */
export interface OstepSource {
  readonly source: 'ostep';
  readonly ops: string;
}

/** Where a host's round takes its requests from: any round source, or an OSTEP op list. */
export type SettingsSource = RoundSource | OstepSource;

/** [MATCH-SET-1] A host's round as JSON. Optional fields have defaults (see checkRoundSettings). */
export interface RoundSettings {
  readonly title: string;
  readonly description?: string;
  readonly kind: RegisteredKind;
  /** The kind's options as its engine names them (shared/freelist/options.ts, buddy, slab, arena); default: the engine's defaults. */
  readonly options?: Readonly<Record<string, unknown>>;
  readonly source: SettingsSource;
  /** Default 1. */
  readonly seed?: number;
  /** Default: no clock. */
  readonly clock?: RoundClock;
  /** Whether students see where each built-in policy would go; default false. */
  readonly hints?: boolean;
  /** The built-in policy that places an overdue request; default: the kind's (first fit, address order, for a free list). */
  readonly fallback?: string;
}

/** A checked round, ready to start: the engine's config and what the class shows beside it. */
export interface CheckedRound {
  readonly config: RoundConfig;
  readonly title: string;
  readonly description: string;
  readonly showHints: boolean;
  /** Milliseconds for the whole round; null when the round has no whole-round clock. */
  readonly roundTimeMs: number | null;
}

export type SettingsCode = 'settings/invalid';

/** The most stream events a round may have (a class plays every one by hand, or its fallback does). */
export const MAX_ROUND_EVENTS = 20_000;
/** The largest request a generated stream may ask for. */
export const MAX_REQUEST_BYTES = 2 ** 30;
/** The longest trace text (a `.rep` file, an OSTEP list) a round may carry. */
export const MAX_TRACE_CHARS = 1_000_000;
export const MAX_TITLE_CHARS = 80;
export const MAX_DESCRIPTION_CHARS = 200;
const MAX_REQUEST_SECONDS = 600;
const MIN_ROUND_SECONDS = 10;
const MAX_ROUND_SECONDS = 7200;
const MAX_SEED = 2 ** 32 - 1;
/** The adaptive adversary issues up to 16 × budget / smallest size events: kept under MAX_ROUND_EVENTS. */
const MAX_ADAPTIVE_RATIO = 1024;

type Problem = string | null;
type Plain = Readonly<Record<string, unknown>>;

const SETTINGS_KEYS = ['title', 'description', 'kind', 'options', 'source', 'seed', 'clock', 'hints', 'fallback'] as const;

/** The options each kind's engine takes (its values are the engine's to judge), with each one's JSON type. */
const OPTION_TYPES: { readonly [K in RegisteredKind]: Readonly<Record<string, 'number' | 'boolean' | 'string' | 'caches'>> } = {
  freelist: {
    align: 'number', overhead: 'number', header: 'number', minBlock: 'number', split: 'boolean', coalesce: 'string', growth: 'string',
    initial: 'number', chunk: 'number', growthStep: 'string', limit: 'number', prologue: 'number', epilogue: 'number',
    mmapThreshold: 'number', pageSize: 'number', mmapBase: 'number',
  },
  buddy: { maxOrder: 'number', minOrder: 'number', unit: 'number' },
  slab: { pageSize: 'number', pageLimit: 'number', caches: 'caches', classes: 'string' },
  arena: { chunkSize: 'number', align: 'number', limit: 'number' },
};

function isPlain(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(message: string): Outcome<never, SettingsCode> {
  return refuse('settings/invalid', message);
}

/** The first key of `value` not in `keys`, as a problem, or null. */
function unknownKey(value: Plain, keys: readonly string[], where: string): Problem {
  const extra = Object.keys(value).find((k) => !keys.includes(k));
  return extra === undefined ? null : `${where} has no setting ${JSON.stringify(extra.slice(0, 40))}; it takes ${keys.join(', ')}`;
}

function wholeIn(value: unknown, min: number, max: number, name: string): Problem {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max ? null : `${name} must be a whole number from ${min} to ${max}`;
}

function fractionProblem(value: unknown, name: string): Problem {
  return value === undefined || (typeof value === 'number' && value >= 0 && value <= 1) ? null : `${name} must be a number from 0 to 1`;
}

function firstProblem(...problems: readonly (() => Problem)[]): Problem {
  for (const p of problems) {
    const found = p();
    if (found) return found;
  }
  return null;
}

/** [MATCH-SET-2] A size distribution (shared/streams/sizes.ts) with sizes from 0 to MAX_REQUEST_BYTES. */
function sizesProblem(value: unknown, name: string): Problem {
  if (!isPlain(value)) return `${name} must be a size distribution such as { "kind": "uniform", "min": 8, "max": 64 }`;
  const size = (v: unknown, field: string) => () => wholeIn(v, 0, MAX_REQUEST_BYTES, `${name}.${field}`);
  const ordered = (lo: unknown, hi: unknown, what: string) => () => (Number(lo) <= Number(hi) ? null : `${name}: ${what}`);
  switch (value.kind) {
    case 'uniform':
      return firstProblem(() => unknownKey(value, ['kind', 'min', 'max'], name), size(value.min, 'min'), size(value.max, 'max'), ordered(value.min, value.max, 'min must not exceed max'));
    case 'exponential':
      return firstProblem(() => unknownKey(value, ['kind', 'mean', 'min', 'max'], name), size(value.min, 'min'), size(value.max, 'max'),
        ordered(value.min, value.max, 'min must not exceed max'),
        () => (typeof value.mean === 'number' && value.mean > 0 && value.mean <= MAX_REQUEST_BYTES ? null : `${name}.mean must be a number of bytes above 0`));
    case 'pow2':
      return firstProblem(() => unknownKey(value, ['kind', 'minLog2', 'maxLog2', 'exact'], name), () => wholeIn(value.minLog2, 0, 30, `${name}.minLog2`),
        () => wholeIn(value.maxLog2, 0, 30, `${name}.maxLog2`), ordered(value.minLog2, value.maxLog2, 'minLog2 must not exceed maxLog2'),
        () => (value.exact === undefined ? `${name}.exact is missing` : fractionProblem(value.exact, `${name}.exact`)));
    case 'bimodal':
      return firstProblem(() => unknownKey(value, ['kind', 'small', 'large', 'pLarge'], name), () => rangeProblem(value.small, `${name}.small`),
        () => rangeProblem(value.large, `${name}.large`), () => (value.pLarge === undefined ? `${name}.pLarge is missing` : fractionProblem(value.pLarge, `${name}.pLarge`)));
    case 'struct':
      return firstProblem(() => unknownKey(value, ['kind', 'sizes', 'weights'], name), () => sizeListProblem(value.sizes, value.weights, name));
    default:
      return `${name}.kind must be uniform, exponential, pow2, bimodal or struct`;
  }
}

function rangeProblem(value: unknown, name: string): Problem {
  if (!Array.isArray(value) || value.length !== 2) return `${name} must be [smallest, largest]`;
  return firstProblem(() => wholeIn(value[0], 0, MAX_REQUEST_BYTES, `${name}[0]`), () => wholeIn(value[1], 0, MAX_REQUEST_BYTES, `${name}[1]`),
    () => (value[0] <= value[1] ? null : `${name}: the smallest must not exceed the largest`));
}

function sizeListProblem(sizes: unknown, weights: unknown, name: string): Problem {
  if (!Array.isArray(sizes) || sizes.length === 0 || sizes.length > 64) return `${name}.sizes must be a list of 1 to 64 sizes`;
  for (const [i, s] of sizes.entries()) {
    const p = wholeIn(s, 0, MAX_REQUEST_BYTES, `${name}.sizes[${i}]`);
    if (p) return p;
  }
  if (weights === undefined) return null;
  if (!Array.isArray(weights) || weights.length !== sizes.length) return `${name}.weights must list one weight per size`;
  return weights.every((w) => typeof w === 'number' && w >= 0 && Number.isFinite(w)) && weights.some((w) => w > 0)
    ? null : `${name}.weights must be numbers of 0 or more, not all 0`;
}

/** [MATCH-SET-2] A pattern (shared/streams/patterns.ts), and at most how many events it makes (to bound it before it is generated). */
function patternCheck(spec: unknown, name: string): { readonly problem: Problem; readonly events: number } {
  const fail = (problem: string) => ({ problem, events: 0 });
  if (!isPlain(spec)) return fail(`${name} must be a pattern such as { "pattern": "ramp", "count": 20, "sizes": … }`);
  const count = (v: unknown, field: string) => () => wholeIn(v, 1, MAX_ROUND_EVENTS, `${name}.${field}`);
  const ok = (problem: Problem, events: number) => ({ problem, events });
  switch (spec.pattern) {
    case 'ramp':
      return ok(firstProblem(() => unknownKey(spec, ['pattern', 'count', 'sizes', 'tag', 'freeAtEnd'], name), count(spec.count, 'count'),
        () => sizesProblem(spec.sizes, `${name}.sizes`), () => optionalType(spec.tag, 'string', `${name}.tag`), () => optionalType(spec.freeAtEnd, 'boolean', `${name}.freeAtEnd`)),
      2 * Number(spec.count));
    case 'peaks':
      return ok(firstProblem(() => unknownKey(spec, ['pattern', 'peaks', 'perPeak', 'sizes', 'survivors'], name), count(spec.peaks, 'peaks'), count(spec.perPeak, 'perPeak'),
        () => sizesProblem(spec.sizes, `${name}.sizes`), () => fractionProblem(spec.survivors, `${name}.survivors`)),
      2 * Number(spec.peaks) * Number(spec.perPeak));
    case 'plateau':
      return ok(firstProblem(() => unknownKey(spec, ['pattern', 'count', 'sizes', 'churn', 'churnSizes', 'churnLife'], name), count(spec.count, 'count'),
        () => wholeIn(spec.churn, 0, MAX_ROUND_EVENTS, `${name}.churn`), count(spec.churnLife, 'churnLife'), () => sizesProblem(spec.sizes, `${name}.sizes`),
        () => (spec.churnSizes === undefined ? null : sizesProblem(spec.churnSizes, `${name}.churnSizes`))),
      2 * (Number(spec.count) + Number(spec.churn)));
    case 'lifetimes':
      return ok(firstProblem(() => unknownKey(spec, ['pattern', 'allocs', 'sizes', 'tagAccuracy', 'freeAtEnd'], name), count(spec.allocs, 'allocs'),
        () => sizesProblem(spec.sizes, `${name}.sizes`), () => fractionProblem(spec.tagAccuracy, `${name}.tagAccuracy`), () => optionalType(spec.freeAtEnd, 'boolean', `${name}.freeAtEnd`)),
      2 * Number(spec.allocs));
    case 'mixture': {
      const head = firstProblem(() => unknownKey(spec, ['pattern', 'mode', 'parts'], name),
        () => (spec.mode === 'sequence' || spec.mode === 'interleave' ? null : `${name}.mode must be sequence or interleave`),
        () => (Array.isArray(spec.parts) && spec.parts.length >= 1 && spec.parts.length <= 8 ? null : `${name}.parts must be a list of 1 to 8 patterns`));
      if (head) return fail(head);
      let events = 0;
      for (const [i, part] of (spec.parts as unknown[]).entries()) {
        const checked = patternCheck(part, `${name}.parts[${i}]`);
        if (checked.problem) return checked;
        events += checked.events;
      }
      return ok(null, events);
    }
    default:
      return fail(`${name}.pattern must be ramp, peaks, plateau, lifetimes or mixture`);
  }
}

function optionalType(value: unknown, type: 'string' | 'boolean' | 'number', name: string): Problem {
  return value === undefined || typeof value === type ? null : `${name} must be ${type === 'string' ? 'text' : type === 'boolean' ? 'true or false' : 'a number'}`;
}

function eventsProblem(events: unknown, name: string): Problem {
  if (!Array.isArray(events) || events.length === 0 || events.length > MAX_ROUND_EVENTS) return `${name} must be a list of 1 to ${MAX_ROUND_EVENTS} events`;
  for (const [i, e] of events.entries()) {
    const where = `${name}[${i}]`;
    if (!isPlain(e)) return `${where} must be an event such as { "op": "alloc", "id": 0, "size": 16 }`;
    const sized = e.op === 'alloc' || e.op === 'realloc';
    const problem = firstProblem(
      () => (sized || e.op === 'free' ? null : `${where}.op must be alloc, free or realloc`),
      () => unknownKey(e, sized ? ['op', 'id', 'size', 'tag'] : ['op', 'id'], where),
      () => wholeIn(e.id, e.op === 'free' ? -1 : 0, MAX_ROUND_EVENTS * 4, `${where}.id`),
      () => (sized ? wholeIn(e.size, 0, MAX_REQUEST_BYTES, `${where}.size`) : null),
      () => optionalType(e.tag, 'string', `${where}.tag`));
    if (problem) return problem;
  }
  return null;
}

function textProblem(text: unknown, name: string): Problem {
  return typeof text === 'string' && text.length > 0 && text.length <= MAX_TRACE_CHARS ? null : `${name} must be text of 1 to ${MAX_TRACE_CHARS} characters`;
}

/** [MATCH-SET-2] The source's shape; OSTEP op lists become inline events (their parser's refusal kept). */
function readSource(source: unknown): Outcome<RoundSource, string> {
  if (!isPlain(source)) return invalid('source must be an object such as { "source": "pattern", "spec": … }');
  const keys = (...names: string[]) => () => unknownKey(source, ['source', ...names], 'source');
  const named = () => (typeof source.name === 'string' && source.name.length <= 64 ? null : 'source.name must be text');
  let problem: Problem;
  switch (source.source) {
    case 'pattern': {
      const checked = patternCheck(source.spec, 'source.spec');
      problem = firstProblem(keys('spec'), () => checked.problem,
        () => (checked.events <= MAX_ROUND_EVENTS ? null : `the pattern makes up to ${checked.events} events; a round has at most ${MAX_ROUND_EVENTS}`));
      break;
    }
    case 'script':
    case 'scripted':
      problem = firstProblem(keys('name'), named);
      break;
    case 'events':
      problem = firstProblem(keys('events'), () => eventsProblem(source.events, 'source.events'));
      break;
    case 'rep':
      problem = firstProblem(keys('text'), () => textProblem(source.text, 'source.text'));
      break;
    case 'ostep': {
      problem = firstProblem(keys('ops'), () => textProblem(source.ops, 'source.ops'));
      if (problem) return invalid(problem);
      const events = parseOstepOps(source.ops as string);
      return events.ok ? succeed({ source: 'events', events: events.value }) : events;
    }
    case 'adaptive':
      problem = firstProblem(keys('liveBudget', 'maxSize', 'minSize'), () => wholeIn(source.liveBudget, 1, MAX_REQUEST_BYTES, 'source.liveBudget'),
        () => wholeIn(source.maxSize, 1, MAX_REQUEST_BYTES, 'source.maxSize'), () => (source.minSize === undefined ? null : wholeIn(source.minSize, 1, MAX_REQUEST_BYTES, 'source.minSize')),
        () => (Number(source.liveBudget) / Number(source.minSize ?? 1) <= MAX_ADAPTIVE_RATIO ? null
          : `the live budget may be at most ${MAX_ADAPTIVE_RATIO} times the smallest size (the adversary's requests stay under ${MAX_ROUND_EVENTS})`));
      break;
    case 'fair':
      problem = firstProblem(keys('liveBudget', 'requests', 'sizes', 'menu', 'order'), () => wholeIn(source.liveBudget, 1, MAX_REQUEST_BYTES, 'source.liveBudget'),
        () => wholeIn(source.requests, 1, MAX_ROUND_EVENTS / 2, 'source.requests'), () => wholeIn(source.menu, 1, 8, 'source.menu'),
        () => sizesProblem(source.sizes, 'source.sizes'),
        () => (source.order === undefined || source.order === 'adversary' || source.order === 'random' ? null : 'source.order must be adversary or random'));
      break;
    default:
      return invalid('source.source must be pattern, script, events, rep, ostep, scripted, adaptive or fair');
  }
  return problem ? invalid(problem) : succeed(source as unknown as RoundSource);
}

function cachesProblem(value: unknown): Problem {
  if (!Array.isArray(value) || value.length > 32) return 'options.caches must be a list of up to 32 caches';
  for (const [i, c] of value.entries()) {
    const where = `options.caches[${i}]`;
    if (!isPlain(c)) return `${where} must be { "name", "objectSize", "pagesPerSlab" }`;
    const problem = firstProblem(() => unknownKey(c, ['name', 'objectSize', 'pagesPerSlab', 'headerBytes'], where),
      () => (typeof c.name === 'string' && c.name.length > 0 && c.name.length <= 40 ? null : `${where}.name must be text`),
      () => optionalType(c.objectSize, 'number', `${where}.objectSize`), () => optionalType(c.pagesPerSlab, 'number', `${where}.pagesPerSlab`),
      () => optionalType(c.headerBytes, 'number', `${where}.headerBytes`));
    if (problem) return problem;
  }
  return null;
}

/** [MATCH-SET-2] The kind's options: known names with JSON types; their values are the engine's to judge. */
function optionsProblem(kind: RegisteredKind, options: unknown): Problem {
  if (options === undefined) return null;
  if (!isPlain(options)) return 'options must be an object';
  const types = OPTION_TYPES[kind];
  const extra = unknownKey(options, Object.keys(types), `a ${kind} heap`);
  if (extra) return extra;
  for (const [name, value] of Object.entries(options)) {
    const type = types[name];
    const problem = type === 'caches' ? cachesProblem(value) : optionalType(value, type ?? 'number', `options.${name}`);
    if (problem) return problem;
    if (typeof value === 'number' && !Number.isFinite(value) && !(name === 'mmapThreshold' && value === Infinity)) return `options.${name} must be a finite number`;
  }
  return null;
}

function clockProblem(clock: unknown): Problem {
  if (clock === undefined) return null;
  if (!isPlain(clock)) return 'clock must be { "per": "none" }, { "per": "request", "seconds": 20 } or { "per": "round", "seconds": 300 }';
  switch (clock.per) {
    case 'none':
      return unknownKey(clock, ['per'], 'clock');
    case 'request':
      return firstProblem(() => unknownKey(clock, ['per', 'seconds'], 'clock'), () => wholeIn(clock.seconds, 1, MAX_REQUEST_SECONDS, 'clock.seconds (per request)'));
    case 'round':
      return firstProblem(() => unknownKey(clock, ['per', 'seconds'], 'clock'), () => wholeIn(clock.seconds, MIN_ROUND_SECONDS, MAX_ROUND_SECONDS, 'clock.seconds (per round)'));
    default:
      return 'clock.per must be none, request or round';
  }
}

function settingsProblem(raw: Plain): Problem {
  return firstProblem(
    () => unknownKey(raw, SETTINGS_KEYS, 'a round'),
    () => (typeof raw.title === 'string' && raw.title.trim().length > 0 && raw.title.length <= MAX_TITLE_CHARS ? null : `title must be text of 1 to ${MAX_TITLE_CHARS} characters`),
    () => (raw.description === undefined || (typeof raw.description === 'string' && raw.description.length <= MAX_DESCRIPTION_CHARS) ? null : `description must be text of at most ${MAX_DESCRIPTION_CHARS} characters`),
    () => (typeof raw.kind === 'string' && isRegisteredKind(raw.kind) ? null : `kind must be one of ${registeredKinds().join(', ')}`),
    () => optionsProblem(raw.kind as RegisteredKind, raw.options),
    () => (raw.seed === undefined ? null : wholeIn(raw.seed, 0, MAX_SEED, 'seed')),
    () => clockProblem(raw.clock),
    () => optionalType(raw.hints, 'boolean', 'hints'),
    () => (raw.fallback === undefined || (typeof raw.fallback === 'string' && raw.fallback.length <= 64) ? null : 'fallback must be a policy name'),
  );
}

/** A fixed stream's length once built: refused past MAX_ROUND_EVENTS (a trace that is too long); adversaries are bounded by their options. */
function lengthProblem(config: RoundConfig): Problem {
  if (!isFixedSource(config.source)) return null;
  const stream = fixedStream(config.source, config.seed);
  const length = stream.ok ? stream.value.length : 0;
  return length <= MAX_ROUND_EVENTS ? null : `the stream has ${length} events; a round has at most ${MAX_ROUND_EVENTS}`;
}

/**
 * [MATCH-SET-1] [MATCH-SET-2] [MATCH-SET-3] Reads a host's round settings (untrusted JSON) into a
 * round to start, or refuses them: a shape problem as `settings/invalid`, a value the engine
 * refuses with the engine's own code and words (`options/invalid`, `policy/unknown`,
 * `source/unknown`, `trace/malformed`, `stream/malformed`, ...). Nothing is thrown.
 */
export function checkRoundSettings(raw: unknown): Outcome<CheckedRound, string> {
  if (!isPlain(raw)) return invalid('round settings must be a JSON object with a title, a kind and a source');
  const problem = settingsProblem(raw);
  if (problem) return invalid(problem);
  const settings = raw as unknown as RoundSettings;
  const source = readSource(settings.source);
  if (!source.ok) return source;
  const clock = settings.clock ?? { per: 'none' };
  const config = {
    kind: settings.kind,
    options: settings.options ?? {},
    source: source.value,
    seed: settings.seed ?? 1,
    timePerRequestMs: clock.per === 'request' ? clock.seconds * 1000 : null,
    fallback: settings.fallback ?? defaultPolicyFor(settings.kind),
  } as RoundConfig;
  // The engine judges the rest, in its own words: it builds the round as a room would.
  const started = startMatch(config, 0);
  if (!started.ok) return started;
  const tooLong = lengthProblem(config);
  if (tooLong) return invalid(tooLong);
  return succeed({
    config,
    title: settings.title.trim(),
    description: settings.description?.trim() ?? '',
    showHints: settings.hints ?? false,
    roundTimeMs: clock.per === 'round' ? clock.seconds * 1000 : null,
  });
}

/** An OSTEP `malloc.py` op list: `+N` and `-k` items separated by commas. */
const OSTEP_LIST = /^\s*[+-]\d+(\s*,\s*[+-]\d+)*\s*,?\s*$/;

/**
 * [MATCH-SET-6] A trace's text as a round's settings (checked like any others): an OSTEP
 * op list on malloc.py's default heap (100 bytes, no header, alignment 1), anything else
 * as a CS:APP `.rep` file on the CS:APP heap; a free list, first fit (address order) as the
 * fallback, no clock, no hints.
 */
export function traceRoundSettings(text: string, title?: string): RoundSettings {
  const ostep = OSTEP_LIST.test(text);
  return {
    title: title?.trim() || (ostep ? 'OSTEP operations' : 'Imported trace'),
    kind: 'freelist',
    options: ostep ? LECTURE_CONFIG : CSAPP_CONFIG,
    source: ostep ? { source: 'ostep', ops: text.trim().replace(/,$/, '') } : { source: 'rep', text },
    fallback: 'first-fit-address',
    clock: { per: 'none' },
  };
}
