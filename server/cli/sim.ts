// `npm run sim`: plays a request stream with built-in policies and prints their
// metrics. Usage:
//
//   npm run --silent sim -- --trace FILE|--ops +N,-k,... --policy NAME|all [--kind freelist]
//       [--preset csapp|lecture] [--align N] [--overhead N] [--min-block N] [--base N]
//       [--heap-limit N] [--coalesce immediate|deferred|none] [--split on|off]
//       [--growth fixed|sbrk] [--chunk N] [--transcript] [--json]
//   npm run --silent sim -- --trace FILE --policy NAME|all --kind buddy|slab|arena
//       [buddy: --max-order N --min-order N --unit N] [slab: --page-size N --page-limit N]
//       [arena: --chunk-size N --align N --heap-limit N] [--json]
//
// Two tables make it open to more: SOURCES (where the events come from: `--trace
// FILE`, an OSTEP operation list, an adversary) and KINDS (which allocator plays them:
// the free list; buddy, slab and arena). Each names the flags it reads, so an unknown
// flag is refused with a clear message and a non-zero exit. `--transcript` (free list)
// prints every operation as a TA checks OSTEP's free-space homework: the address, the
// free blocks searched and the free list after it (shared/freelist/transcript.ts).

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { StreamEvent } from '../../shared/core/stream.ts';
import {
  FREELIST_POLICIES, FREELIST_POLICY_NAMES, FREELIST_PRESET_NAMES, SIM_COALESCE_MODES, DEFAULT_LIMIT,
  coalesceConfig, isFreeListPreset, playFreeList, presetConfig, transcribe, withDeferredCoalescing, withUsableBytes,
} from '../../shared/freelist/index.ts';
import type { FreeListConfig, SimCoalesceMode, Transcript } from '../../shared/freelist/index.ts';
import { parseOstepOps } from '../../shared/trace/ostep.ts';
import { parseRep } from '../../shared/trace/rep.ts';
import type { Outcome } from '../../shared/core/outcome.ts';
import type { FailureInfo } from '../../shared/core/metrics.ts';
import { BUDDY_POLICIES, runBuddy, TRACE_BUDDY_OPTIONS } from '../../shared/buddy/policies.ts';
import { SLAB_POLICIES, runSlab } from '../../shared/slab/policies.ts';
import { ARENA_POLICIES, runArena } from '../../shared/arena/policies.ts';
import { runAdversary } from '../../shared/match/adversary-run.ts';

/** Parsed flags: `--name value` pairs, and `--json` / other switches as true. */
export type Flags = ReadonlyMap<string, string | true>;

/** A way to get the events to play. */
export interface StreamSource {
  /** The flag that selects this source (e.g. "trace" for --trace FILE). */
  readonly flag: string;
  /** Other flags it reads. */
  readonly options: readonly string[];
  load(flags: Flags): SimResult<StreamEvent[]>;
  /** A source that reacts to the heap (an adversary) plays each policy itself instead of handing over events. */
  play?(kind: SimKind, policy: string, flags: Flags): SimResult<Record<string, unknown>>;
}

/** An allocator kind the simulator can run. */
export interface SimKind {
  readonly name: string;
  readonly policies: readonly string[];
  /** Flags it reads besides --policy. */
  readonly options: readonly string[];
  /** Plays the events with one policy; the result is printed as JSON (it must have at least the figures of MetricsSummary). */
  run(events: readonly StreamEvent[], policy: string, flags: Flags): SimResult<Record<string, unknown>>;
  /** Plays the events with one policy, recording every operation (`--transcript`). */
  transcript?(events: readonly StreamEvent[], policy: string, flags: Flags): SimResult<Transcript>;
}

export type SimResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

const SWITCHES = new Set(['json', 'transcript']);
const COMMON = ['kind', 'policy', 'json'];

const SOURCES: StreamSource[] = [];
const KINDS = new Map<string, SimKind>();

export function registerSource(source: StreamSource): void {
  SOURCES.push(source);
}

export function registerKind(kind: SimKind): void {
  KINDS.set(kind.name, kind);
}

