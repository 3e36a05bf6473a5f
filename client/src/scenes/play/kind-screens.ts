// Which views draw the round's allocator, swapped in once its kind is known: the
// address line (free list, buddy), with the buddy tree and its free lists under it in
// a buddy round (folded down to the lists when it has no room to be read), or the slab
// or arena board instead of the line. Each view's picks become the scene's placements.

import type Phaser from 'phaser';
import type { MatchState } from '../../../../server/state/match-state.ts';
import type { KindView } from '../../../../shared/match/kind-view.ts';
import { policyLabel } from '../../../../shared/match/kinds.ts';
import type { decodeRegions } from '../../net/synced.ts';
import { UI } from '../../palette.ts';
import { exposeProbe } from '../../test-probe.ts';
import { BuddyView } from '../../views/BuddyView.ts';
import { HeapView } from '../../views/HeapView.ts';
import { formatAddress } from '../../views/format.ts';
import { playLine } from '../../views/heap-line.ts';
import { lineMarks, type ListOrder } from '../../views/line-marks.ts';
import { hintsOf } from '../class/class-state.ts';
import type { PlayLayout } from './layout.ts';
import { isBoardKind, KindBoard } from '../kind-board.ts';
import { isTouchOnly, playHelp } from '../../ui/touch.ts';

/** The help lines in the words of the player's screen: taps on a touch screen, clicks and keys elsewhere. */
const HELP = playHelp(isTouchOnly());
export const LINE_HELP = HELP.line;
const BUDDY_TREE_HELP = HELP.tree;

/** What the player chose to see: the policies' hints, and on the list-order level the order shown. */
export interface ShownMarks {
  readonly hints: boolean;
  readonly level: string | undefined;
  readonly listOrder: ListOrder;
}

/** What the screens ask of the play scene. */
export interface KindScreensHost {
  placeAt(target: number): void;
  /** The pending request's size, or null when none waits. */
  pendingSize(): number | null;
  status(text: string, colour: string): void;
  /** The status line's words, and setting them as help (colour unchanged). */
  statusText(): string;
  setHelp(text: string): void;
  /** A board round: show the "New slab/arena" button with this label. */
  offerNew(label: string): void;
  relayout(): void;
}

export class KindScreens {
  /** The address line (free list, buddy); null once the round turns out to be a slab or arena round. */
  heapView: HeapView | null;
  /** Slabs or arenas, for the kinds whose moves name a container. */
  board: KindBoard | null = null;
  /** The buddy tree and its free lists, under the address line in a buddy round. */
  buddyView: BuddyView | null = null;
  private readonly scene: Phaser.Scene;
  private readonly host: KindScreensHost;
  /** The buddy tree is folded away for want of room (see fold). */
  private treeFolded = false;

  constructor(scene: Phaser.Scene, host: KindScreensHost) {
    this.scene = scene;
    this.host = host;
    const heapView = new HeapView(scene);
    heapView.enableInput({ keyboard: true });
    heapView.events.on('holeclick', ({ hole }) => host.placeAt(hole.start));
    heapView.events.on('holechoose', ({ hole }) => host.placeAt(hole.start));
    heapView.events.on('holefocus', ({ hole }) => {
      const size = host.pendingSize();
      if (hole && size !== null) host.status(`Hole at ${formatAddress(hole.start)}, ${hole.pastBreak ? 'past the break (grows the heap)' : `${hole.size} bytes`}: Enter places malloc(${size}) there.`, UI.dim);
    });
    this.heapView = heapView;
    exposeProbe((address) => this.heapView?.pointOf(address) ?? null);
  }

  /** Once the round's kind is known: the board instead of the line, or the tree under it. */
  ensureFor(kind: string): void {
    this.ensureBoard(kind);
    this.ensureBuddyTree(kind);
  }

  /**
   * Folds the buddy tree down to its free lists when it has no room to be read (BuddyView.readableIn:
   * its rows would squeeze to overlapping labels, as with a deep tree on a phone or at a large
   * text size). The address line plays the round, the free lists of each order stay in view;
   * the tree comes back when there is room.
   */
  fold(width: number, room: number): void {
    const fits = this.buddyView?.readableIn(width, room) ?? true;
    if (fits === !this.treeFolded) return;
    this.treeFolded = !fits;
    this.buddyView?.setListsOnly(this.treeFolded);
    if (this.treeFolded && this.host.statusText() === BUDDY_TREE_HELP) this.host.setHelp(LINE_HELP);
    if (!this.treeFolded && this.host.statusText() === LINE_HELP) this.host.setHelp(BUDDY_TREE_HELP);
  }

