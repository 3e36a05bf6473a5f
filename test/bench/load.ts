// `npm run load -- --clients 300 --rate 1 [--url ws://127.0.0.1:PORT …] [--seconds N | --minutes M]
//                  [--mode class|spread] [--per-class N] [--pid PID …] [--end-round] [--snapshots DIR]`
// Simulated students on loopback: in classrooms of up to 300 (mode `class`: one class for
// 300, seven of 285 or 286 for 2000; --per-class up to 499), or spread over many small
// classrooms (mode `spread`, 30 a class). Each student places one request every 1/rate
// seconds at the first free block that fits, through the real protocol (SDK client,
// synced state, `place` → `ack`). Against the server at --url, or the processes of a
// cluster at several --url (classes go to them in turn, each class created and joined
// through its own process, which then holds it: npm run cluster), or one server this
// script starts as a child process on a free port with a temporary database. Prints
// move-to-ack latency percentiles, bytes per second received per student, and the
// server's CPU (a --pid per --url, in order, else the process found listening on the
// url's port), each against its goal, per process and in total, and the server's
// memory (resident set) at the start, middle and end of play. A round has 60 requests,
// so a run longer than one round (--minutes) plays round after round: each ends
// (host:end, timed as the round end is) and the next starts; only play counts in the
// rates. A server the script starts runs with Node's inspector on a loopback port: at the
// start of play and after each round's end the script collects its garbage and prints the
// heap that survived (flat round over round means nothing a round leaves behind piles up),
// and with --snapshots DIR writes a heap snapshot there at those moments.
// Bounded in clients and time; loopback only; stops by itself.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { freePort, startServer, type RunningServer } from '../e2e/support.ts';
import { connectServerHeap, type HeapAfterGc, type ServerHeap } from './server-heap.ts';
import { BUDDY_PEAKS_ID } from '../../server/rooms/rounds.ts';
import {
  ClassClient, chooseTarget, createClass, isReadyToPlace, joinAsHost, joinAsStudent, listenForAnswers, ownHeap, waitForState, type ClassRoom,
} from '../server/classroom-driver.ts';

/** Issue 15's goals (items 9 and 10) and issue 12's latency. */
const GOALS = { p95Ms: 50, p99Ms: 100, bytesPerSecond: 300, hostKbPerSecond: 20, cpuUsPerMove: 150 };
/** A class room holds 500 clients (ClassroomRoom.maxClients): 499 students and its host. */
const LIMITS = { clients: 3000, seconds: 120, minutes: 60, rate: 10, perClass: 499 };
/** Students a class of mode `class` holds unless --per-class says otherwise: a large lecture's class (issue 15). */
const CLASS_SIZE = 300;
/** Joins in flight at once while the class fills. */
const JOIN_CONCURRENCY = 25;
/** Requests in the round; a student who placed them all stops. */
const ROUND_REQUESTS = 60;

interface Settings {
  readonly clients: number;
  readonly rate: number;
  /** Seconds of play in all (several rounds when longer than one round lasts). */
  readonly seconds: number;
  /** Seconds of play one round lasts at most (its requests run out after that). */
  readonly roundSeconds: number;
  readonly mode: 'class' | 'spread';
  readonly perClass: number;
  /** The server processes to load (empty: start one here). */
  readonly urls: readonly string[];
  /** Their process ids, in the order of `urls`, where given. */
  readonly pids: readonly number[];
  readonly endRound: boolean;
  /** Where to write the started server's heap snapshots (none when null). */
  readonly snapshots: string | null;
}

function fail(message: string): never {
  console.error(`load: ${message}`);
  process.exit(2);
}

function bounded(name: string, raw: string | undefined, fallback: number, max: number): number {
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0 || value > max) fail(`--${name} must be a number in (0, ${max}]`);
  return value;
}

function isLoopback(url: string): boolean {
  try {
    return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname);
  } catch {
    return false;
  }
}