// ---------------------------------------------------------------- the trace source

registerSource({
  flag: 'trace',
  options: [],
  load(flags) {
    const file = flags.get('trace');
    if (typeof file !== 'string') return fail('--trace needs a file name');
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      return fail(`cannot read ${file}: ${(e as Error).message}`);
    }
    const parsed = parseRep(text);
    return parsed.ok ? ok(parsed.value.events) : fail(`${file}: ${parsed.message}`);
  },
});

// ---------------------------------------------------------------- OSTEP's operation lists
// --ops +10,-0,+20: malloc.py's -A list (shared/trace/ostep.ts).

registerSource({
  flag: 'ops',
  options: [],
  load(flags) {
    const list = flags.get('ops');
    if (typeof list !== 'string') return fail('--ops needs a list such as +10,-0,+20');
    const parsed = parseOstepOps(list);
    return parsed.ok ? ok(parsed.value) : fail(`--ops: ${parsed.message}`);
  },
});

// ---------------------------------------------------------------- the adversaries (shared/adversary)
// --adversary adaptive|fair --live-budget M --max-size N [--min-size N] --seed S
// [fair: --requests N --menu N]; free-list heaps only, alignment 1 and no overhead
// and growing by what it needs unless --align/--overhead/--min-block/--heap-limit say otherwise.

registerSource({
  flag: 'adversary',
  options: ['live-budget', 'max-size', 'min-size', 'seed', 'requests', 'menu'],
  load: () => fail('an adversary plays each policy itself'),
  play(kind, policy, flags) {
    if (kind.name !== 'freelist') return fail('--adversary runs on --kind freelist');
    const adversary = flags.get('adversary');
    const read = numberFlags(flags, {
      'live-budget': 'liveBudget', 'max-size': 'maxSize', 'min-size': 'minSize', seed: 'seed', requests: 'requests', menu: 'menu',
    });
    if (!read.ok) return read;
    const { liveBudget, maxSize, seed = 1, ...rest } = read.value;
    if (liveBudget === undefined || maxSize === undefined) return fail('--adversary needs --live-budget M and --max-size N');
    const options = freeListConfig(flags);
    if (!options.ok) return options;
    if (options.value.mode === 'deferred') return fail('--coalesce deferred replays a --trace or --ops stream, not an adversary');
    const run = runAdversary({ adversary: String(adversary), liveBudget, maxSize, seed, ...rest, options: options.value.config }, policy);
    return run.ok ? ok(run.value) : fail(run.message);
  },
});

// ---------------------------------------------------------------- the free-list kind

// --heap-limit is the usable heap (the bytes blocks can occupy, [FL-OPT-2]); --base is
// where the first block starts (malloc.py's -b; the bytes before it are the prologue);
// --chunk is what sbrk growth adds at a time.
const FREELIST_FLAGS = {
  align: 'align',
  overhead: 'overhead',
  'min-block': 'minBlock',
  base: 'prologue',
  chunk: 'chunk',
} as const satisfies Readonly<Record<string, keyof FreeListConfig>>;

/** Flags with a word for a value: each word and what it sets. */
const FREELIST_WORDS = {
  split: { on: { split: true }, off: { split: false } },
  growth: { fixed: { growth: 'fixed' }, sbrk: { growth: 'sbrk' } },
} as const satisfies Readonly<Record<string, Readonly<Record<string, FreeListConfig>>>>;

registerKind({
  name: 'freelist',
  policies: FREELIST_POLICY_NAMES,
  options: ['preset', 'heap-limit', 'coalesce', 'transcript', ...Object.keys(FREELIST_FLAGS), ...Object.keys(FREELIST_WORDS)],
  run(events, policy, flags) {
    const read = freeListConfig(flags);
    if (!read.ok) return read;
    const { config, mode } = read.value;
    const named = FREELIST_POLICIES.get(policy);
    const player = named && mode === 'deferred' ? withDeferredCoalescing(named) : policy;
    const played = playFreeList(events, player, config);
    return played.ok ? ok({ ...played.value }) : fail(played.message);
  },
  transcript(events, policy, flags) {
    const read = freeListConfig(flags);
    if (!read.ok) return read;
    const recorded = transcribe(events, policy, read.value.config, read.value.mode);
    return recorded.ok ? ok(recorded.value) : fail(recorded.message);
  },
});

