// The order every change to a classroom seat goes through: the seat decides, the
// move is written to storage (awaited), and only then does the seat take it and
// mirror it into the synced state. A client therefore never sees a state that a
// crash could take back, and a failed write changes nothing (the mover is refused
// with `server/error`). One player's changes go one at a time, each decided on the
// state the last one left, so their log stays gap-free (MoveRecord.seq).

import { refuse, succeed, type Outcome } from '../../shared/core/outcome.ts';
import type { LoggedMove } from '../../shared/match/match.ts';
import type { Storage } from '../storage/storage.ts';
import type { Decision, Seat } from './seat.ts';

/** Where a player's moves go in storage. */
export interface MoveShelf {
  readonly sessionId: string;
  readonly roundNo: number;
  readonly playerId: string;
}

/** What a change's decider answers: a refusal, the decision, or null when there is nothing to do. */
export type Decided = Outcome<Decision, string> | null;

export class StoredMoves {
  private readonly storage: Storage;
  private readonly now: () => number;
  /** The last change queued for each player: the next waits for it. */
  private readonly tails = new Map<string, Promise<unknown>>();

  constructor(storage: Storage, now: () => number) {
    this.storage = storage;
    this.now = now;
  }

  /** Whether a change of this player's is being decided or stored. */
  busy(playerId: string): boolean {
    return this.tails.has(playerId);
  }

  /**
   * Runs one change for `seat` after the player's earlier ones: `decide` is asked on the
   * seat's current match (null: nothing to do), the move is stored, then committed.
   * Answers the logged move, the refusal, or null.
   */
  change(shelf: () => MoveShelf, seat: Seat, decide: (seat: Seat) => Decided): Promise<Outcome<LoggedMove, string> | null> {
    const { playerId } = shelf();
    const previous = this.tails.get(playerId) ?? Promise.resolve();
    // A change that failed by a bug (an exception) does not hold up the next one.
    const run = previous.catch(() => undefined).then(() => this.store(shelf(), seat, decide(seat)));
    this.tails.set(playerId, run);
    const done = (): void => {
      if (this.tails.get(playerId) === run) this.tails.delete(playerId);
    };
    run.then(done, done);
    return run;
  }

  private async store(shelf: MoveShelf, seat: Seat, decided: Decided): Promise<Outcome<LoggedMove, string> | null> {
    if (!decided?.ok) return decided;
    const decision = decided.value;
    try {
      await this.storage.appendMove({ ...shelf, seq: decision.next.version - 1, move: JSON.stringify(decision.move), at: this.now() });
    } catch (error: unknown) {
      console.error('a move could not be stored', error);
      return refuse('server/error', 'the server could not save that move; try again');
    }
    return succeed(seat.commit(decision));
  }
}
