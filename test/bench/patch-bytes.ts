// `npm run patch-bytes [-- --json]`
// Bytes a student's own heap costs on the wire, per move, by part. For one round of each
// allocator kind (buddy-peaks, the class round `npm run load` plays, and a free-list, slab and
// arena level), a seat is set up as a class seats a student (server/rooms/seat.ts) and its
// synced state is encoded with @colyseus/schema's Encoder after every move, part by part
// (Seat.mirror tells when each part is copied): the bytes of each part's patch, averaged over
// the round's moves. Moves are chosen the same way every run (the first free region that fits,
// or the first hint for slab and arena), the match clock is fixed, so the figures are the same
// on any machine under any load. What this leaves out: the class's own state (board rows,
// rank), the move's `ack` message and the per-client frame header (see `npm run load`).

import { parseArgs } from 'node:util';
import { Encoder } from '@colyseus/schema';
import { startMatch } from '../../shared/match/match.ts';
import { resolveRound, BUDDY_PEAKS_ID } from '../../server/rooms/rounds.ts';
import { MIRROR_PARTS, Seat, type MirrorPart } from '../../server/rooms/seat.ts';
import { chooseAnyTarget } from '../server/classroom-driver.ts';

/** One round per allocator kind: the level it plays. */
const ROUNDS: readonly { readonly kind: string; readonly level: string }[] = [
  { kind: 'buddy', level: BUDDY_PEAKS_ID },
  { kind: 'free list', level: 'first-fit' },
  { kind: 'slab', level: 'slab' },
  { kind: 'arena', level: 'arenas' },
];
/** Match time between moves: well inside every deadline. */
const MOVE_MS = 10;
/** A round never takes more moves than this (a guard against a move that changes nothing). */
const MAX_MOVES = 500;

export interface RoundBytes {
  readonly kind: string;
  readonly level: string;
  readonly moves: number;
  /** Mean bytes per move of each part's patch, and of the whole. */
  readonly perMove: Readonly<Record<MirrorPart | 'total', number>>;
}

/** Plays `level`'s round to its end and measures each move's patch by part. */
export function measureRound(kind: string, level: string): RoundBytes {
  const round = resolveRound(level);
  if (!round.ok) throw new Error(`${round.code}: ${round.message}`);
  const started = startMatch(round.value.config, 0);
  if (!started.ok) throw new Error(`${started.code}: ${started.message}`);
  // Hints are always on here so that slab and arena moves can follow them: their bytes are counted apart.
  const seat = new Seat(started.value, { showHints: true });
  seat.timeAllowance = 'none';
  seat.mirror();
  const encoder = new Encoder(seat.view);
  encoder.encodeAll();
  encoder.discardChanges();
  const sums = Object.fromEntries([...MIRROR_PARTS, 'total'].map((p) => [p, 0])) as Record<MirrorPart | 'total', number>;
  let moves = 0;
  while (!seat.isFinished && seat.view.hasPending && moves < MAX_MOVES) {
    const decided = seat.decide('place', { requestId: seat.view.pending.id, target: chooseAnyTarget(seat.view), version: seat.view.version }, (moves + 1) * MOVE_MS);
    if (!decided.ok) throw new Error(`${level}, move ${moves}: ${decided.code}: ${decided.message}`);
    seat.match = decided.value.next;
    seat.mirror((part) => {
      const bytes = encoder.encode().length;
      encoder.discardChanges();
      sums[part] += bytes;
      sums.total += bytes;
    });
    moves++;
  }
  const perMove = Object.fromEntries(Object.entries(sums).map(([p, n]) => [p, moves ? n / moves : 0])) as Record<MirrorPart | 'total', number>;
  return { kind, level, moves, perMove };
}

function table(rows: readonly RoundBytes[]): string {
  const head = ['kind (level)', 'moves', ...MIRROR_PARTS, 'total B/move'];
  const lines = rows.map((r) => [`${r.kind} (${r.level})`, String(r.moves), ...MIRROR_PARTS.map((p) => r.perMove[p].toFixed(1)), r.perMove.total.toFixed(1)]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const pad = (cells: readonly string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [pad(head), ...lines.map(pad)].join('\n');
}

function main(): void {
  const { values } = parseArgs({ options: { json: { type: 'boolean', default: false } } });
  const rows = ROUNDS.map((r) => measureRound(r.kind, r.level));
  if (values.json) console.log(JSON.stringify(rows, null, 2));
  else {
    console.log("A student's own heap: bytes of its patch per move, by part (schema encoder, no frame header)");
    console.log(table(rows));
  }
}

if (import.meta.main) main();
