// `npm run bench`: how fast the engine replays a large trace, against the C library.
//
// The trace (bench-trace.ts) is generated with a fixed seed and compiled before any
// clock starts. Each engine entry runs in its own child process (so one entry's JIT
// state cannot slow another's), from this module built to plain JavaScript (build-js.ts
// says why): one warm-up run, then three timed runs; its figure is
// the median ops/s. An entry that plays only the compiled trace drops the trace's event
// objects first, so no garbage collection in a timed run marks them. Both sides are timed in process CPU time (the machine is shared:
// wall time would count the time other processes ran), wall time is reported beside. The C library's figure comes from replay.c, compiled here when a C
// compiler exists: the second pass over the same trace in one process (pages already
// touched), median of 3 processes run before, between and after the engine entries. The naive linear-scan model (the tests' oracle)
// runs on a slice of the same trace, beside the engine on that slice.
//
// Output: a table with each figure and each ratio to the C library; `--json` prints
// one JSON object instead ({ engine: {name: ops/s}, libc: ops/s | null, ... }).
// Other measurements join as entries in ENGINE_ENTRIES (name -> how to play the trace).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StreamEvent } from '../../shared/core/stream.ts';
import { BUDDY_POLICIES, runBuddy } from '../../shared/buddy/policies.ts';
import { FreeListHeap } from '../../shared/freelist/heap.ts';
import { resolveOptions, type FreeListConfig, type FreeListOptions } from '../../shared/freelist/options.ts';
import { compileStream, playCompiled, type CompiledStream } from '../../shared/freelist/play.ts';
import { FREELIST_POLICIES, FREELIST_POLICY_NAMES, type FreeListPolicyName } from '../../shared/freelist/policies.ts';
import { writeRep } from '../../shared/trace/rep.ts';
import { NaiveHeap } from '../unit/freelist/naive-heap.ts';
import { BENCH_TRACE, generateBenchTrace, type BenchTraceSpec } from './bench-trace.ts';
import { formatAdversaryDecision, measureAdversaryDecision } from './adversary-decision.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');
const OUT = join(ROOT, 'bench-out');
const TIMED_RUNS = 3;
const NAIVE_SLICE = 10_000;

/** The heap every free-list entry plays on: a glibc-like block format (8-byte header, 16-byte alignment, 32-byte minimum). */
const BENCH_HEAP: FreeListConfig = { align: 16, overhead: 8, header: 8, minBlock: 32 };

/** What an entry gets: the trace as events and compiled (both prepared before timing). */
interface BenchInput {
  readonly events: readonly StreamEvent[];
  readonly compiled: CompiledStream;
}

/** One engine measurement: plays the whole trace once per call. */
interface EngineEntry {
  readonly name: string;
  readonly play: (input: BenchInput) => void;
  /** Whether it plays the trace's event objects (else only the compiled arrays, and the objects can go before timing). */
  readonly usesEvents?: boolean;
}

/** The buddy allocator's policies on the same trace, through its own runner (2^30-byte space, 16-byte smallest block). */
const BUDDY_ENTRIES: readonly EngineEntry[] = [...BUDDY_POLICIES.keys()].map((name) => ({
  name,
  usesEvents: true,
  play: (input: BenchInput) => {
    const played = runBuddy(input.events, name);
    if (!played.ok) throw new Error(played.message);
  },
}));

const ENGINE_ENTRIES: readonly EngineEntry[] = FREELIST_POLICY_NAMES.map((name): EngineEntry => ({
  name,
  play: (input: BenchInput) => {
    const played = playCompiled(input.compiled, FREELIST_POLICIES.get(name)!, new FreeListHeap(benchOptions()));
    if (!played.ok) throw new Error(played.message);
  },
})).concat(BUDDY_ENTRIES);

/** Goals from the issue: the policy's ops/s over the C library's, at least. */
const GOALS: Readonly<Record<string, number>> = { 'best-fit': 1 / 2, 'first-fit-address': 1 / 4 };

interface Args {
  readonly json: boolean;
  readonly child: string | null;
  readonly ops: number;
}

function parseArgs(argv: readonly string[]): Args {
  let json = false;
  let child: string | null = null;
  let ops = BENCH_TRACE.ops;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') json = true;
    else if (a === '--child') child = argv[++i] ?? null;
    else if (a === '--ops') ops = Number(argv[++i]);
    else fail(`unknown argument ${a}; use --json, or --ops N for a shorter trace`);
  }
  if (!Number.isSafeInteger(ops) || ops < 1) fail('--ops needs a whole number above 0');
  return { json, child, ops };
}

