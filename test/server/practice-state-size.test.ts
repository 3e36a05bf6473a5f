// Issue #12, item 17: no synced state message of a practice round is above the schema
// encoder's buffer (@colyseus/schema grows it and logs "buffer overflow" past
// Encoder.BUFFER_SIZE). A finished round's results (every policy, the clairvoyant,
// timelines, the replay) are large: they go to the player as a `results` message, not
// in the synced state. Each level is played to its end by its reference solution
// through a practice Seat, and every patch (and the state in full, as a joining client
// gets it) is encoded as the room would.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Encoder } from '@colyseus/schema';
import { LEVELS, type Level } from '../../shared/levels/levels.ts';
import { startMatch } from '../../shared/match/match.ts';
import { Seat } from '../../server/rooms/seat.ts';
import { PRACTICE_SEAT } from '../../server/rooms/PracticeRoom.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

/** Plays `level`'s reference solution through a practice seat; returns the largest encoded patch, the full state's size and the results. */
function playThrough(level: Level): { largestPatch: number; fullState: number; results: string } {
  const started = startMatch(level.config, 0);
  if (!started.ok) throw new Error(`${level.id} does not start: ${started.message}`);
  const seat = new Seat(started.value, PRACTICE_SEAT);
  const encoder = new Encoder(seat.view);
  let largestPatch = encoder.encodeAll().byteLength;
  encoder.discardChanges();
  for (const move of level.reference ?? []) {
    const m = seat.view;
    const body = typeof move === 'number'
      ? { type: 'place' as const, raw: { requestId: m.pending.id, target: move, version: m.version } }
      : 'coalesce' in move
        ? { type: 'coalesce' as const, raw: move.coalesce === null ? { version: m.version } : { target: move.coalesce, version: m.version } }
        : { type: 'release' as const, raw: { target: move.release, version: m.version } };
    const played = seat.play(body.type, body.raw, 0);
    if (!played.ok) throw new Error(`${level.id}: the reference move was refused: ${played.code}`);
    largestPatch = Math.max(largestPatch, encoder.encode().byteLength);
    encoder.discardChanges();
  }
  if (!seat.isFinished) throw new Error(`${level.id}: the reference did not finish the round`);
  return { largestPatch, fullState: encoder.encodeAll().byteLength, results: seat.results() };
}

/** The level whose results are largest: the biggest message a finished practice round sends. */
function biggestLevel(): Level {
  const sized = LEVELS.filter((l) => l.reference).map((l) => ({ l, size: playThrough(l).results.length }));
  sized.sort((a, b) => b.size - a.size);
  const first = sized[0];
  if (!first) throw new Error('no level has a reference solution');
  return first.l;
}

describe('a finished practice round keeps its synced state small [issue 12, item 17]', () => {
  const firstFit = LEVELS.find((l) => l.id === 'first-fit');
  const cases: Level[] = [firstFit!, biggestLevel()];

  it.each(cases.map((l) => [l.id, l] as const))('%s: every patch and the full state fit the encoder\'s buffer, and nothing overflows', (_id, level) => {
    const warn = vi.spyOn(console, 'warn');
    const { largestPatch, fullState, results } = playThrough(level);
    expect(largestPatch).toBeLessThan(Encoder.BUFFER_SIZE);
    expect(fullState).toBeLessThan(Encoder.BUFFER_SIZE);
    expect(warn.mock.calls.filter((c) => String(c[0]).includes('buffer overflow'))).toEqual([]);
    // The results are still there for the player (sent as a message): the player and every policy.
    const parsed = JSON.parse(results) as { player?: unknown; policies?: unknown[] };
    expect(parsed.player).toBeDefined();
    expect(parsed.policies?.length).toBeGreaterThan(0);
  });
});
