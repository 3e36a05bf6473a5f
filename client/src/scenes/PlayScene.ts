// The play scene: one player's round, in practice (a practice room for a level) or
// in a class (the student's own heap inside the classroom room). It wires the synced
// match to the views — the heap line (with the buddy tree and its free lists under it
// in a buddy round, or the slab/arena board), the request card, meters, the timer —
// and the player's input (drag the card, click a hole or a free buddy block, arrows +
// Enter) to `place` moves. While the card is dragged, the ghost shows where it would
// snap and whether the engine would take it there (shared/match/preview.ts); the
// server's answer is the truth: a refused drop snaps back with the reason in words.
// In a class (launched by ClassLobbyScene, which sleeps meanwhile and takes the
// student back when the round ends or the class is gone) it also shows the student's
// score and rank, the leaderboard when the host shows it, and "Paused by the host"
// (the timer bar stands still); it removes its room listeners when it shuts down,
// since the room lives on in the lobby scene.

import Phaser from 'phaser';
import type { Room } from '@colyseus/sdk';
import type { MatchState } from '../../../server/state/match-state.ts';
import { describeError, joinPractice, type Refusal } from '../net/connection.ts';
import { RoomLink } from '../net/room-link.ts';
import { decodeRegions } from '../net/synced.ts';
import { HeapView, type HeapHint } from '../views/HeapView.ts';
import { playLine } from '../views/heap-line.ts';
import { extentOf } from '../../../shared/core/extent.ts';
import { utilization } from '../../../shared/core/metrics.ts';
import { BuddyView } from '../views/BuddyView.ts';
import { RequestCardView } from '../views/RequestCardView.ts';
import { QueueView } from '../views/QueueView.ts';
import { Button } from '../ui/Button.ts';
import { UI, baseFontSize } from '../palette.ts';
import { publishForTests } from '../test-hook.ts';
import { addressProbes, exposeProbe } from '../test-probe.ts';
import { MetersView } from '../views/MetersView.ts';
import { fitText } from '../views/labels.ts';
import { findLevel, type Level } from '../../../shared/levels/levels.ts';
import { parseKindView, type KindView } from '../../../shared/match/kind-view.ts';
import { policyLabel } from '../../../shared/match/kinds.ts';
import { snapPlacement, type PlacementPreview } from '../../../shared/match/preview.ts';
import { isBoardKind, KindBoard, type BoardHint } from './kind-board.ts';
import { boardMode, boardRows, classPhase, isRoundOn, ownHeap, ownPlayer, standingText, type ClassStateLike } from './class/class-state.ts';
import { visibleTexts } from './class/screen-report.ts';
import { ClassPanelView, type ClassPanel } from './class/views/ClassPanelView.ts';
import { onKey } from '../ui/keys.ts';

export interface PlaySceneData {
  /** A practice level's id (the warm-up when missing). */
  readonly level?: string;
  /** A classroom room the player already joined: play their own heap there. */
  readonly classRoom?: Room;
  /** Title shown in the header. */
  readonly title?: string;
  /** In a class: the student's player id (their heap and entry in the classroom state). */
  readonly playerId?: string;
}

/** How many rows buttons of these widths take when they wrap within `width`. */
function countRows(widths: readonly number[], width: number, gap: number): number {
  let rows = 1;
  let x = 0;
  for (const w of widths) {
    if (x > 0 && x + w > width) {
      rows++;
      x = 0;
    }
    x += w + gap;
  }
  return rows;
}

function isKnownKind(kind: string): kind is 'freelist' | 'buddy' | 'slab' | 'arena' {
  return kind === 'freelist' || kind === 'buddy' || kind === 'slab' || kind === 'arena';
}

/** Where the queue of next requests starts, right of the request card. */
const QUEUE_OFFSET = 300;

/** From this width on, a class round puts the class panel in a column beside the heap. */
const CLASS_COLUMN_WIDTH = 900;

const LINE_HELP = 'Drag the request onto the heap, click a hole, or use ← → and Enter.';
const BUDDY_TREE_HELP = 'Click a free block in the tree or a hole on the line, drag the request onto the line, or use ← → and Enter.';

/** From this width BuddyView puts its free lists beside the tree rather than under it. */
const BUDDY_SIDE_BY_SIDE = 900;