/** The heap options the flags ask for (the preset, then the flags over it), and the coalescing mode ([FL-TRANS-3]). */
function freeListConfig(flags: Flags): SimResult<{ config: FreeListConfig; mode: SimCoalesceMode }> {
  const read = numberFlags(flags, { ...FREELIST_FLAGS, 'heap-limit': 'limit' });
  if (!read.ok) return read;
  const { limit: usable, ...numbers } = read.value;
  let overrides: FreeListConfig = numbers;
  for (const [flag, words] of Object.entries(FREELIST_WORDS)) {
    const word = flags.get(flag);
    if (word === undefined) continue;
    const chosen = typeof word === 'string' && Object.hasOwn(words, word) ? (words as Record<string, FreeListConfig>)[word] : undefined;
    if (!chosen) return fail(`--${flag} must be ${Object.keys(words).join(' or ')}, not "${String(word)}"`);
    overrides = { ...overrides, ...chosen };
  }
  const mode = flags.get('coalesce') ?? 'immediate';
  if (!SIM_COALESCE_MODES.some((m) => m === mode)) return fail(`--coalesce must be ${SIM_COALESCE_MODES.join(', ')}, not "${String(mode)}"`);
  const preset = flags.get('preset');
  if (preset !== undefined && (typeof preset !== 'string' || !isFreeListPreset(preset))) return fail(`--preset must be one of ${FREELIST_PRESET_NAMES.join(', ')}`);
  let config = preset === undefined ? overrides : presetConfig(preset, overrides);
  // A student's heap size counts the bytes blocks can use; with --base and no --heap-limit, the preset's size is that.
  if (usable !== undefined || numbers.prologue !== undefined) config = withUsableBytes(config, usable ?? config.limit ?? DEFAULT_LIMIT);
  const simMode = mode as SimCoalesceMode;
  return ok({ config: coalesceConfig(config, simMode), mode: simMode });
}

// ---------------------------------------------------------------- the buddy, slab and arena kinds
// Each reads its own numeric flags; its runner refuses bad values with a message.

registerKind({
  name: 'buddy',
  policies: [...BUDDY_POLICIES.keys()],
  options: ['max-order', 'min-order', 'unit'],
  run(events, policy, flags) {
    const read = numberFlags(flags, { 'max-order': 'maxOrder', 'min-order': 'minOrder', unit: 'unit' });
    return read.ok ? fromOutcome(runBuddy(events, policy, { buddy: { ...TRACE_BUDDY_OPTIONS, ...read.value } })) : read;
  },
});

registerKind({
  name: 'slab',
  policies: [...SLAB_POLICIES.keys()],
  options: ['page-size', 'page-limit'],
  run(events, policy, flags) {
    const read = numberFlags(flags, { 'page-size': 'pageSize', 'page-limit': 'pageLimit' });
    return read.ok ? fromOutcome(runSlab(events, policy, { slab: read.value })) : read;
  },
});

registerKind({
  name: 'arena',
  policies: [...ARENA_POLICIES.keys()],
  options: ['chunk-size', 'align', 'heap-limit'],
  run(events, policy, flags) {
    const read = numberFlags(flags, { 'chunk-size': 'chunkSize', align: 'align', 'heap-limit': 'limit' });
    return read.ok ? fromOutcome(runArena(events, policy, { arena: read.value })) : read;
  },
});

function fromOutcome(played: Outcome<object>): SimResult<Record<string, unknown>> {
  return played.ok ? ok({ ...played.value }) : fail(played.message);
}