function readSettings(): Settings {
  const { values } = parseArgs({
    options: {
      clients: { type: 'string' }, rate: { type: 'string' }, seconds: { type: 'string' }, minutes: { type: 'string' }, mode: { type: 'string' },
      'per-class': { type: 'string' }, url: { type: 'string', multiple: true }, pid: { type: 'string', multiple: true }, 'end-round': { type: 'boolean' },
      snapshots: { type: 'string' },
    },
  });
  const mode = values.mode ?? 'class';
  if (mode !== 'class' && mode !== 'spread') fail('--mode is class or spread');
  const urls = values.url ?? [];
  if (urls.some((url) => !isLoopback(url))) fail('--url must be a loopback address (ws://127.0.0.1:PORT)');
  if ((values.pid ?? []).length > urls.length) fail('one --pid per --url at most, in the same order');
  if (values.snapshots !== undefined && urls.length > 0) fail('--snapshots needs the server this script starts (no --url)');
  const rate = bounded('rate', values.rate, 1, LIMITS.rate);
  if (values.seconds !== undefined && values.minutes !== undefined) fail('--seconds or --minutes, not both');
  // The round has 60 requests: a round stops before the quickest student runs out of them.
  const roundSeconds = Math.floor((ROUND_REQUESTS - 5) / rate);
  const seconds = values.minutes !== undefined
    ? bounded('minutes', values.minutes, 1, LIMITS.minutes) * 60
    : Math.min(bounded('seconds', values.seconds, 20, LIMITS.seconds), roundSeconds);
  return {
    clients: Math.round(bounded('clients', values.clients, 300, LIMITS.clients)),
    rate,
    seconds,
    roundSeconds,
    mode,
    perClass: Math.round(bounded('per-class', values['per-class'], mode === 'spread' ? 30 : CLASS_SIZE, LIMITS.perClass)),
    urls,
    pids: (values.pid ?? []).map((pid) => Math.round(bounded('pid', pid, 0, 2 ** 22))),
    endRound: values['end-round'] ?? false,
    snapshots: values.snapshots ?? null,
  };
}

// ---- measuring ----------------------------------------------------------------

/** The value below which `q` of the sorted samples lie (nearest rank). */
function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}

/** CPU seconds (user + system) a process has used, from /proc/PID/stat; null when it cannot be read. */
function processCpuSeconds(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at field 3 (state).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime (14) + stime (15)
    return ticks / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

/** Socket inodes listening on `port` on this machine (/proc/net/tcp and tcp6). */
function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = fs.readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      // local_address is HEX_IP:HEX_PORT; state 0A is LISTEN; the inode is field 10.
      if (f[3] === '0A' && parseInt(f[1]?.split(':').at(-1) ?? '', 16) === port && f[9]) inodes.add(f[9]);
    }
  }
  return inodes;
}

/** The process listening on `port` (a loopback server of this machine); null when it cannot be told. */
function pidListeningOn(port: number): number | null {
  const inodes = listeningInodes(port);
  if (inodes.size === 0) return null;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      for (const fd of fs.readdirSync(`/proc/${entry}/fd`)) {
        const link = fs.readlinkSync(`/proc/${entry}/fd/${fd}`);
        if (link.startsWith('socket:[') && inodes.has(link.slice('socket:['.length, -1))) return Number(entry);
      }
    } catch {
      // a process that ended, or one we may not look into
    }
  }
  return null;
}

/** Bytes a WebSocket frame with this payload takes (header included; server frames are not masked). */
function frameBytes(payload: number): number {
  return payload + (payload < 126 ? 2 : payload < 65_536 ? 4 : 10);
}

/** Counts the bytes an SDK room's WebSocket receives. */
function countBytesDown(room: ClassRoom): { bytes: number } {
  const counter = { bytes: 0 };
  const transport = room.connection.transport as { ws?: { addEventListener?: (type: 'message', cb: (e: { data: unknown }) => void) => void } };
  if (!transport.ws?.addEventListener) fail('cannot reach the WebSocket under the SDK room to count bytes');
  transport.ws.addEventListener('message', (e) => {
    const data = e.data;
    const size = data instanceof ArrayBuffer ? data.byteLength : ArrayBuffer.isView(data) ? data.byteLength : String(data).length;
    counter.bytes += frameBytes(size);
  });
  return counter;
}