export class PlayScene extends Phaser.Scene {
  private data_: PlaySceneData = {};
  private link: RoomLink<MatchState | ClassStateLike> | null = null;
  /** The address line (free list, buddy); null once the round turns out to be a slab or arena round. */
  private heapView: HeapView | null = null;
  /** Slabs or arenas, for the kinds whose moves name a container. */
  private board: KindBoard | null = null;
  /** The buddy tree and its free lists, under the address line in a buddy round. */
  private buddyView: BuddyView | null = null;
  private releaseButton!: Button;
  private newButton!: Button;
  private card!: RequestCardView;
  private queue!: QueueView;
  private titleText!: Phaser.GameObjects.Text;
  /** The header's words before they are cut to fit the screen. */
  private fullTitle = '';
  /** The right edge of the heap's box: addresses drawn past it are not probed. */
  private heapRight = 0;
  private meters!: MetersView;
  private progressText!: Phaser.GameObjects.Text;
  private statusText!: Phaser.GameObjects.Text;
  private hintsButton!: Button;
  private coalesceButton!: Button;
  private showHints = true;
  private levelInfo: Level | null = null;
  private explainPanel!: Phaser.GameObjects.Container;
  private tipIndex = 0;
  /** Whether the meters include the timer row (the layout depends on it). */
  private timerShown = false;
  private lastVersion = -1;
  private parsedKindView: { json: string; view: KindView | null } = { json: '', view: null };
  /** Whether the finished round's results scene is on its way (it starts once). */
  private resultsScheduled = false;
  /** The pending request the timer bar is counting down, and its full span on this clock. */
  private timed = { id: -1, spanMs: 1 };
  /** In a class: score, rank, the leaderboard and the pause. */
  private classPanel: ClassPanelView | null = null;
  /** What the timer bar showed when the host paused the round (ms left), held until the round resumes. */
  private frozenLeftMs: number | null = null;
  private wasPaused = false;
  /** The buddy tree is folded away for want of room (see foldBuddyTree), and the room it needs. */
  private treeFolded = false;
  private treeNeeds = 0;
  /** False once the scene has shut down (a practice room joined after that is left again). */
  private alive = false;

  constructor() {
    super('PlayScene');
  }

  init(data: PlaySceneData): void {
    this.data_ = data ?? {};
    this.link = null;
    this.lastVersion = -1;
    this.resultsScheduled = false;
    this.parsedKindView = { json: '', view: null };
    this.heapView = null;
    this.board = null;
    this.buddyView = null;
    this.classPanel = null;
    this.frozenLeftMs = null;
    this.wasPaused = false;
    this.treeFolded = false;
    this.treeNeeds = 0;
  }

  create(): void {
    const font = { fontFamily: 'system-ui, sans-serif', color: UI.text };
    const found = this.data_.level ? findLevel(this.data_.level) : null;
    this.levelInfo = found?.ok ? found.value : null;
    this.fullTitle = this.data_.title ?? this.levelInfo?.title ?? 'Practice';
    this.titleText = this.add.text(16, 12, this.fullTitle, { ...font, fontSize: '24px', fontStyle: 'bold' });
    this.progressText = this.add.text(16, 0, '', { ...font, fontSize: '16px', color: UI.dim });
    this.statusText = this.add.text(16, 0, LINE_HELP, { ...font, fontSize: '16px', color: UI.dim });
    this.meters = new MetersView(this);
    const heapView = new HeapView(this);
    this.heapView = heapView;
    heapView.enableInput({ keyboard: true });
    this.card = new RequestCardView(this);
    this.queue = new QueueView(this);
    this.hintsButton = new Button(this, 0, 0, 'Hints: on (H)', () => this.toggleHints(), { width: 170, height: 44, fontSize: 16, key: 'H' });
    this.coalesceButton = new Button(this, 0, 0, 'Coalesce (C)', () => this.coalesce(), { width: 170, height: 44, fontSize: 16, key: 'C' });
    this.newButton = new Button(this, 0, 0, 'New (N)', () => this.placeAt(-1), { width: 170, height: 44, fontSize: 16, key: 'N' }).setVisible(false);
    this.releaseButton = new Button(this, 0, 0, 'Give back empty slab (G)', () => this.release(), { width: 250, height: 44, fontSize: 16, key: 'G' }).setVisible(false);
    new Button(this, 0, 0, 'Explain (E)', () => this.toggleExplanation(), { width: 150, height: 44, fontSize: 16, key: 'E' }).setName('explain').setVisible(this.levelInfo !== null);
    new Button(this, 0, 0, 'Tip (T)', () => this.nextTip(), { width: 120, height: 44, fontSize: 16, key: 'T' }).setName('tip').setVisible(this.levelInfo !== null);
    this.listenForBoardKeys(); // before the explanation's Enter, so the Enter that closes it places nothing
    this.explainPanel = this.makeExplanation();
    // In a class the round ends when the host ends it: no way out but the lobby's, afterwards.
    if (this.data_.classRoom) this.classPanel = new ClassPanelView(this);
    else new Button(this, 0, 0, '✕', () => this.leave(), { width: 44, height: 44, fontSize: 18, key: 'ESC' }).setName('close');

    heapView.events.on('holeclick', ({ hole }) => this.placeAt(hole.start));
    heapView.events.on('holechoose', ({ hole }) => this.placeAt(hole.start));
    heapView.events.on('holefocus', ({ hole }) => {
      const m = this.match();
      if (hole && m?.hasPending) this.showStatus(`Hole at ${hole.start}, ${hole.pastBreak ? 'past the break (grows the heap)' : `${hole.size} bytes`}: Enter places malloc(${m.pending.size}) there.`, UI.dim);
    });
    this.card.events.on('drag', (p) => this.previewAt(p.cardLeft, p.y));
    this.card.events.on('drop', (p) => this.dropAt(p.cardLeft, p.y));

    exposeProbe((address) => this.heapView?.pointOf(address) ?? null);
    this.layout();
    this.scale.on('resize', this.layout, this);
    this.alive = true;
    this.events.once('shutdown', () => {
      this.alive = false;
      this.scale.off('resize', this.layout, this);
      this.classPanel?.destroy();
      this.heapView?.destroy();
      this.board?.destroy();
      this.buddyView?.destroy();
      this.card.destroy();
      this.meters.destroy();
      this.queue.destroy();
    });
    void this.connect();
  }