/** Reads the given whole-number flags (`--flag N`) into an object under their keys. */
function numberFlags<K extends string>(flags: Flags, keys: Readonly<Record<string, K>>): SimResult<Partial<Record<K, number>>> {
  const read: Partial<Record<K, number>> = {};
  for (const [flag, key] of Object.entries(keys)) {
    const value = flags.get(flag);
    if (value === undefined) continue;
    const n = wholeNumber(flag, value);
    if (!n.ok) return n;
    read[key] = n.value;
  }
  return ok(read);
}

// ---------------------------------------------------------------- the command line

/** Reads `--name value` pairs; switches (--json) take no value. */
export function parseFlags(argv: readonly string[]): SimResult<Flags> {
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--') || arg.length === 2) return fail(`unexpected argument "${arg}"`);
    const name = arg.slice(2);
    if (flags.has(name)) return fail(`--${name} is given twice`);
    if (SWITCHES.has(name)) {
      flags.set(name, true);
      continue;
    }
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) return fail(`--${name} needs a value`);
    flags.set(name, value);
    i++;
  }
  return ok(flags);
}

/** Runs the command; returns what to print and the exit code. */
export function simulate(argv: readonly string[]): { readonly out: string; readonly err: string; readonly code: number } {
  const result = plan(argv);
  if (!result.ok) return { out: '', err: `sim: ${result.message}\n${USAGE}`, code: 2 };
  const { kind, source, policies, flags } = result.value;
  const events = source.play ? ok<StreamEvent[]>([]) : source.load(flags);
  if (!events.ok) return { out: '', err: `sim: ${events.message}\n`, code: 1 };
  if (flags.get('transcript') === true) return transcriptOf(kind, events.value, policies, flags);
  const runs: Record<string, unknown>[] = [];
  for (const policy of policies) {
    const run = source.play ? source.play(kind, policy, flags) : kind.run(events.value, policy, flags);
    if (!run.ok) return { out: '', err: `sim: ${run.message}\n`, code: 1 };
    runs.push(run.value);
  }
  const json = flags.get('json') === true;
  const single = flags.get('policy') !== 'all';
  const out = json ? JSON.stringify(single ? runs[0] : runs) : formatTable(runs);
  return { out: `${out}\n`, err: '', code: 0 };
}

/** `--transcript`: every operation of every policy asked for, as text or as `{ ops: [...] }` objects. */
function transcriptOf(kind: SimKind, events: readonly StreamEvent[], policies: readonly string[], flags: Flags): { out: string; err: string; code: number } {
  const transcripts: Transcript[] = [];
  for (const policy of policies) {
    const recorded = kind.transcript!(events, policy, flags);
    if (!recorded.ok) return { out: '', err: `sim: ${recorded.message}\n`, code: 1 };
    transcripts.push(recorded.value);
  }
  const json = (t: Transcript): object => ({ policy: t.policy, ops: t.ops });
  if (flags.get('json') === true) {
    return { out: `${JSON.stringify(flags.get('policy') === 'all' ? transcripts.map(json) : json(transcripts[0]!))}\n`, err: '', code: 0 };
  }
  return { out: `${transcripts.map(formatTranscript).join('\n')}\n`, err: '', code: 0 };
}

/** malloc.py's layout: `ptr[0] = Alloc(3) returned 0 (searched 1 elements)`, then the free list. */
function formatTranscript(t: Transcript): string {
  const lines = [`policy ${t.policy}, free list in ${t.order === 'address' ? 'address' : t.order.toUpperCase()} order`, ''];
  for (const op of t.ops) {
    if (op.op === 'free') lines.push(`Free(ptr[${op.id}]) ${op.addr < 0 ? 'did nothing (not allocated)' : `freed ${op.size} bytes at ${op.addr}`}`);
    else {
      const call = op.op === 'alloc' ? `ptr[${op.id}] = Alloc(${op.size})` : `ptr[${op.id}] = Realloc(ptr[${op.id}], ${op.size})`;
      lines.push(`${call} returned ${op.addr}${op.addr < 0 && op.size > 0 ? ' (failed)' : ''} (searched ${op.searched} elements)`);
    }
    lines.push(`Free List [ Size ${op.freeList.length} ]: ${op.freeList.map(([addr, size]) => `[ addr:${addr} sz:${size} ]`).join(' ')}`, '');
  }
  return lines.join('\n');
}

