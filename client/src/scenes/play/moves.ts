// The play screen's moves: a click, drop, pick or key becomes `place` (an address, or
// a slab/arena id, -1 for a new one), the coalesce and give-back buttons become
// `coalesce` and `release`, and the dragged card's ghost asks the engine's preview
// (shared/match/preview.ts) where it would snap. The server's answer is the truth: a
// refusal snaps the card back with the reason in a student's words (shared/match/
// refusal-words.ts, from the move tried: "17 B doesn't fit in this 6 B hole"). Which
// holes the request fits in (shared/match/hole-choice.ts) steers the keyboard's focus.
// A placement goes through the session's MoveDelivery (kept and sent once the connection
// is back when it is down); the other moves are refused in words while it is down.

import type Phaser from 'phaser';
import type { MatchState } from '../../../../server/state/match-state.ts';
import type { KindView } from '../../../../shared/match/kind-view.ts';
import { dropSpot, holesThatFit } from '../../../../shared/match/hole-choice.ts';
import { previewPlacement, type PlacementPreview } from '../../../../shared/match/preview.ts';
import { refusalWords, type RefusalSituation } from '../../../../shared/match/refusal-words.ts';
import type { Refusal } from '../../net/connection.ts';
import type { RoomLink } from '../../net/room-link.ts';
import { decodeRegions } from '../../net/synced.ts';
import { UI } from '../../palette.ts';
import { onKey } from '../../ui/keys.ts';
import type { HeapView } from '../../views/HeapView.ts';
import type { MoveDelivery } from './move-delivery.ts';
import type { RequestCardView } from '../../views/RequestCardView.ts';
import { formatAddress } from '../../views/format.ts';
import type { KindBoard } from '../kind-board.ts';

/** What the moves read of the play scene, asked afresh each time (views come and go as the kind turns out). */
export interface MovesContext {
  match(): MatchState | null;
  link(): Pick<RoomLink, 'post' | 'isDown'> | null;
  /** Where placements go (play/move-delivery.ts). */
  delivery(): Pick<MoveDelivery, 'place'> | null;
  heapView(): HeapView | null;
  board(): KindBoard | null;
  card(): RequestCardView;
  kindView(m: MatchState): KindView | null;
  /** The host paused the class's round. */
  paused(): boolean;
  /** The explanation covers the screen (keys go to it). */
  explaining(): boolean;
  status(text: string, colour: string): void;
}

/** A coalesce or give-back tried while the connection is down: not kept (it depends on the heap then), said so. */
const NOT_CONNECTED = 'Not connected: nothing was done. Try again once the connection is back.';

/** How far (in pixels) a drop outside any legal spot still snaps to the nearest one. */
const SNAP_PX = 32;

export class PlayMoves {
  private readonly ctx: MovesContext;
  /** The last placement tried, as the player saw the heap: what a refusal is explained from. */
  private tried: RefusalSituation = {};

  constructor(ctx: MovesContext) {
    this.ctx = ctx;
  }

  /** Places the pending request at `target`: an address, or a slab/arena id (-1: a new one). */
  placeAt(target: number): void {
    const { ctx } = this;
    const m = ctx.match();
    const link = ctx.link();
    if (!m || !link) return;
    if (!m.hasPending) return ctx.status('There is nothing to place right now.', UI.dim);
    // The explanation or the failure card covers the heap: the key or click that closes it places nothing.
    if (ctx.explaining()) return ctx.card().snapBack();
    if (ctx.paused()) {
      ctx.card().snapBack();
      return ctx.status('Paused by the host: wait for the round to go on.', UI.bad);
    }
    const board = ctx.board();
    const where = board ? `in ${board.nameOf(target)}` : `at address ${formatAddress(target)}`;
    this.tried = { size: m.pending.size, target, regions: decodeRegions(m.regions), view: ctx.kindView(m), address: formatAddress };
    ctx.delivery()?.place({ requestId: m.pending.id, target, version: m.version, size: m.pending.size, where });
  }

  /** Shows the ghost: where the dragged card would land and whether the engine would take it there. */
  previewAt(x: number, y: number): void {
    const p = this.previewFor(x, y);
    const m = this.ctx.match();
    // Why not, in the words a refusal would be told in.
    const note = p && !p.legal && m ? refusalWords({ code: p.code ?? '', message: p.message ?? '' }, { size: m.pending.size, target: p.address, regions: decodeRegions(m.regions), view: this.ctx.kindView(m), address: formatAddress }) : null;
    this.ctx.heapView()?.setGhost(p ? { address: p.address, size: p.size, legal: p.legal, ...(note ? { note } : {}) } : null);
  }