  override update(): void {
    const m = this.match();
    if (m?.hasPending && m.pending.deadline) this.showMeters();
  }

  // ---- wiring -------------------------------------------------------------

  private async connect(): Promise<void> {
    const inClass = this.data_.classRoom !== undefined;
    let room: Room;
    try {
      room = this.data_.classRoom ?? (await joinPractice(this.data_.level));
    } catch (error) {
      if (this.alive) this.showStatus(`Could not start: ${describeError(error)}`, UI.bad);
      return;
    }
    if (!this.alive) {
      if (!inClass) void room.leave();
      return;
    }
    // Every listener added here is removed when the scene ends: in a class the room lives on in the lobby scene.
    this.link = new RoomLink<MatchState | ClassStateLike>(this, room, {
      onState: () => this.redraw(),
      onMessage: {
        refused: (payload) => {
          const refusal = payload as Refusal;
          this.card.snapBack();
          this.heapView?.setGhost(null);
          // A student in a class reads the reason in words; practice shows the stable code too.
          this.showStatus(inClass ? `Refused: ${refusal.message}` : `Refused: ${refusal.message} (${refusal.code})`, UI.bad);
        },
      },
      onDrop: () => this.showStatus('Connection lost — reconnecting…', UI.bad),
      onReconnect: () => this.showStatus('Back online.', UI.good),
      // In a class the sleeping lobby scene hears it too and takes the student to its Rejoin button.
      onLeave: () => this.showStatus(inClass ? 'The connection is gone.' : 'The connection is gone; press ✕ and start again.', UI.bad),
    });
    // The explanation opened with the level: its clock waits until the player has read it.
    if (this.explainPanel.visible) this.sendReading();
    this.redraw();
  }

  private classState(): ClassStateLike | undefined {
    return this.data_.classRoom ? (this.link?.state as ClassStateLike | undefined) : undefined;
  }

  /** The player's own match: the room's state in practice, their heap in a class. */
  private match(): MatchState | null {
    if (!this.link?.state) return null;
    if (this.data_.classRoom) return ownHeap(this.classState(), this.data_.playerId) as MatchState | null;
    return this.link.state as MatchState;
  }

  /** Whether the host has paused the class's round (moves are refused meanwhile). */
  private paused(): boolean {
    return classPhase(this.classState()) === 'paused';
  }

  // ---- moves --------------------------------------------------------------

  /** Places the pending request at `target`: an address, or a slab/arena id (-1: a new one). */
  private placeAt(target: number): void {
    const m = this.match();
    if (!m || !this.link) return;
    if (!m.hasPending) return this.showStatus('There is nothing to place right now.', UI.dim);
    if (this.paused()) {
      this.card.snapBack();
      return this.showStatus('Paused by the host: wait for the round to go on.', UI.bad);
    }
    const where = this.board ? `in ${this.board.nameOf(target)}` : `at address ${target}`;
    this.showStatus(`Placing malloc(${m.pending.size}) ${where}…`, UI.dim);
    this.link.post('place', { requestId: m.pending.id, target, version: m.version });
  }

