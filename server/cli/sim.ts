// `npm run sim`: plays a request stream with built-in policies and prints their
// metrics. Usage:
//
//   npm run --silent sim -- --trace FILE --policy NAME|all [--kind freelist]
//       [--preset csapp|lecture] [--align N] [--overhead N] [--min-block N]
//       [--heap-limit N] [--json]
//   npm run --silent sim -- --trace FILE --policy NAME|all --kind buddy|slab|arena
//       [buddy: --max-order N --min-order N --unit N] [slab: --page-size N --page-limit N]
//       [arena: --chunk-size N --align N --heap-limit N] [--json]
//
// Two tables make it open to more: SOURCES (where the events come from: `--trace
// FILE` today, an adversary tomorrow) and KINDS (which allocator plays them: the free
// list today; buddy, slab and arena join with registerKind). Each names the flags it
// reads, so an unknown flag is refused with a clear message and a non-zero exit.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { StreamEvent } from '../../shared/core/stream.ts';
import { FREELIST_POLICY_NAMES, playFreeList, presetConfig, isFreeListPreset, FREELIST_PRESET_NAMES } from '../../shared/freelist/index.ts';
import type { FreeListConfig } from '../../shared/freelist/index.ts';
import { parseRep } from '../../shared/trace/rep.ts';
import type { Outcome } from '../../shared/core/outcome.ts';
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
}

export type SimResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

const SWITCHES = new Set(['json']);
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
    const run = runAdversary({ adversary: String(adversary), liveBudget, maxSize, seed, ...rest, options: options.value }, policy);
    return run.ok ? ok(run.value) : fail(run.message);
  },
});

// ---------------------------------------------------------------- the free-list kind

const FREELIST_FLAGS = {
  align: 'align',
  overhead: 'overhead',
  'min-block': 'minBlock',
  'heap-limit': 'limit',
} as const satisfies Readonly<Record<string, keyof FreeListConfig>>;

registerKind({
  name: 'freelist',
  policies: FREELIST_POLICY_NAMES,
  options: ['preset', ...Object.keys(FREELIST_FLAGS)],
  run(events, policy, flags) {
    const config = freeListConfig(flags);
    if (!config.ok) return config;
    const played = playFreeList(events, policy, config.value);
    return played.ok ? ok({ ...played.value }) : fail(played.message);
  },
});

function freeListConfig(flags: Flags): SimResult<FreeListConfig> {
  const read = numberFlags(flags, FREELIST_FLAGS);
  if (!read.ok) return read;
  const overrides: FreeListConfig = read.value;
  const preset = flags.get('preset');
  if (preset === undefined) return ok(overrides);
  if (typeof preset !== 'string' || !isFreeListPreset(preset)) return fail(`--preset must be one of ${FREELIST_PRESET_NAMES.join(', ')}`);
  return ok(presetConfig(preset, overrides));
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
  const columns = ['policy', 'ops', 'failures', 'peakLive', 'peakHeap', 'utilization', 'fragmentation'];
  const cell = (v: unknown): string => (typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(3) : String(v));
  const rows = [columns, ...runs.map((r) => columns.map((c) => cell(r[c])))];
  const widths = columns.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows.map((row) => row.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  ')).join('\n');
}

const USAGE =
  'usage: npm run --silent sim -- --trace FILE --policy NAME|all [--kind freelist] [--preset csapp|lecture]\n' +
  '       (or --adversary adaptive|fair --live-budget M --max-size N [--min-size N] [--seed S] [--requests N] [--menu N])\n' +
  '       [--align N] [--overhead N] [--min-block N] [--heap-limit N] [--json]\n' +
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
