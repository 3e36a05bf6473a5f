// The placements a seat has made that the server has not answered yet: sent and waiting for
// their `ack`, `refused` or the synced state that took them, or kept back because the
// connection was down when the player made them. Through a drop they stay; once the seat
// is back (the same room reconnected, or the class joined again after a restart) each is
// judged against the seat the server has now: sent again when its request is still the
// pending one at the same version (the checks shared/match's checkPlaceable applies, so the
// server takes it), counted as delivered when its block is already in the heap (stored
// before the drop, the answer lost), and otherwise lost (the round moved on), for the scene
// to say so. Pure logic: no SDK, no Phaser; the play scene wires it (play/move-delivery.ts).

/** A `place` move, and the words that name where it goes ("at address 40", "in slab #2"). */
export interface PlaceMove {
  readonly requestId: number;
  /** An address, or a slab/arena id (-1: a new one). */
  readonly target: number;
  /** The match version the player saw when making it. */
  readonly version: number;
  /** The request's size, for the words. */
  readonly size: number;
  readonly where: string;
}

/** What the seat's synced state says now, as far as judging a move needs. */
export interface SeatNow {
  /** The pending request's id; null when none is waiting (or the round is over). */
  readonly pendingId: number | null;
  readonly version: number;
  /** Whether a live block of the heap belongs to this request. */
  isLive(requestId: number): boolean;
}

/** What becomes of a move the server had not answered when the connection went. */
export type Verdict = 'resend' | 'delivered' | 'lost';

/** How the moves kept through an outage settle against the seat the server has now. */
export interface Settlement {
  readonly resend: readonly PlaceMove[];
  readonly delivered: readonly PlaceMove[];
  readonly lost: readonly PlaceMove[];
}

/**
 * A move not answered before the outage, judged against the seat now: the server would take
 * it only while its request is the pending one and nothing changed since (same version).
 */
export function judgeUnanswered(move: PlaceMove, now: SeatNow): Verdict {
  if (now.pendingId === move.requestId && now.version === move.version) return 'resend';
  return now.isLive(move.requestId) ? 'delivered' : 'lost';
}

interface Kept {
  readonly move: PlaceMove;
  /** False while it waits for the connection (it never left this browser). */
  readonly sent: boolean;
}

export class UnackedMoves {
  private moves: Kept[] = [];

  /** Nothing is kept. */
  get isEmpty(): boolean {
    return this.moves.length === 0;
  }

  /** The moves kept back for the connection, oldest first. */
  get waiting(): readonly PlaceMove[] {
    return this.moves.filter((k) => !k.sent).map((k) => k.move);
  }

  /**
   * A move made: sent now, or kept back until the connection is back. A newer move for
   * the same request replaces the one kept for it (the player's latest choice counts).
   */
  add(move: PlaceMove, sent: boolean): void {
    this.moves = [...this.moves.filter((k) => k.move.requestId !== move.requestId), { move, sent }];
  }

  /** The server answered a move (an `ack` or a `refused`): it answers in order, so the oldest sent one. */
  answerOldest(): void {
    const index = this.moves.findIndex((k) => k.sent);
    if (index >= 0) this.moves.splice(index, 1);
  }

  /**
   * The synced state reached `version` while connected: a move sent on an older version
   * has been dealt with (taken, or to be refused as stale).
   */
  passed(version: number): void {
    this.moves = this.moves.filter((k) => !k.sent || k.move.version >= version);
  }

  /**
   * The seat is back: each kept move judged against it (judgeUnanswered). The ones to send
   * again stay, as sent; the delivered and the lost are forgotten.
   */
  settle(now: SeatNow): Settlement {
    const verdicts = this.moves.map(({ move }) => ({ move, verdict: judgeUnanswered(move, now) }));
    const of = (v: Verdict): PlaceMove[] => verdicts.filter((x) => x.verdict === v).map((x) => x.move);
    const settlement = { resend: of('resend'), delivered: of('delivered'), lost: of('lost') };
    this.moves = settlement.resend.map((move) => ({ move, sent: true }));
    return settlement;
  }
}

/** Each seat's kept moves, by seat: they outlive a play scene (a class joined again after a restart is played on a new one). */
const bySeat = new Map<string, UnackedMoves>();

/** The kept moves of `seat` (a class's player id, or a practice room's id). */
export function unackedMovesOf(seat: string): UnackedMoves {
  let moves = bySeat.get(seat);
  if (!moves) bySeat.set(seat, (moves = new UnackedMoves()));
  return moves;
}