  /** Where a card held at (x, y) would snap, and the engine's verdict there; null off the line. */
  private previewFor(x: number, y: number): PlacementPreview | null {
    const m = this.match();
    const address = this.heapView?.addressAt(x, y) ?? null;
    if (!m?.hasPending || address === null) return null;
    return snapPlacement(this.kindView(m), decodeRegions(m.regions), m.pending.size, address);
  }

  /** Shows the ghost: where the dragged card would land and whether the engine would take it there. */
  private previewAt(x: number, y: number): void {
    const p = this.previewFor(x, y);
    this.heapView?.setGhost(p ? { address: p.address, size: p.size, legal: p.legal, ...(p.message ? { note: p.message } : {}) } : null);
  }

  private dropAt(x: number, y: number): void {
    this.heapView?.setGhost(null);
    // A legal snapped spot is where the block goes; otherwise the spot under the card (the server says why not).
    const preview = this.board ? null : this.previewFor(x, y);
    const target = this.board ? this.board.targetAt(x, y) : preview?.legal ? preview.address : (this.heapView?.addressAt(x, y) ?? null);
    if (target === null) {
      this.card.snapBack();
      return this.showStatus(this.board ? `Drop the request onto a ${this.board.kind}, or onto "+ new ${this.board.kind}".` : 'Drop the request onto the heap line.', UI.dim);
    }
    this.placeAt(target);
  }

  /** Gives the oldest empty slab's pages back (the release move). */
  private release(): void {
    const m = this.match();
    if (!m || !this.link || !this.board) return;
    const empty = this.board.emptySlab();
    if (empty === null) return this.showStatus('No slab is empty: a slab goes back only when all its objects are freed.', UI.dim);
    this.showStatus(`Giving slab #${empty}'s pages back…`, UI.dim);
    this.link.post('release', { target: empty, version: m.version });
  }

  /** ← → move between slabs or arenas ("+ new" last), Enter places the request in the focused one. */
  private listenForBoardKeys(): void {
    const keyboard = this.input.keyboard;
    if (!keyboard) return;
    const move = (delta: number) => {
      if (!this.board || this.explainPanel?.visible) return;
      const target = this.board.moveFocus(delta);
      const m = this.match();
      if (target !== null && m?.hasPending) this.showStatus(`Enter puts malloc(${m.pending.size}) in ${this.board.nameOf(target)}.`, UI.dim);
    };
    onKey(keyboard, 'keydown-LEFT', () => move(-1));
    onKey(keyboard, 'keydown-RIGHT', () => move(1));
    onKey(keyboard, 'keydown-ENTER', () => {
      const target = this.board && !this.explainPanel?.visible ? this.board.focused() : null;
      if (target !== null) this.placeAt(target);
    });
  }

  /** Swaps the address line for the slab or arena board once the round's kind is known. */
  private ensureBoard(kind: string): void {
    if (this.board || !isBoardKind(kind)) return;
    this.heapView?.destroy();
    this.heapView = null;
    exposeProbe(() => null);
    const board = new KindBoard(this, kind);
    board.onPick((target) => this.placeAt(target));
    this.board = board;
    this.newButton.setText(kind === 'slab' ? 'New slab (N)' : 'New arena (N)').setVisible(true);
    this.statusText.setText(`Click a ${kind} (or "+ new ${kind}"), drag the request onto one, or choose with ← → and Enter (N: a new ${kind}).`);
    this.layout();
  }

  /** The synced kind view, parsed once per change (the meters ask for it every frame of a timed round). */
  private kindView(m: MatchState): KindView | null {
    if (m.kindView !== this.parsedKindView.json) this.parsedKindView = { json: m.kindView, view: parseKindView(m.kindView) };
    return this.parsedKindView.view;
  }

  /**
   * Folds the buddy tree down to its free lists when it has no room to be read: stacked
   * under the line (narrower than BUDDY_SIDE_BY_SIDE), its rows squeeze to overlapping
   * labels below about three quarters of its comfortable height, as with a deep tree on
   * a phone. The address line plays the round, the free lists of each order stay in
   * view; the tree comes back when there is room.
   */
  private foldBuddyTree(width: number, room: number): void {
    if (this.buddyView) this.treeNeeds = this.buddyView.fullHeight() * 0.75;
    const fits = width >= BUDDY_SIDE_BY_SIDE || room >= this.treeNeeds;
    if (fits === !this.treeFolded) return;
    this.treeFolded = !fits;
    this.buddyView?.setListsOnly(this.treeFolded);
    if (this.treeFolded && this.statusText.text === BUDDY_TREE_HELP) this.statusText.setText(LINE_HELP);
    if (!this.treeFolded && this.statusText.text === LINE_HELP) this.statusText.setText(BUDDY_TREE_HELP);
  }