function fail(message: string): never {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

function benchOptions(): FreeListOptions {
  const o = resolveOptions(BENCH_HEAP);
  if (!o.ok) throw new Error(o.message);
  return o.value;
}

function prepare(spec: BenchTraceSpec): BenchInput {
  const events = generateBenchTrace(spec);
  const compiled = compileStream(events);
  if (!compiled.ok) throw new Error(compiled.message);
  return { events, compiled: compiled.value };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** CPU seconds one call takes (this process, user + system). */
function time(run: () => void): number {
  const t0 = process.cpuUsage();
  run();
  const used = process.cpuUsage(t0);
  return (used.user + used.system) / 1e6;
}

/** CPU and wall seconds one call takes. */
function timeBoth(run: () => void): { cpu: number; wall: number } {
  const w0 = performance.now();
  const cpu = time(run);
  return { cpu, wall: (performance.now() - w0) / 1000 };
}

/** What the entry plays: the whole input, or the compiled trace alone (nothing else keeps the events alive). */
function forEntry(input: BenchInput, entry: EngineEntry): BenchInput {
  return entry.usesEvents ? input : { events: [], compiled: input.compiled };
}

/** In a child: warm up, then the median of the timed runs, as JSON on stdout. */
function runChild(name: string, spec: BenchTraceSpec): void {
  const entry = ENGINE_ENTRIES.find((e) => e.name === name);
  if (!entry) fail(`no bench entry named ${name}`);
  // The million event objects of trace generation are dropped when the entry does not
  // play them: a collection that lands in a timed run then has no trace objects to mark.
  const input = forEntry(prepare(spec), entry);
  entry.play(input);
  const runs = Array.from({ length: TIMED_RUNS }, () => timeBoth(() => entry.play(input)));
  const figure: EntryFigure = {
    opsPerSec: spec.ops / median(runs.map((r) => r.cpu)),
    wallOpsPerSec: spec.ops / median(runs.map((r) => r.wall)),
  };
  process.stdout.write(JSON.stringify(figure));
}

interface EntryFigure {
  /** ops per CPU second (median of the timed runs). */
  readonly opsPerSec: number;
  readonly wallOpsPerSec: number;
}

/** Runs one entry in a child process: `script` is this module, built to JavaScript. */
function measureEntry(script: string, name: string, spec: BenchTraceSpec): EntryFigure {
  const child = spawnSync(process.execPath, [script, '--child', name, '--ops', String(spec.ops)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0) throw new Error(`bench entry ${name} failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as EntryFigure;
}

interface LibcFigure extends EntryFigure {
  readonly compiler: string;
}

function findCompiler(): string | null {
  for (const cc of ['cc', 'gcc', 'clang']) {
    const probe = spawnSync(cc, ['--version'], { encoding: 'utf8' });
    if (probe.status === 0) return cc;
  }
  return null;
}

/** The C replayer, compiled into bench-out/; null without a C compiler. */
function compileReplay(): { readonly exe: string; readonly compiler: string } | null {
  const cc = findCompiler();
  if (!cc) return null;
  const exe = join(OUT, 'replay');
  const built = spawnSync(cc, ['-O2', '-std=c11', '-o', exe, join(HERE, 'replay.c')], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`compiling replay.c failed:\n${built.stderr}`);
  const version = spawnSync(cc, ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0] ?? cc;
  return { exe, compiler: version.trim() };
}

/** One process of the C replayer: its second pass over the trace, in CPU and wall seconds. */
function runReplay(exe: string, repPath: string): { cpu: number; wall: number } {
  const run = spawnSync(exe, [repPath], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`replay failed: ${run.stderr}`);
  const fields = run.stdout.trim().split(/\s+/).map(Number);
  return { cpu: fields[1]!, wall: fields[4]! };
}

/** The naive model and the engine on the first `ops` events, each the median of 3 runs (the naive one is not warmed up: it is slow anyway). */
function measureNaive(events: readonly StreamEvent[], ops: number): { naive: Record<string, number>; engine: Record<string, number> } {
  const slice = events.slice(0, ops);
  const compiled = compileStream(slice);
  if (!compiled.ok) throw new Error(compiled.message);
  const options = benchOptions();
  const naive: Record<string, number> = {};
  const engine: Record<string, number> = {};
  for (const name of FREELIST_POLICY_NAMES) {
    naive[name] = slice.length / median(Array.from({ length: TIMED_RUNS }, () => time(() => playNaive(slice, name, options))));
    const policy = FREELIST_POLICIES.get(name)!;
    const once = (): void => void playCompiled(compiled.value, policy, new FreeListHeap(options));
    once();
    engine[name] = slice.length / median(Array.from({ length: TIMED_RUNS }, () => time(once)));
  }
  return { naive, engine };
}

function playNaive(events: readonly StreamEvent[], policy: FreeListPolicyName, options: FreeListOptions): void {
  const heap = new NaiveHeap(options);
  for (const e of events) {
    if (e.op === 'free') heap.free(e.id);
    else if (e.op === 'alloc') heap.placeBy(policy, e.id, e.size);
    else heap.reallocBy(policy, e.id, e.size);
  }
}

function formatRate(n: number): string {
  return n >= 1e6 ? `${(n / 1e6).toFixed(2)}M` : `${(n / 1e3).toFixed(1)}k`;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const spec: BenchTraceSpec = { ...BENCH_TRACE, ops: args.ops };
  if (args.child) {
    runChild(args.child, spec);
    return;
  }
  const say = (line: string): void => {
    if (!args.json) process.stdout.write(`${line}\n`);
  };
  say(`trace: ${spec.ops} ops, about ${spec.live} live blocks, sizes uniform ${spec.minSize}..${spec.maxSize}, seed ${spec.seed}`);
  const events = generateBenchTrace(spec);
  mkdirSync(OUT, { recursive: true });
  const repPath = join(OUT, 'bench.rep');
  writeFileSync(repPath, writeRep(events));

  // The C figure's 3 runs are spread over the engine runs (first, middle, last), so a
  // change in the machine's load over the bench touches both sides alike.
  const replay = compileReplay();
  const libcRuns: { cpu: number; wall: number }[] = [];
  const runLibc = (): void => {
    if (replay) libcRuns.push(runReplay(replay.exe, repPath));
  };
  runLibc();
  // Loaded here, not at the top: a child process has no use for the TypeScript compiler.
  const { buildJs } = await import('./build-js.ts');
  const childScript = buildJs(ROOT, fileURLToPath(import.meta.url), join(OUT, 'js'));
  const figures: Record<string, EntryFigure> = {};
  const middle = Math.floor(ENGINE_ENTRIES.length / 2);
  ENGINE_ENTRIES.forEach((entry, i) => {
    figures[entry.name] = measureEntry(childScript, entry.name, spec);
    if (i === middle) runLibc();
  });
  runLibc();
  const libc: LibcFigure | null = replay
    ? { compiler: replay.compiler, opsPerSec: spec.ops / median(libcRuns.map((r) => r.cpu)), wallOpsPerSec: spec.ops / median(libcRuns.map((r) => r.wall)) }
    : null;
  const engine: Record<string, number> = Object.fromEntries(Object.entries(figures).map(([name, f]) => [name, f.opsPerSec]));
  say(libc
    ? `libc malloc/free (${libc.compiler}, -O2, second pass, median of ${TIMED_RUNS}): ${formatRate(libc.opsPerSec)} ops/s (wall ${formatRate(libc.wallOpsPerSec)} ops/s)`
    : 'libc: no C compiler found (cc, gcc, clang); C figures are null');

  const ratios: Record<string, number | null> = {};
  say(`engine (built to JavaScript; ops per CPU second, median of ${TIMED_RUNS} after a warm-up, one process per entry):`);
  for (const entry of ENGINE_ENTRIES) {
    const rate = engine[entry.name]!;
    ratios[entry.name] = libc ? rate / libc.opsPerSec : null;
    const wall = figures[entry.name]!.wallOpsPerSec;
    say(`  ${entry.name.padEnd(18)} ${formatRate(rate).padStart(8)} ops/s   ${libc ? `${(rate / libc.opsPerSec).toFixed(2)} x libc` : ''}   (wall ${formatRate(wall)} ops/s)`);
  }

  const goals = Object.entries(GOALS).map(([name, goal]) => {
    const ratio = ratios[name] ?? null;
    return { policy: name, goal, ratio, met: ratio === null ? null : ratio >= goal };
  });
  for (const g of goals) {
    say(`goal: ${g.policy} at least ${g.goal} x libc: ${g.ratio === null ? 'no C figure' : `${g.ratio.toFixed(2)} ${g.met ? 'met' : 'NOT met'}`}`);
  }

  const sliceOps = Math.min(NAIVE_SLICE, spec.ops);
  const naive = measureNaive(events, sliceOps);
  say(`naive linear-scan model on the first ${sliceOps} ops (engine on the same slice):`);
  for (const name of FREELIST_POLICY_NAMES) {
    const n = naive.naive[name]!;
    const e = naive.engine[name]!;
    say(`  ${name.padEnd(18)} naive ${formatRate(n).padStart(8)} ops/s   engine ${formatRate(e).padStart(8)} ops/s   ${(e / n).toFixed(0)} x faster`);
  }

  const adversary = measureAdversaryDecision();
  say(formatAdversaryDecision(adversary));

  if (args.json) {
    const out = {
      trace: spec,
      heap: BENCH_HEAP,
      engine,
      libc: libc ? libc.opsPerSec : null,
      compiler: libc ? libc.compiler : null,
      clock: 'process CPU time (user + system)',
      wall: { engine: Object.fromEntries(Object.entries(figures).map(([name, f]) => [name, f.wallOpsPerSec])), libc: libc ? libc.wallOpsPerSec : null },
      ratioToLibc: ratios,
      goals,
      naive: { ops: sliceOps, naive: naive.naive, engine: naive.engine },
      adversary,
    };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  }
  if (!existsSync(repPath)) throw new Error('the trace file vanished');
}

await main();