// ---- simulated students -----------------------------------------------------------

class SimulatedStudent {
  readonly down: { bytes: number };
  readonly latenciesMs: number[] = [];
  readonly refusals = new Map<string, number>();
  sent = 0;
  /** Times the connection dropped (the SDK reconnects by itself), and came back. */
  drops = 0;
  reconnects = 0;
  /** Ticks when the student could not move: a move still unanswered, or the state not caught up yet. */
  busy = 0;
  private acked = 0;
  private sentAt: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  readonly room: ClassRoom;
  /** Settles when the student's finished round's results arrive (the classroom sends them by message). */
  readonly results: Promise<void>;

  constructor(room: ClassRoom) {
    this.room = room;
    this.down = countBytesDown(room);
    this.results = new Promise((resolve) => room.onMessage('results', () => resolve()));
    room.onDrop(() => this.drops++);
    room.onReconnect(() => this.reconnects++);
    listenForAnswers(room, (answer) => {
      if (this.sentAt === null) return;
      if (answer.type === 'ack') {
        this.latenciesMs.push(performance.now() - this.sentAt);
        this.acked = Math.max(this.acked, answer.version);
      } else this.refusals.set(answer.code, (this.refusals.get(answer.code) ?? 0) + 1);
      this.sentAt = null;
    });
  }

  get isWaiting(): boolean {
    return this.sentAt !== null;
  }

  /** Waits for a heap in the round just started (versions count from 0 again). */
  async seated(): Promise<void> {
    this.acked = 0;
    await waitForState(this.room, () => isReadyToPlace(ownHeap(this.room), 0) && (ownHeap(this.room)?.version ?? 1) === 0, 30_000, 'a heap');
  }

  /** Moves every `periodMs`, the first after `offsetMs` (offsets spread the class over the period). */
  start(periodMs: number, offsetMs: number): void {
    this.timer = setTimeout(() => {
      this.move();
      this.timer = setInterval(() => this.move(), periodMs);
    }, offsetMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private move(): void {
    const heap = ownHeap(this.room);
    if (this.sentAt !== null || !isReadyToPlace(heap, this.acked)) {
      this.busy++;
      return;
    }
    const target = chooseTarget(heap);
    if (target === null) {
      this.busy++;
      return;
    }
    this.sentAt = performance.now();
    this.sent++;
    this.room.send('place', { requestId: heap.pending.id, target, version: heap.version });
  }
}

/** One server process under load. */
interface Target {
  readonly label: string;
  readonly httpUrl: string;
  readonly client: ClassClient;
  readonly pid: number | null;
}

interface Classroom {
  readonly target: Target;
  readonly host: ClassRoom;
  readonly hostDown: { bytes: number };
  readonly students: SimulatedStudent[];
}

async function inBatches<T>(count: number, size: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let from = 0; from < count; from += size) {
    out.push(...(await Promise.all(Array.from({ length: Math.min(size, count - from) }, (_, k) => make(from + k)))));
  }
  return out;
}

/** The students of each class: as few classes as hold `clients` at `perClass` at most, filled evenly (2000 at 300: seven of 285 or 286). */
function classSizes(clients: number, perClass: number): number[] {
  const count = Math.ceil(clients / perClass);
  const base = Math.floor(clients / count);
  return Array.from({ length: count }, (_, c) => base + (c < clients % count ? 1 : 0));
}

async function openClassroom(target: Target, students: number, firstIndex: number): Promise<Classroom> {
  const { httpUrl, client } = target;
  const created = await createClass(httpUrl);
  const host = await joinAsHost(client, created.roomId, created.hostKey);
  const hostDown = countBytesDown(host);
  const joined = await inBatches(students, JOIN_CONCURRENCY, async (i) => {
    const { room } = await joinAsStudent(client, created.roomId, { code: created.code, nickname: `s${firstIndex + i}` });
    return new SimulatedStudent(room);
  });
  return { target, host, hostDown, students: joined };
}

async function startRound(classroom: Classroom): Promise<void> {
  classroom.host.send('host:start', { round: BUDDY_PEAKS_ID });
  for (const s of classroom.students) await s.seated();
}

/** Ends the round and waits until the host and every student have the results. */
async function endRound(classroom: Classroom): Promise<void> {
  classroom.host.send('host:end', {});
  await waitForState(classroom.host, () => classroom.host.state.phase === 'results', 300_000, 'the round to end');
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('the results did not reach every student within 300 s')), 300_000);
  });
  await Promise.race([Promise.all(classroom.students.map((s) => s.results)), late]).finally(() => clearTimeout(timer));
}