  /** The buddy space in bytes (2^maxOrder units), or 0 outside a buddy round. */
  private buddySpaceBytes(): number {
    const m = this.match();
    const view = m ? this.kindView(m) : null;
    return view?.kind === 'buddy' ? 2 ** view.maxOrder * view.unit : 0;
  }

  /** Adds the buddy tree under the address line once the round turns out to be a buddy round. */
  private ensureBuddyTree(kind: string): void {
    if (this.buddyView || kind !== 'buddy' || !this.heapView) return;
    const tree = new BuddyView(this);
    tree.enableInput();
    tree.events.on('pick', (region) => {
      const m = this.match();
      if (region.state === 'live') return this.showStatus(`Block #${region.id} is in use; pick a free block (the outlined ones).`, UI.dim);
      if (m?.hasPending) this.placeAt(region.start);
    });
    this.buddyView = tree.setListsOnly(this.treeFolded);
    this.statusText.setText(this.treeFolded ? LINE_HELP : BUDDY_TREE_HELP);
    this.layout();
  }

  private coalesce(): void {
    const m = this.match();
    if (!m || !this.link) return;
    this.link.post('coalesce', { version: m.version });
  }

  private toggleHints(): void {
    this.showHints = !this.showHints;
    this.hintsButton.setText(`Hints: ${this.showHints ? 'on' : 'off'} (H)`);
    this.redraw();
  }

  /** Leaves a practice round for the title (a class has no ✕: its lobby scene takes the student back). */
  private leave(): void {
    this.link?.leave();
    this.scene.start('TitleScene');
  }

  // ---- drawing ------------------------------------------------------------

  private layout(): void {
    const { width, height } = this.scale;
    const narrow = width < 700;
    const pad = narrow ? 12 : 24;
    // In a class on a wide screen the class panel takes a column on the right; the board keeps the rest.
    const column = this.classPanel && width >= CLASS_COLUMN_WIDTH ? Math.round(Math.min(420, Math.max(260, width * 0.24))) : 0;
    const contentW = width - 2 * pad - (column ? column + pad : 0);
    const right = pad + contentW;
    const close = this.children.getByName('close') as Button | null;
    const titleSize = narrow ? 20 : 26;
    this.titleText.setPosition(pad, 12).setFontSize(titleSize).setText(fitText(this.fullTitle, width - 2 * pad - (close ? 56 : 0), titleSize, true));
    this.heapRight = right;
    close?.setPosition(width - pad - 22, 34);
    const cardTop = narrow ? 56 : 64;
    this.card.layout(pad, cardTop, contentW, this.card.height(), 'left');
    // The next requests sit beside the card, or on a phone on a line of their own under it.
    const queueLeft = pad + QUEUE_OFFSET;
    const queueTop = cardTop + this.card.height() + 8;
    if (narrow) this.queue.layout(pad, queueTop, contentW, this.queue.height());
    else this.queue.layout(queueLeft, cardTop, Math.max(1, right - queueLeft - 60), this.card.height());
    const heapTop = narrow ? queueTop + this.queue.height() + 14 : cardTop + this.card.height() + 24;
    const metersHeight = this.meters.height(contentW);
    // On a narrow screen the class panel is a few lines above the meters.
    const panelFont = column ? baseFontSize(width, height) : Math.min(baseFontSize(width, height), 16);
    const panelData = this.classPanelData(!column);
    const panelHeight = this.classPanel && !column && panelData ? ClassPanelView.compactHeight(panelData, panelFont) : 0;
    const buttons = ([this.hintsButton, this.coalesceButton, this.newButton, this.releaseButton, this.children.getByName('explain'), this.children.getByName('tip')] as (Button | null)[])
      .filter((b): b is Button => b !== null && b.visible);
    // Rows of buttons past the first take room from the heap, so every button stays on screen.
    const extraRows = (countRows(buttons.map((b) => b.width), contentW, 12) - 1) * 52;
    const heapHeight = Math.max(140, height - heapTop - metersHeight - panelHeight - (narrow ? 150 : 120) - extraRows);
    // A buddy round: the address line on top (the one or two rows its space needs at 2 px a
    // byte, as the line wraps), the tree and its free lists under it.
    const lineRows = Math.max(1, Math.min(2, Math.ceil((this.buddySpaceBytes() * 2) / Math.max(1, contentW))));
    const lineHeight = this.heapView ? Math.min(Math.floor(heapHeight * 0.45), this.heapView.rowHeight() * lineRows + 4) : 0;
    this.foldBuddyTree(contentW, heapHeight - lineHeight - 8);
    if (this.buddyView && this.heapView) {
      this.heapView.layout(pad, heapTop, contentW, lineHeight);
      this.buddyView.layout(pad, heapTop + lineHeight + 8, contentW, Math.min(this.buddyView.height(), heapHeight - lineHeight - 8));
    } else this.heapView?.layout(pad, heapTop, contentW, heapHeight);
    this.board?.layout(pad, heapTop, contentW, heapHeight);
    const panelTop = heapTop + heapHeight + 12;
    if (this.classPanel) {
      const box = column ? { x: right + pad, y: cardTop, w: column, h: height - cardTop - pad } : { x: pad, y: panelTop, w: contentW, h: panelHeight };
      if (panelData) this.classPanel.show(panelData);
      this.classPanel.layout(box, panelFont);
    }
    const below = panelTop + panelHeight;
    this.meters.layout(pad, below, contentW, metersHeight);
    this.progressText.setPosition(pad, below + metersHeight + 8).setWordWrapWidth(contentW);
    // Two lines at most, so a long message never runs into the buttons (the whole text is published).
    this.statusText.setPosition(pad, below + metersHeight + 32).setWordWrapWidth(contentW).setMaxLines(2);
    const buttonsY = Math.min(height - 30 - extraRows, below + metersHeight + (narrow ? 96 : 84));
    // The visible buttons in a row (wrapping on a narrow screen).
    let x = pad;
    let y = buttonsY;
    for (const button of buttons) {
      if (x + button.width > right) {
        x = pad;
        y += 52;
      }
      button.setPosition(x + button.width / 2, y);
      x += button.width + 12;
    }
    this.layoutExplanation();
    this.redraw();
  }