  /** Measures the views at a text size (the play screen tries sizes until its layout fits: play/fit.ts). */
  setFont(size: number): void {
    for (const view of [this.heapView, this.buddyView, this.board]) view?.setFont(size);
  }

  /** Puts the line (with the tree under it in a buddy round) or the board in the layout's boxes, with their text at `font`. */
  layout(at: Pick<PlayLayout, 'heap' | 'line' | 'tree'>, font: number): void {
    this.setFont(font);
    if (at.tree) this.fold(at.tree.w, at.tree.h);
    const { heapView, buddyView, board } = this;
    if (buddyView && heapView && at.tree) {
      heapView.layout(at.line.x, at.line.y, at.line.w, at.line.h, font);
      buddyView.layout(at.tree.x, at.tree.y, at.tree.w, Math.min(buddyView.height(at.tree.w), at.tree.h), font);
    } else heapView?.layout(at.heap.x, at.heap.y, at.heap.w, at.heap.h, font);
    board?.layout(at.heap.x, at.heap.y, at.heap.w, at.heap.h, font);
  }

  /** Draws the match: the buddy tree and its lists, the board, or the line with its hints and marks. */
  show(m: MatchState, view: KindView | null, regions: ReturnType<typeof decodeRegions>, shown: ShownMarks): void {
    const { heapView, board, buddyView } = this;
    if (buddyView && view?.kind === 'buddy') {
      buddyView.show({ regions, unit: view.unit, minOrder: view.minOrder, maxOrder: view.maxOrder, freeLists: view.freeLists });
    }
    // A board's hint may name "a new slab or arena" (target -1); the line's carets point at addresses (hintsOf).
    if (board) return board.show(view, regions, shown.hints ? m.hints.map((h) => ({ label: policyLabel(h.policy), target: h.target })) : []);
    if (!heapView) return;
    const mmapThreshold = view?.kind === 'freelist' ? view.rule.mmapThreshold : null;
    const line = playLine(regions, { canGrow: m.canGrow, pendingSize: m.hasPending ? m.pending.size : 0, mmapThreshold });
    heapView.show(view?.kind === 'freelist' && view.rule.header > 0 ? { ...line, headerBytes: view.rule.header } : line);
    // A request the engine maps goes to the mmap strip wherever it is placed: no caret on the line points elsewhere.
    heapView.setHints(line.mmap?.pendingMapped || !shown.hints ? [] : hintsOf(m));
    heapView.setMarks(lineMarks(shown.level, view, shown.listOrder));
  }

  destroy(): void {
    this.heapView?.destroy();
    this.board?.destroy();
    this.buddyView?.destroy();
  }

  /** Swaps the address line for the slab or arena board once the round's kind is known. */
  private ensureBoard(kind: string): void {
    if (this.board || !isBoardKind(kind)) return;
    this.heapView?.destroy();
    this.heapView = null;
    exposeProbe(() => null);
    const board = new KindBoard(this.scene, kind);
    board.onPick((target) => this.host.placeAt(target));
    this.board = board;
    this.host.offerNew(kind === 'slab' ? 'New slab (N)' : 'New arena (N)');
    this.host.setHelp(HELP.board(kind));
    this.host.relayout();
  }

  /** Adds the buddy tree under the address line once the round turns out to be a buddy round. */
  private ensureBuddyTree(kind: string): void {
    if (this.buddyView || kind !== 'buddy' || !this.heapView) return;
    const tree = new BuddyView(this.scene);
    tree.enableInput();
    tree.events.on('pick', (region) => {
      if (region.state === 'live') return this.host.status(`Block #${region.id} is in use; pick a free block (the outlined ones).`, UI.dim);
      if (this.host.pendingSize() !== null) this.host.placeAt(region.start);
    });
    this.buddyView = tree.setListsOnly(this.treeFolded);
    this.host.setHelp(this.treeFolded ? LINE_HELP : BUDDY_TREE_HELP);
    this.host.relayout();
  }
}