// ---- the run ---------------------------------------------------------------------

/** The SDK narrates every reconnection on console.info; the run counts drops instead. */
function quietReconnectionLogs(): void {
  const info = console.info.bind(console);
  console.info = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith('[Colyseus reconnection]')) return;
    info(...args);
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** What a run measured while the students played. */
interface Figures {
  readonly seconds: number;
  readonly students: readonly SimulatedStudent[];
  readonly classrooms: readonly Classroom[];
  /** Bytes per second each student received, in the order of `students`. */
  readonly downRatesByStudent: readonly number[];
  /** Sorted move-to-ack latencies, ms. */
  readonly latenciesMs: readonly number[];
  /** Sorted bytes per second each student received. */
  readonly downRates: readonly number[];
  readonly hostRates: readonly number[];
  readonly serverCpuSeconds: number | null;
  readonly ownCpuSeconds: number;
  readonly ownLagP99Ms: number;
}

/** CPU seconds the targets' processes used between two readings; null for a target whose process cannot be read. */
function cpuOf(targets: readonly Target[]): (number | null)[] {
  return targets.map((t) => (t.pid ? processCpuSeconds(t.pid) : null));
}

/** The figures of some of the classrooms (one process's, or all), out of what the whole run measured. */
function figuresOf(all: Figures, classrooms: readonly Classroom[], serverCpuSeconds: number | null): Figures {
  const mine = new Set(classrooms.flatMap((c) => c.students));
  const downRates = all.students.map((s, i) => ({ s, rate: all.downRatesByStudent[i] ?? 0 })).filter(({ s }) => mine.has(s)).map(({ rate }) => rate);
  const students = all.students.filter((s) => mine.has(s));
  return {
    ...all,
    students,
    downRatesByStudent: downRates,
    downRates: [...downRates].sort((a, b) => a - b),
    hostRates: classrooms.map((c) => all.hostRates[all.classrooms.indexOf(c)] ?? 0),
    classrooms,
    latenciesMs: students.flatMap((s) => s.latenciesMs).sort((a, b) => a - b),
    serverCpuSeconds,
  };
}