  private redraw(): void {
    const m = this.match();
    // Before the first full patch the state has no regions yet: nothing to draw.
    if (!m || !this.card || !m.regions) return;
    // Once a class's round is over the lobby scene takes over (and stops this one): draw and publish nothing more.
    if (this.data_.classRoom && !isRoundOn(classPhase(this.classState()))) return;
    this.ensureBoard(m.kind);
    this.ensureBuddyTree(m.kind);
    const regions = decodeRegions(m.regions);
    const view = this.kindView(m);
    if (this.buddyView && view?.kind === 'buddy') {
      this.buddyView.show({ regions, unit: view.unit, minOrder: view.minOrder, maxOrder: view.maxOrder, freeLists: view.freeLists });
    }
    if (this.board) this.board.show(view, regions, this.showHints ? this.boardHints(m) : []);
    else if (this.heapView) {
      this.heapView.draw(playLine(regions, { canGrow: m.canGrow, pendingSize: m.hasPending ? m.pending.size : 0 }));
      this.heapView.setHints(this.showHints ? this.hintMarkers(m) : []);
    }
    this.card.show(m.hasPending && m.phase !== 'done' ? { id: m.pending.id, size: m.pending.size, ...(m.pending.tag ? { tag: m.pending.tag } : {}) } : null);
    // Requests are numbered in the order they come, so the next ones are the pending id + 1, + 2, ...
    this.queue.show(m.hasPending && m.upcoming ? m.upcoming.map((size, i) => ({ id: m.pending.id + 1 + i, size })) : []);
    if (m.version !== this.lastVersion) {
      if (this.lastVersion >= 0 && this.statusText.text.startsWith('Placing')) this.showStatus('Placed.', UI.good);
      if (this.lastVersion >= 0 && this.statusText.text.startsWith('Giving')) this.showStatus('Given back: those pages are free for any cache now.', UI.good);
      this.lastVersion = m.version;
    }
    const meters = m.meters;
    this.progressText.setText(`requests placed ${meters.placed}${meters.failures ? ` · failed ${meters.failures}` : ''}${meters.fallbacks ? ` · placed for you ${meters.fallbacks}` : ''}`);
    this.showMeters();
    if (this.coalesceButton.visible !== m.canCoalesce || this.releaseButton.visible !== m.canRelease || this.timerShown !== Boolean(m.hasPending && m.pending.deadline)) {
      this.coalesceButton.setVisible(m.canCoalesce);
      this.releaseButton.setVisible(m.canRelease);
      this.timerShown = Boolean(m.hasPending && m.pending.deadline);
      this.showMeters();
      this.layout();
    }
    if (this.classPanel) this.redrawClass(m);
    if (m.phase === 'done' && m.results && !this.data_.classRoom && !this.resultsScheduled) {
      // Once: every later redraw (a patch, a resize) must not start the results scene again.
      this.resultsScheduled = true;
      const results = m.results;
      this.time.delayedCall(600, () => this.scene.start('ResultsScene', { results, level: this.data_.level, title: this.fullTitle }));
    }
    this.publish(m);
  }