function plan(argv: readonly string[]): SimResult<{ kind: SimKind; source: StreamSource; policies: readonly string[]; flags: Flags }> {
  const parsed = parseFlags(argv);
  if (!parsed.ok) return parsed;
  const flags = parsed.value;
  const kindName = flags.get('kind') ?? 'freelist';
  const kind = typeof kindName === 'string' ? KINDS.get(kindName) : undefined;
  if (!kind) return fail(`--kind must be one of ${[...KINDS.keys()].join(', ')}`);
  const sources = SOURCES.filter((s) => flags.has(s.flag));
  if (sources.length !== 1) return fail(`give exactly one stream source: ${SOURCES.map((s) => `--${s.flag}`).join(' or ')}`);
  const source = sources[0]!;
  const known = new Set([...COMMON, source.flag, ...source.options, ...kind.options]);
  for (const name of flags.keys()) {
    if (!known.has(name)) return fail(`unknown option --${name} for --kind ${kind.name}`);
  }
  if (flags.has('transcript') && (!kind.transcript || source.play)) return fail('--transcript replays a --trace or --ops stream on --kind freelist');
  const policy = flags.get('policy');
  if (typeof policy !== 'string') return fail(`--policy is required: all, or one of ${kind.policies.join(', ')}`);
  if (policy !== 'all' && !kind.policies.includes(policy)) return fail(`no ${kind.name} policy named "${policy}"; use all, or one of ${kind.policies.join(', ')}`);
  return ok({ kind, source, policies: policy === 'all' ? kind.policies : [policy], flags });
}

function wholeNumber(flag: string, value: string | true): SimResult<number> {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(n) ? ok(n) : fail(`--${flag} needs a whole number, not "${String(value)}"`);
}

function formatTable(runs: readonly Record<string, unknown>[]): string {
  const columns = ['policy', 'ops', 'failures', 'peakLive', 'peakHeap', 'utilization', 'fragmentation', 'firstFailure'];
  const cell = (v: unknown): string => (typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(3) : v === null ? '-' : isFailure(v) ? failureCell(v) : String(v));
  const rows = [columns, ...runs.map((r) => columns.map((c) => cell(r[c])))];
  const widths = columns.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows.map((row) => row.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  ')).join('\n');
}

/** The first failure as a student reads it: which op, how many bytes, and the free space that could not hold them. */
function failureCell(f: FailureInfo): string {
  return `op ${f.op}: ${f.size} B, ${f.freeBytes} free, largest hole ${f.largestFree}`;
}

function isFailure(v: unknown): v is FailureInfo {
  return typeof v === 'object' && v !== null && 'freeBytes' in v && 'largestFree' in v;
}

const USAGE =
  'usage: npm run --silent sim -- --trace FILE --policy NAME|all [--kind freelist] [--preset csapp|lecture]\n' +
  '       (or --ops +10,-0,+20: OSTEP malloc.py\'s -A list; or --adversary adaptive|fair --live-budget M --max-size N\n' +
  '        [--min-size N] [--seed S] [--requests N] [--menu N])\n' +
  '       [--align N] [--overhead N] [--min-block N] [--base N] [--heap-limit N (usable bytes)] [--chunk N]\n' +
  '       [--coalesce immediate|deferred|none] [--split on|off] [--growth fixed|sbrk] [--transcript] [--json]\n' +
  '       --kind buddy [--max-order N] [--min-order N] [--unit N] | --kind slab [--page-size N] [--page-limit N]\n' +
  '       | --kind arena [--chunk-size N] [--align N] [--heap-limit N]\n';

function ok<T>(value: T): SimResult<T> {
  return { ok: true, value };
}

function fail(message: string): { readonly ok: false; readonly message: string } {
  return { ok: false, message };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { out, err, code } = simulate(process.argv.slice(2));
  process.stdout.write(out);
  process.stderr.write(err);
  process.exitCode = code;
}