/** The resident memory of a process in MB, from /proc/PID/status; null when it cannot be read. */
function processRssMb(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** The servers' resident memory at one moment of play. */
interface MemorySample {
  readonly atSeconds: number;
  readonly mb: readonly (number | null)[];
}

/** The started server's memory after a full collection, at one moment of the run. */
interface HeapSample {
  readonly label: string;
  readonly atSeconds: number;
  readonly memory: HeapAfterGc;
}

/** Collects the server's garbage, reads what survived, and writes a snapshot when asked. */
async function sampleHeap(heap: ServerHeap, label: string, atSeconds: number, snapshots: string | null): Promise<HeapSample> {
  if (snapshots !== null) await heap.snapshot(path.join(snapshots, `${label.replaceAll(' ', '-')}.heapsnapshot`));
  return { label, atSeconds, memory: await heap.afterGc() };
}

/** How long one round's end took to reach everyone, and what it weighed. */
interface RoundEnd {
  readonly ms: number;
  readonly kbPerStudent: number;
  readonly kbPerHost: number;
  readonly drops: number;
}

/** Everyone plays for `seconds`; answers what was counted over that window. */
async function playFor(students: readonly SimulatedStudent[], classrooms: readonly Classroom[], targets: readonly Target[], periodMs: number, seconds: number) {
  const at = performance.now();
  const serverCpu = cpuOf(targets);
  const ownCpu = process.cpuUsage();
  const down = students.map((s) => s.down.bytes);
  const host = classrooms.map((c) => c.hostDown.bytes);
  students.forEach((s, i) => s.start(periodMs, (i / students.length) * periodMs));
  await sleep(seconds * 1000);
  for (const s of students) s.stop();
  const elapsed = (performance.now() - at) / 1000;
  const serverCpuAfter = cpuOf(targets);
  const cpu = targets.map((_, i) => {
    const [before, after] = [serverCpu[i], serverCpuAfter[i]];
    return before != null && after != null ? after - before : null;
  });
  const ownCpuUsed = process.cpuUsage(ownCpu);
  const window = {
    seconds: elapsed,
    cpu,
    ownCpuSeconds: (ownCpuUsed.user + ownCpuUsed.system) / 1e6,
    downBytes: students.map((s, i) => s.down.bytes - (down[i] ?? 0)),
    hostBytes: classrooms.map((c, i) => c.hostDown.bytes - (host[i] ?? 0)),
  };
  // Moves still in flight get a few seconds to be answered.
  const waitUntil = performance.now() + 5000;
  while (students.some((s) => s.isWaiting) && performance.now() < waitUntil) await sleep(50);
  return window;
}

/**
 * Lets every student play for `settings.seconds`, round after round when that is longer
 * than a round lasts (each round ended and the next started in between, outside the
 * measured window), and measures latency, bytes down, CPU and memory over the play.
 */
async function play(classrooms: readonly Classroom[], settings: Settings, targets: readonly Target[], heap: ServerHeap | null): Promise<{ total: Figures; cpuByTarget: (number | null)[]; memory: MemorySample[]; roundEnds: RoundEnd[]; heaps: HeapSample[] }> {
  const students = classrooms.flatMap((c) => c.students);
  const periodMs = 1000 / settings.rate;
  const lag = monitorEventLoopDelay({ resolution: 10 });
  const started = performance.now();
  const memory: MemorySample[] = [];
  const sampleMemory = () => memory.push({ atSeconds: (performance.now() - started) / 1000, mb: targets.map((t) => (t.pid ? processRssMb(t.pid) : null)) });
  sampleMemory();
  // Often enough to see each round's peak (a round lasts 55 s at 1 move/s).
  const sampler = setInterval(sampleMemory, Math.min(5000, Math.max(1000, (settings.seconds * 1000) / 20)));
  const roundEnds: RoundEnd[] = [];
  const heaps: HeapSample[] = [];
  const atNow = () => (performance.now() - started) / 1000;
  if (heap) heaps.push(await sampleHeap(heap, 'round 1 started', atNow(), settings.snapshots));
  let seconds = 0;
  let ownCpuSeconds = 0;
  const cpuByTarget: (number | null)[] = targets.map(() => 0);
  const down = students.map(() => 0);
  const host = classrooms.map(() => 0);
  for (let played = 0, round = 1; played < settings.seconds; played += settings.roundSeconds, round++) {
    if (played > 0) {
      roundEnds.push(await measureRoundEnd(classrooms));
      if (heap) heaps.push(await sampleHeap(heap, `round ${round - 1} ended`, atNow(), settings.snapshots));
      await Promise.all(classrooms.map(startRound));
    }
    lag.enable();
    const window = await playFor(students, classrooms, targets, periodMs, Math.min(settings.roundSeconds, settings.seconds - played));
    lag.disable();
    seconds += window.seconds;
    ownCpuSeconds += window.ownCpuSeconds;
    window.cpu.forEach((c, i) => (cpuByTarget[i] = c === null || cpuByTarget[i] === null ? null : (cpuByTarget[i] ?? 0) + c));
    window.downBytes.forEach((b, i) => (down[i] = (down[i] ?? 0) + b));
    window.hostBytes.forEach((b, i) => (host[i] = (host[i] ?? 0) + b));
  }
  clearInterval(sampler);
  sampleMemory();
  if (heap) heaps.push(await sampleHeap(heap, 'play over', atNow(), settings.snapshots));
  const downRatesByStudent = down.map((b) => b / seconds);
  const total: Figures = {
    seconds,
    students,
    classrooms,
    downRatesByStudent,
    downRates: [...downRatesByStudent].sort((a, b) => a - b),
    hostRates: host.map((b) => b / seconds),
    serverCpuSeconds: cpuByTarget.every((c) => c !== null) ? sum(cpuByTarget as number[]) : null,
    ownCpuSeconds,
    ownLagP99Ms: lag.percentile(99) / 1e6,
    latenciesMs: students.flatMap((s) => s.latenciesMs).sort((a, b) => a - b),
  };
  return { total, cpuByTarget, memory, roundEnds, heaps };
}

/** The servers' memory at the start, middle and end of play, and its peak. */
function reportMemory(memory: readonly MemorySample[], targets: readonly Target[]): void {
  const first = memory[0];
  const last = memory[memory.length - 1];
  if (!first || !last) return;
  const middle = memory.reduce((best, m) => (Math.abs(m.atSeconds - last.atSeconds / 2) < Math.abs(best.atSeconds - last.atSeconds / 2) ? m : best), first);
  const at = (m: MemorySample, i: number) => (m.mb[i] == null ? 'n/a' : `${fmt(m.mb[i] ?? NaN, 0)} MB`);
  for (const [i, t] of targets.entries()) {
    const peak = Math.max(...memory.map((m) => m.mb[i] ?? NaN));
    console.log(`server memory (resident)${targets.length > 1 ? ` ${t.label}` : ''}: start ${at(first, i)}, middle ${at(middle, i)} (${fmt(middle.atSeconds, 0)} s), ` +
      `end ${at(last, i)} (${fmt(last.atSeconds, 0)} s), peak ${fmt(peak, 0)} MB`);
  }
}

/**
 * The started server's memory after a full collection at each round's end (flat means
 * nothing a round leaves behind piles up), beside the highest resident set sampled since
 * the row before (garbage not collected yet included: level means V8's heap stopped growing).
 */
function reportHeaps(heaps: readonly HeapSample[], memory: readonly MemorySample[]): void {
  if (heaps.length === 0) return;
  const mb = (bytes: number) => fmt(bytes / 2 ** 20, 1);
  console.log('server memory after a full collection (MB): heap used / heap total, external (array buffers), resident; highest resident before it');
  heaps.forEach((h, i) => {
    const m = h.memory;
    const since = heaps[i - 1]?.atSeconds ?? -1;
    const peak = Math.max(...memory.filter((s) => s.atSeconds > since && s.atSeconds <= h.atSeconds).map((s) => s.mb[0] ?? NaN));
    console.log(`  ${h.label.padEnd(16)} ${fmt(h.atSeconds, 0).padStart(5)} s   ${mb(m.heapUsed).padStart(6)} / ${mb(m.heapTotal).padStart(6)}   ` +
      `${mb(m.external).padStart(5)} (${mb(m.arrayBuffers)})   ${mb(m.rss).padStart(6)}; ${Number.isFinite(peak) ? fmt(peak, 1) : 'n/a'}`);
  });
}

/** The rounds' ends: the slowest and the mean time to reach everyone. */
function reportRoundEnds(ends: readonly RoundEnd[]): void {
  if (ends.length === 0) return;
  const times = ends.map((e) => e.ms);
  console.log(`round ends (host:end → results at every student), ${ends.length}: mean ${fmt(sum(times) / ends.length, 0)} ms, slowest ${fmt(Math.max(...times), 0)} ms; ` +
    `${fmt(sum(ends.map((e) => e.kbPerStudent)) / ends.length)} KB per student, ${fmt(sum(ends.map((e) => e.kbPerHost)) / ends.length)} KB per host; ` +
    `${sum(ends.map((e) => e.drops))} connections dropped meanwhile`);
}

function report(f: Figures, cores: number, label: string): void {
  console.log(`— ${label}: ${f.students.length} students in ${f.classrooms.length} class${f.classrooms.length === 1 ? '' : 'es'}`);
  const sent = sum(f.students.map((s) => s.sent));
  const refusals = new Map<string, number>();
  for (const s of f.students) for (const [code, n] of s.refusals) refusals.set(code, (refusals.get(code) ?? 0) + n);
  const refused = sum([...refusals.values()]);
  const p95 = percentile(f.latenciesMs, 0.95);
  const p99 = percentile(f.latenciesMs, 0.99);
  const maxDown = f.downRates[f.downRates.length - 1] ?? NaN;
  console.log(`moves: ${sent} sent (${fmt(sent / f.seconds / f.students.length, 2)}/s per student), ${f.latenciesMs.length} acked, ` +
    `${refused} refused${refused ? ` (${[...refusals].map(([c, n]) => `${c}×${n}`).join(', ')})` : ''}, ` +
    `${f.students.filter((s) => s.isWaiting).length} unanswered; ${sum(f.students.map((s) => s.busy))} ticks skipped ` +
    `(previous move or its state not back yet); ${sum(f.students.map((s) => s.drops))} connections dropped`);
  console.log(`latency move→ack ms: p50=${fmt(percentile(f.latenciesMs, 0.5))} p95=${fmt(p95)} p99=${fmt(p99)} max=${fmt(f.latenciesMs[f.latenciesMs.length - 1] ?? NaN)}` +
    `   goals p95 < ${GOALS.p95Ms}: ${verdict(p95 < GOALS.p95Ms)}, p99 < ${GOALS.p99Ms}: ${verdict(p99 < GOALS.p99Ms)}`);
  // A loaded machine answers slower, so students move less often than asked: per move tells what one costs.
  const meanDown = sum(f.downRates) / Math.max(1, f.downRates.length);
  const movesPerSecond = sent / f.seconds / Math.max(1, f.students.length);
  const hostKb = sum(f.hostRates) / f.hostRates.length / 1024;
  console.log(`down per student B/s: mean=${fmt(meanDown, 0)} p50=${fmt(percentile(f.downRates, 0.5), 0)} max=${fmt(maxDown, 0)}, ` +
    `${fmt(meanDown / movesPerSecond, 0)} B per move   goal ≤ ${GOALS.bytesPerSecond}: ${verdict(maxDown <= GOALS.bytesPerSecond)}   ` +
    `host: ${fmt(hostKb)} KB/s each, goal ≤ ${GOALS.hostKbPerSecond}: ${verdict(hostKb <= GOALS.hostKbPerSecond)}`);
  const usPerMove = f.serverCpuSeconds === null ? NaN : (f.serverCpuSeconds * 1e6) / Math.max(1, sent);
  const server = f.serverCpuSeconds === null
    ? 'n/a (pass a --pid per --url for servers this machine cannot look into)'
    : `${fmt((f.serverCpuSeconds / f.seconds) * 100, 0)}% of one core, ${fmt(usPerMove, 0)} µs per move, goal ≤ ${GOALS.cpuUsPerMove}: ${verdict(usPerMove <= GOALS.cpuUsPerMove)}`;
  console.log(`server CPU: ${server}   load generator CPU: ${fmt((f.ownCpuSeconds / f.seconds) * 100, 0)}%, ` +
    `its event-loop delay p99=${fmt(f.ownLagP99Ms)} ms (on ${cores} cores shared by both)`);
}

/** Ends every round and measures how long the results took to reach everyone and what they weighed. */
async function measureRoundEnd(classrooms: readonly Classroom[]): Promise<RoundEnd> {
  const students = classrooms.flatMap((c) => c.students);
  const t0 = performance.now();
  const down0 = sum(students.map((s) => s.down.bytes));
  const host0 = sum(classrooms.map((c) => c.hostDown.bytes));
  const drops0 = sum(students.map((s) => s.drops));
  await Promise.all(classrooms.map(endRound));
  return {
    ms: performance.now() - t0,
    kbPerStudent: (sum(students.map((s) => s.down.bytes)) - down0) / students.length / 1024,
    kbPerHost: (sum(classrooms.map((c) => c.hostDown.bytes)) - host0) / classrooms.length / 1024,
    drops: sum(students.map((s) => s.drops)) - drops0,
  };
}

function targetAt(wsUrl: string, pid: number | null, label: string): Target {
  return { label, httpUrl: wsUrl.replace(/^ws/, 'http'), client: new ClassClient(wsUrl), pid: pid ?? pidListeningOn(Number(new URL(wsUrl).port || 80)) };
}

async function run(settings: Settings): Promise<void> {
  let server: RunningServer | null = null;
  let heap: ServerHeap | null = null;
  let targets: Target[];
  if (settings.urls.length === 0) {
    const inspectorPort = await freePort();
    const db = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mallocade-load-')), 'load.db');
    // Every simulated student comes from this machine's one address: lift the per-address caps.
    server = await startServer(
      { MALLOCADE_DB: db, SKIP_CLIENT_BUILD: '1', MALLOCADE_CLASS_RATE: '100000,100000', MALLOCADE_RESERVATION_RATE: '1000000,100000' },
      { nodeArgs: [`--inspect=127.0.0.1:${inspectorPort}`] },
    );
    heap = await connectServerHeap(inspectorPort);
    if (settings.snapshots !== null) fs.mkdirSync(settings.snapshots, { recursive: true });
    targets = [targetAt(server.url.replace(/^http/, 'ws'), server.pid, `server started here (pid ${server.pid})`)];
  } else {
    targets = settings.urls.map((url, i) => targetAt(url, settings.pids[i] ?? null, url));
  }
  const sizes = classSizes(settings.clients, settings.perClass);
  const classCount = sizes.length;
  console.log(`load: ${settings.clients} students in ${classCount} class${classCount > 1 ? 'es' : ''} (${settings.mode}), ` +
    `${settings.rate} move/s each, ${settings.seconds} s, round ${BUDDY_PEAKS_ID}, ` +
    `on ${targets.map((t) => `${t.label}${t.pid && !server ? ` (pid ${t.pid})` : ''}`).join(', ')}`);
  try {
    const joinStart = performance.now();
    // Small classes fill a few at a time (about 100 joins in flight at most).
    const classesAtOnce = Math.max(1, Math.floor(100 / settings.perClass));
    // Classes go to the processes in turn: class c is created and joined through process c mod n, which holds it.
    const firstIndex = sizes.map((_, c) => sum(sizes.slice(0, c)));
    const classrooms = await inBatches(classCount, classesAtOnce, (c) => openClassroom(targets[c % targets.length]!, sizes[c] ?? 0, firstIndex[c] ?? 0));
    console.log(`joined in ${fmt((performance.now() - joinStart) / 1000)} s`);
    await Promise.all(classrooms.map(startRound));
    const { total, cpuByTarget, memory, roundEnds, heaps } = await play(classrooms, settings, targets, heap);
    if (targets.length > 1) {
      for (const [i, t] of targets.entries()) report(figuresOf(total, classrooms.filter((c) => c.target === t), cpuByTarget[i] ?? null), os.cpus().length, t.label);
    }
    report(total, os.cpus().length, targets.length > 1 ? `in total, over ${targets.length} processes` : targets[0]!.label);
    reportMemory(memory, targets);
    reportHeaps(heaps, memory);
    if (settings.endRound) roundEnds.push(await measureRoundEnd(classrooms));
    reportRoundEnds(roundEnds);
    for (const c of classrooms) for (const room of [c.host, ...c.students.map((s) => s.room)]) room.reconnection.enabled = false;
  } finally {
    heap?.close();
    await server?.stop();
  }
}

quietReconnectionLogs();
await run(readSettings());
process.exit(0);