  /** The class panel's data from the classroom state (null outside a class). */
  private classPanelData(compact: boolean): ClassPanel | null {
    if (!this.classPanel) return null;
    const state = this.classState();
    const me = ownPlayer(state, this.data_.playerId);
    return { paused: this.paused(), standing: standingText(state, me), mode: boardMode(state), rows: boardRows(state, me?.nickname), compact };
  }

  /** A class's part of a redraw: the panel, and words when the host pauses or resumes or the student is done. */
  private redrawClass(m: MatchState): void {
    const paused = this.paused();
    if (paused !== this.wasPaused) {
      this.wasPaused = paused;
      this.showStatus(paused ? 'Paused by the host: your clock has stopped and moves wait.' : 'The host resumed the round: go on.', paused ? UI.bad : UI.good);
      // The panel gains or loses its pause line: lay the board out again (which redraws).
      return this.layout();
    }
    if (m.phase === 'done' && !m.hasPending && !this.statusText.text.startsWith('All your requests')) {
      this.showStatus('All your requests are dealt with. Waiting for the others…', UI.good);
    }
    const data = this.classPanelData(this.scale.width < CLASS_COLUMN_WIDTH);
    if (data && this.classPanel) this.classPanel.show(data);
  }

  /** Hints on the board: where each policy would put the request, as a slab or arena id (-1: a new one). */
  private boardHints(m: MatchState): BoardHint[] {
    return m.hints.map((h) => ({ label: policyLabel(h.policy), target: h.target }));
  }

  private hintMarkers(m: MatchState): HeapHint[] {
    return m.hints.filter((h) => h.target >= 0).map((h) => ({ label: policyLabel(h.policy), address: h.target }));
  }

  /** Meters from the synced gauge; the timer counts down to the pending request's deadline. */
  private showMeters(): void {
    const m = this.match();
    if (!m || !this.meters) return;
    const g = m.meters;
    let timer: { remaining: number; total: number } | null = null;
    const paused = m.phase === 'paused' || this.paused();
    if (m.hasPending && m.pending.deadline && (m.phase === 'playing' || paused)) {
      // While the host pauses the round the bar stands still where it was; the server
      // moves the deadline on by the pause when the round resumes.
      if (!paused) this.frozenLeftMs = null;
      else this.frozenLeftMs ??= Math.max(0, m.pending.deadline - Date.now());
      const left = this.frozenLeftMs ?? Math.max(0, m.pending.deadline - Date.now());
      if (this.timed.id !== m.pending.id) this.timed = { id: m.pending.id, spanMs: Math.max(1, left) };
      timer = { remaining: left / 1000, total: this.timed.spanMs / 1000 };
    }
    const view = this.kindView(m);
    this.meters.show({
      kind: isKnownKind(m.kind) ? m.kind : 'freelist',
      internalBytes: g.internalBytes,
      ...(view?.kind === 'slab' ? { pages: view.pages } : {}),
      rival: this.bestRival(m),
      utilization: utilization(g.peakLive, g.peakHeap),
      externalFragmentation: g.externalFragmentation,
      largestHole: g.largestFree,
      heapBytes: g.heapBytes,
      liveBytes: g.liveBytes,
      timer,
    });
  }

  /** The built-in policy doing best so far on the same stream (practice rounds with a fixed stream), or null. */
  private bestRival(m: MatchState): { name: string; utilization: number } | null {
    let best: { name: string; utilization: number } | null = null;
    for (const r of m.rivals ?? []) {
      if (!best || r.utilization > best.utilization) best = { name: policyLabel(r.policy), utilization: r.utilization };
    }
    return best;
  }