  dropAt(x: number, y: number): void {
    const { ctx } = this;
    const heapView = ctx.heapView();
    const board = ctx.board();
    heapView?.setGhost(null);
    // A legal snapped spot is where the block goes; otherwise the spot under the card (the server says why not).
    const preview = board ? null : this.previewFor(x, y);
    const target = board ? board.targetAt(x, y) : preview?.legal ? preview.address : (heapView?.addressAt(x, y) ?? null);
    if (target === null) {
      ctx.card().snapBack();
      return ctx.status(board ? `Drop the request onto a ${board.kind}, or onto "+ new ${board.kind}".` : 'Drop the request onto the heap line.', UI.dim);
    }
    this.placeAt(target);
  }

  /** Gives the oldest empty slab's pages back (the release move). */
  release(): void {
    const { ctx } = this;
    const m = ctx.match();
    const link = ctx.link();
    const board = ctx.board();
    if (!m || !link || !board) return;
    const empty = board.emptySlab();
    if (empty === null) return ctx.status('No slab is empty: a slab goes back only when all its objects are freed.', UI.dim);
    if (link.isDown) return ctx.status(NOT_CONNECTED, UI.bad);
    ctx.status(`Giving slab #${empty}'s pages back…`, UI.dim);
    link.post('release', { target: empty, version: m.version });
  }

  coalesce(): void {
    const m = this.ctx.match();
    const link = this.ctx.link();
    if (!m || !link) return;
    if (link.isDown) return this.ctx.status(NOT_CONNECTED, UI.bad);
    link.post('coalesce', { version: m.version });
  }

  /** A refused move: the card goes home, the ghost goes, the reason in the student's words (never the code); returns the words. */
  refused(refusal: Refusal): string {
    this.ctx.card().snapBack();
    this.ctx.heapView()?.setGhost(null);
    const words = refusalWords(refusal, this.tried);
    this.ctx.status(`Refused: ${words}`, UI.bad);
    return words;
  }

  /**
   * Tells the heap line which holes the pending request fits in (the keyboard's focus
   * skips the rest); none while an overlay covers the heap, so the Enter that closes it
   * chooses nothing. After each drawing.
   */
  showFitting(): void {
    const m = this.ctx.match();
    const heapView = this.ctx.heapView();
    if (!heapView) return;
    if (this.ctx.explaining()) return heapView.setFitting([]);
    heapView.setFitting(m?.hasPending ? holesThatFit(this.ctx.kindView(m), decodeRegions(m.regions), m.pending.size, heapView.holes()) : null);
  }

  /** ← → move between slabs or arenas ("+ new" last), Enter places the request in the focused one. */
  listenForBoardKeys(keyboard: Phaser.Input.Keyboard.KeyboardPlugin | null): void {
    if (!keyboard) return;
    const { ctx } = this;
    const move = (delta: number): void => {
      const board = ctx.board();
      if (!board || ctx.explaining()) return;
      const target = board.moveFocus(delta);
      const m = ctx.match();
      if (target !== null && m?.hasPending) ctx.status(`Enter puts malloc(${m.pending.size}) in ${board.nameOf(target)}.`, UI.dim);
    };
    onKey(keyboard, 'keydown-LEFT', () => move(-1));
    onKey(keyboard, 'keydown-RIGHT', () => move(1));
    onKey(keyboard, 'keydown-ENTER', () => {
      const board = ctx.board();
      const target = board && !ctx.explaining() ? board.focused() : null;
      if (target !== null) this.placeAt(target);
    });
  }

  /**
   * Where a card held at (x, y) would land (shared/match/hole-choice.ts dropSpot: the
   * snapped spot under it, else the nearest legal spot within SNAP_PX), and the engine's
   * verdict there; the verdict under the card when it lands nowhere; null off the line.
   */
  private previewFor(x: number, y: number): PlacementPreview | null {
    const m = this.ctx.match();
    const heapView = this.ctx.heapView();
    const raw = heapView?.addressAt(x, y) ?? null;
    if (!m?.hasPending || !heapView || raw === null) return null;
    const view = this.ctx.kindView(m);
    const regions = decodeRegions(m.regions);
    const reach = Math.abs((heapView.addressAt(x + SNAP_PX, y) ?? raw) - raw);
    const spot = dropSpot(view, regions, m.pending.size, raw, heapView.holes(), reach);
    return previewPlacement(view, regions, m.pending.size, spot ?? raw);
  }
}
