// How the play screen's placements reach the server through an outage (issue 12, item 2):
// a move is never shown as "Placing…" and then lost. A move made while the connection is
// down waits (the status says it goes once the connection is back); a move sent stays kept
// until the server answers it (net/unacked-moves.ts). When the seat is back — the same room
// reconnected, or, after a server restart, the class joined again on a new play scene —
// the first synced state settles what was kept: a move the server would still take is sent
// again ("Placing…", then "Placed." as with no outage), one already in the heap is told as
// placed, and one the round has passed is said to be lost, in words.

import type { MatchState } from '../../../../server/state/match-state.ts';
import type { RoomLink } from '../../net/room-link.ts';
import { decodeRegions } from '../../net/synced.ts';
import { unackedMovesOf, type PlaceMove, type SeatNow, type UnackedMoves } from '../../net/unacked-moves.ts';
import { UI } from '../../palette.ts';

/** What the delivery reads of the session, asked afresh each time. */
export interface DeliveryContext {
  link(): Pick<RoomLink, 'post' | 'isDown'> | null;
  match(): MatchState | null;
  status(text: string, colour: string): void;
}

/** The words of a move on its way (the scene turns them into "Placed." when the heap changes). */
function placingWords(move: PlaceMove): string {
  return `Placing malloc(${move.size}) ${move.where}…`;
}

export class MoveDelivery {
  private readonly ctx: DeliveryContext;
  private readonly moves: UnackedMoves;
  /** The next synced state settles what was kept (a new scene on a seat with moves kept, or the connection back). */
  private settling: boolean;

  /** `seat` names the player's seat across scenes (a class's player id, a practice room's id). */
  constructor(seat: string, ctx: DeliveryContext) {
    this.ctx = ctx;
    this.moves = unackedMovesOf(seat);
    this.settling = !this.moves.isEmpty;
  }

  /** Sends a placement, or keeps it for when the connection is back (and says so). */
  place(move: PlaceMove): void {
    const link = this.ctx.link();
    if (!link) return;
    if (link.isDown) {
      this.moves.add(move, false);
      return this.ctx.status(`Not connected: malloc(${move.size}) ${move.where} will be placed when the connection is back.`, UI.bad);
    }
    this.moves.add(move, true);
    this.ctx.status(placingWords(move), UI.dim);
    link.post('place', { requestId: move.requestId, target: move.target, version: move.version });
  }

  /** The server answered the oldest move sent (`ack` or `refused`). */
  answered(): void {
    this.moves.answerOldest();
  }

  /** The connection is back on the same seat: the next state settles what was kept. */
  back(): void {
    this.settling = true;
  }

  /** A synced state arrived: settles the kept moves after an outage, else forgets those it has passed. */
  stateChanged(): void {
    const m = this.ctx.match();
    // Before the first full patch the heap has no regions yet: wait for it.
    if (!m?.regions) return;
    if (!this.settling) return this.moves.passed(m.version);
    const link = this.ctx.link();
    if (!link || link.isDown) return;
    this.settling = false;
    const { resend, delivered, lost } = this.moves.settle(seatNow(m));
    for (const move of resend) {
      this.ctx.status(placingWords(move), UI.dim);
      link.post('place', { requestId: move.requestId, target: move.target, version: move.version });
    }
    const first = lost[0];
    if (first) this.ctx.status(`Your move on malloc(${first.size}) was not delivered; the round moved on.`, UI.bad);
    else if (delivered.length > 0 && resend.length === 0) this.ctx.status('Placed.', UI.good);
  }
}

/** The synced seat as the kept moves are judged against it. */
function seatNow(m: MatchState): SeatNow {
  const live = new Set(decodeRegions(m.regions).flatMap((r) => (r.state === 'live' && r.id !== undefined ? [r.id] : [])));
  return { pendingId: m.hasPending && m.phase !== 'done' ? m.pending.id : null, version: m.version, isLive: (id) => live.has(id) };
}