  /** The level's idea in plain words, shown over the heap when the level starts (Enter or E closes it). */
  private makeExplanation(): Phaser.GameObjects.Container {
    const panel = this.add.container(0, 0).setDepth(50);
    if (!this.levelInfo) return panel.setVisible(false);
    const box = this.add.rectangle(0, 0, 10, 10, UI.panel, 0.97).setOrigin(0, 0).setStrokeStyle(2, 0x56b4e9);
    const text = this.add.text(0, 0, `${this.levelInfo.title}\n\n${this.levelInfo.explanation}\n\nPress Enter or E to start.`, {
      fontFamily: 'system-ui, sans-serif', fontSize: '19px', color: UI.text, lineSpacing: 5,
    });
    panel.add([box, text]);
    panel.setData('box', box).setData('text', text);
    onKey(this.input.keyboard, 'keydown-ENTER', () => panel.visible && this.toggleExplanation());
    box.setInteractive().on('pointerup', () => this.toggleExplanation());
    return panel;
  }

  private layoutExplanation(): void {
    const panel = this.explainPanel;
    if (!panel || !this.levelInfo) return;
    const { width, height } = this.scale;
    const w = Math.min(720, width - 24);
    const text = panel.getData('text') as Phaser.GameObjects.Text;
    const box = panel.getData('box') as Phaser.GameObjects.Rectangle;
    text.setWordWrapWidth(w - 40).setPosition(20, 20);
    box.setSize(w, text.height + 40);
    panel.setPosition((width - w) / 2, Math.max(12, (height - text.height - 40) / 3));
  }

  private toggleExplanation(): void {
    if (!this.levelInfo) return;
    this.explainPanel.setVisible(!this.explainPanel.visible);
    this.sendReading();
    const m = this.match();
    if (m) this.publish(m);
  }

  /** Solo practice: the round's clock stands still while the explanation is open (`pause`, then `resume`). */
  private sendReading(): void {
    if (!this.link || this.data_.classRoom || !this.levelInfo) return;
    this.link.post(this.explainPanel.visible ? 'pause' : 'resume', {});
  }

  private nextTip(): void {
    const tips = this.levelInfo?.tips ?? [];
    if (tips.length === 0) return;
    this.showStatus(`Tip: ${tips[this.tipIndex % tips.length]}`, UI.good);
    this.tipIndex++;
  }

  private showStatus(text: string, colour: string): void {
    this.statusText.setText(text).setColor(colour);
    const m = this.match();
    if (m) this.publish(m);
  }

  /** What a class adds to the published view: the classroom's phase, the pause, score, rank and board. */
  private classFacts(): Record<string, unknown> {
    const state = this.classState();
    if (!state) return {};
    const me = ownPlayer(state, this.data_.playerId);
    return {
      classPhase: classPhase(state),
      paused: this.paused(),
      roundNo: state.roundNo ?? 0,
      nickname: me?.nickname ?? '',
      score: me?.score ?? 0,
      rank: me?.rank ?? 0,
      boardMode: boardMode(state),
      leaderboard: boardRows(state, me?.nickname),
    };
  }

  private publish(m: MatchState): void {
    publishForTests({
      ...this.classFacts(),
      scene: 'PlayScene',
      version: m.version,
      phase: m.phase,
      kind: m.kind,
      pending: m.hasPending ? { id: m.pending.id, size: m.pending.size, tag: m.pending.tag } : null,
      heapSize: extentOf(m.regions),
      blocks: m.regions.filter((r) => r.state === 'live').map((r) => ({ id: r.id, address: r.start, size: r.size })),
      holes: this.heapView?.holes().map((h) => ({ start: h.start, size: h.size, pastBreak: h.pastBreak })) ?? [],
      focus: this.heapView?.focusedHole()?.index ?? null,
      kindView: this.kindView(m),
      /** Where each block of the buddy tree can be clicked (by start address; free blocks only). */
      tree: this.buddyView ? Object.fromEntries(m.regions.filter((r) => r.state === 'free').map((r) => [r.start, this.buddyView?.pointOf(r.start) ?? null])) : null,
      /** Where each slab or arena (and "+ new", target -1) can be clicked. */
      spots: this.board?.spots() ?? [],
      boardFocus: this.board?.focused() ?? null,
      canRelease: m.canRelease,
      releaseButton: this.releaseButton.visible ? { x: this.releaseButton.x, y: this.releaseButton.y } : null,
      explaining: this.explainPanel?.visible ?? false,
      title: this.fullTitle,
      hints: m.hints.map((h) => ({ policy: h.policy, target: h.target })),
      status: this.statusText.text,
      probes: addressProbes(this.heapView, this.heapRight),
      texts: visibleTexts(this),
      width: this.scale.width,
      height: this.scale.height,
    });
  }
}
