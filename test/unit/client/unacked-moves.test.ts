// The moves a seat made that the server has not answered (client/src/net/unacked-moves.ts):
// kept through an outage, then sent again, counted as delivered, or said to be lost. The
// verdict "send again" must be exactly when the server would take the move: the tests judge
// moves against a real match and ask shared/match's applyMove (MATCH-MOVE-3, MATCH-MOVE-4).

import { describe, expect, it } from 'vitest';
import { alloc, free } from '../../../shared/core/stream.ts';
import { applyMove, startMatch, type MatchState } from '../../../shared/match/match.ts';
import type { Outcome } from '../../../shared/core/outcome.ts';
import { judgeUnanswered, UnackedMoves, unackedMovesOf, type PlaceMove, type SeatNow } from '../../../client/src/net/unacked-moves.ts';

function ok<T>(o: Outcome<T, string>): T {
  if (!o.ok) throw new Error(`refused: ${o.code} ${o.message}`);
  return o.value;
}

/** A 16-unit buddy round: malloc(4), malloc(2), free the first, malloc(8). */
function start(): MatchState {
  return ok(startMatch({
    kind: 'buddy',
    options: { maxOrder: 4, minOrder: 0 },
    source: { source: 'events', events: [alloc(0, 4), alloc(1, 2), free(0), alloc(2, 8)] },
    seed: 1,
    timePerRequestMs: null,
    fallback: 'buddy-lowest',
  }, 0));
}

/** The move a player makes on `s`: its pending request at `target`, on the version they see. */
function moveOn(s: MatchState, target: number): PlaceMove {
  const pending = s.pending!;
  return { requestId: pending.requestId, target, version: s.version, size: pending.size, where: `at address ${target}` };
}

function take(s: MatchState, move: PlaceMove): Outcome<MatchState, string> {
  return applyMove(s, { type: 'place', requestId: move.requestId, target: move.target, version: move.version }, 0);
}

/** What the client reads of a seat, from the engine's own match. */
function seatOf(s: MatchState): SeatNow {
  const live = new Set(s.heap.flatMap((r) => (r.state === 'live' && r.id !== undefined ? [r.id] : [])));
  return { pendingId: s.pending?.requestId ?? null, version: s.version, isLive: (id) => live.has(id) };
}

describe('a move unanswered when the connection went', () => {
  it('[MATCH-MOVE-4] is sent again when its request is still pending at the same version, and the server takes it', () => {
    const s = start();
    const move = moveOn(s, 4);
    expect(judgeUnanswered(move, seatOf(s))).toBe('resend');
    expect(take(s, move).ok).toBe(true);
  });

  it('[MATCH-MOVE-2] counts as delivered when its block is in the heap (stored before the drop, the answer lost)', () => {
    const s = start();
    const move = moveOn(s, 4);
    const after = ok(take(s, move));
    expect(judgeUnanswered(move, seatOf(after))).toBe('delivered');
    expect(take(after, move)).toMatchObject({ ok: false, code: 'request/duplicate' });
  });

  it('[MATCH-MOVE-3] is lost when the round moved past its request and its block is not in the heap', () => {
    const s = start();
    const move = moveOn(s, 4);
    // Meanwhile request 0 was placed elsewhere and freed, request 1 placed, and request 2 waits.
    const placedElsewhere = ok(take(s, moveOn(s, 0)));
    const later = ok(take(placedElsewhere, moveOn(placedElsewhere, 8)));
    expect(later.pending?.requestId).toBe(2);
    expect(judgeUnanswered(move, seatOf(later))).toBe('lost');
    expect(take(later, move).ok).toBe(false);
  });

  it('[MATCH-MOVE-4] is lost when the same request waits at another version (the server would refuse it as stale)', () => {
    const s = start();
    const move = moveOn(s, 4);
    const seat: SeatNow = { ...seatOf(s), version: s.version + 1 };
    expect(judgeUnanswered(move, seat)).toBe('lost');
    expect(take(s, { ...move, version: s.version + 1 })).toMatchObject({ ok: false, code: 'request/stale' });
  });

  it('is lost when the round is over (nothing pending)', () => {
    const s = start();
    expect(judgeUnanswered(moveOn(s, 4), { pendingId: null, version: s.version, isLive: () => false })).toBe('lost');
  });
});

describe('the moves a seat keeps', () => {
  const s = start();
  const first = moveOn(s, 0);
  const second = { ...first, target: 4, where: 'at address 4' };

  it('forgets a move once the server answers it (ack or refusal), the oldest sent first', () => {
    const moves = new UnackedMoves();
    moves.add(first, true);
    moves.add({ ...first, requestId: 9 }, true);
    moves.answerOldest();
    expect(moves.settle(seatOf(s))).toEqual({ resend: [], delivered: [], lost: [{ ...first, requestId: 9 }] });
    expect(moves.isEmpty).toBe(true);
  });

  it('an answer does not forget a move that never left (kept for the connection)', () => {
    const moves = new UnackedMoves();
    moves.add(first, false);
    moves.answerOldest();
    expect(moves.waiting).toEqual([first]);
  });

  it('a newer move for the same request replaces the one kept (the latest choice counts)', () => {
    const moves = new UnackedMoves();
    moves.add(first, false);
    moves.add(second, false);
    expect(moves.waiting).toEqual([second]);
    expect(moves.settle(seatOf(s)).resend).toEqual([second]);
  });

  it('forgets a sent move once the synced state has passed its version, keeps one that waits', () => {
    const moves = new UnackedMoves();
    moves.add(first, true);
    moves.passed(s.version);
    expect(moves.isEmpty).toBe(false);
    moves.passed(s.version + 1);
    expect(moves.isEmpty).toBe(true);
    moves.add(first, false);
    moves.passed(s.version + 1);
    expect(moves.waiting).toEqual([first]);
  });

  it('settling keeps the moves sent again (as sent, until answered) and forgets the rest', () => {
    const moves = new UnackedMoves();
    moves.add(first, false);
    expect(moves.settle(seatOf(s))).toEqual({ resend: [first], delivered: [], lost: [] });
    expect(moves.waiting).toEqual([]);
    expect(moves.isEmpty).toBe(false);
    moves.answerOldest();
    expect(moves.isEmpty).toBe(true);
  });

  it('are kept per seat across scenes: the same seat finds them, another seat has none', () => {
    unackedMovesOf('class:p1').add(first, false);
    expect(unackedMovesOf('class:p1').waiting).toEqual([first]);
    expect(unackedMovesOf('class:p2').isEmpty).toBe(true);
  });
});
