// The play scene: one player's round, in practice (a practice room for a level) or
// in a class (the student's own heap inside the classroom room). It wires the synced
// match to the views — the heap line (with the buddy tree and its free lists under it
// in a buddy round, or the slab/arena board), the request card, meters, the timer —
// and the player's input to moves (play/moves.ts). Where things go is play/layout.ts;
// the level's explanation and tips are play/ExplanationPanel.ts; in a class (launched
// by ClassLobbyScene, which sleeps meanwhile and takes the student back when the round
// ends or the class is gone) play/ClassRound.ts adds the class panel and the host's
// pause (the timer bar stands still). Its room listeners go when it shuts down, since
// the room lives on in the lobby scene.

import { loadComfort } from '../a11y/comfort.ts';
import Phaser from 'phaser';
import type { Room } from '@colyseus/sdk';
import type { MatchState } from '../../../server/state/match-state.ts';
import { findLevel } from '../../../shared/levels/levels.ts';
import { parseKindView, type KindView } from '../../../shared/match/kind-view.ts';
import { policyLabel } from '../../../shared/match/kinds.ts';
import { describeError, joinAssignmentRound, joinPractice, type AssignmentRound, type Refusal } from '../net/connection.ts';
import { RoomLink } from '../net/room-link.ts';
import { decodeRegions } from '../net/synced.ts';
import { Sound, soundOfEvent, volumeLabel } from '../audio/sound.ts';
import { UI, baseFontSize } from '../palette.ts';
import { publishForTests } from '../test-hook.ts';
import { PlayAccess } from '../a11y/play-access.ts';
import { loadAddressDisplay, toggleAddressDisplay } from '../ui/address-display.ts';
import { Button } from '../ui/Button.ts';
import { isTouchOnly, playHelp } from '../ui/touch.ts';
import { playLine } from '../views/heap-line.ts';
import { fitText } from '../views/labels.ts';
import { MetersView, metersOf } from '../views/MetersView.ts';
import { QueueView } from '../views/QueueView.ts';
import { RequestCardView } from '../views/RequestCardView.ts';
import { classPhase, isRoundOn, ownHeap, type ClassStateLike } from './class/class-state.ts';
import { ClassRound } from './play/ClassRound.ts';
import { Countdown } from './play/Countdown.ts';
import { EventShow } from './play/EventShow.ts';
import { ExplanationPanel } from './play/ExplanationPanel.ts';
import { lineMarks } from '../views/line-marks.ts';
import { PlayEvents } from './play/play-events.ts';
import { CLASS_COLUMN_WIDTH, playLayout, projectorScale } from './play/layout.ts';
import { RoundTimer, meterReadings } from './play/meters.ts';
import { KindScreens, LINE_HELP } from './play/kind-screens.ts';
import { PlayMoves } from './play/moves.ts';
import { playViewForTests } from './play/publish.ts';

export interface PlaySceneData {
  /** A practice level's id (the warm-up when missing). */
  readonly level?: string;
  /** A classroom room the player already joined: play their own heap there. */
  readonly classRoom?: Room;
  /** Title shown in the header. */
  readonly title?: string;
  /** In a class: the student's player id (their heap and entry in the classroom state). */
  readonly playerId?: string;
  /** An assignment's round, played alone as the class's student (or a newcomer with these names). */
  readonly assignment?: AssignmentRound;
}

const BUTTON = { height: 44, fontSize: 16 } as const;

/** The address button says what a press switches to. */
const hexLabel = (hex: boolean): string => (hex ? 'Decimal (X)' : 'Hex (X)');

export class PlayScene extends Phaser.Scene {
  private data_: PlaySceneData = {};
  private link: RoomLink<MatchState | ClassStateLike> | null = null;
  /** The line, the buddy tree or the slab/arena board, as the round's kind turns out. */
  private screens!: KindScreens;
  /** Each button's width as made, before a projector scales it. */
  private readonly buttonBase = new WeakMap<Button, number>();
  private buttons!: Record<'hints' | 'coalesce' | 'new' | 'release' | 'explain' | 'tip' | 'sound' | 'hex', Button>;
  private close: Button | null = null;
  private card!: RequestCardView;
  private queue!: QueueView;
  private meters!: MetersView;
  /** The screen as DOM and its announcements (a11y/). */
  private access!: PlayAccess;
  private titleText!: Phaser.GameObjects.Text;
  private progressText!: Phaser.GameObjects.Text;
  private statusText!: Phaser.GameObjects.Text;
  /** The header's words before they are cut to fit the screen. */
  private fullTitle = '';
  /** The right edge of the heap's box: addresses drawn past it are not probed. */
  private heapRight = 0;
  private showHints = true;
  private explanation!: ExplanationPanel;
  /** Every event of the player's match (placed, freed, merged, failed, timeout), from one place: subscribe with `playEvents.on`. */
  playEvents = new PlayEvents();
  /** The flashes, the failure card and the timeout banner. */
  private eventShow!: EventShow;
  /** Whether the room was last told the player is reading (the explanation or the failure card is open). */
  private readingSent = false;
  /** The 3-2-1 before a practice round's clock runs. */
  private countdown!: Countdown;
  private moves!: PlayMoves;
  /** In a class: score, rank, the leaderboard and the pause. */
  private classRound: ClassRound | null = null;
  /** Whether the meters include the timer row (the layout depends on it). */
  private timerShown = false;
  private lastVersion = -1;
  private parsedKindView: { json: string; view: KindView | null } = { json: '', view: null };
  /** Whether the finished round's results scene is on its way (it starts once). */
  private resultsScheduled = false;
  /** The finished practice round's results (JSON), from the room's `results` message. */
  private results: string | null = null;
  private timer = new RoundTimer();
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
    this.results = null;
    this.parsedKindView = { json: '', view: null };
    this.classRound = null;
    this.close = null;
    this.timer = new RoundTimer();
    this.playEvents = new PlayEvents();
    this.readingSent = false;
  }

  create(): void {
    const font = { fontFamily: 'system-ui, sans-serif', color: UI.text };
    const found = this.data_.level ? findLevel(this.data_.level) : null;
    const level = found?.ok ? found.value : null;
    this.fullTitle = this.data_.title ?? level?.title ?? 'Practice';
    this.titleText = this.add.text(16, 12, this.fullTitle, { ...font, fontSize: '24px', fontStyle: 'bold' });
    this.progressText = this.add.text(16, 0, '', { ...font, fontSize: '16px', color: UI.dim });
    this.statusText = this.add.text(16, 0, LINE_HELP, { ...font, fontSize: '16px', color: UI.dim });
    this.meters = new MetersView(this);
    this.screens = new KindScreens(this, {
      placeAt: (target) => this.moves.placeAt(target), pendingSize: () => (this.match()?.hasPending ? this.match()!.pending.size : null),
      status: (text, colour) => this.showStatus(text, colour), statusText: () => this.statusText.text, setHelp: (text) => this.statusText.setText(text),
      offerNew: (label) => this.buttons.new.setText(label).setVisible(true), relayout: () => this.layout(),
    });
    this.card = new RequestCardView(this);
    this.queue = new QueueView(this);
    this.moves = new PlayMoves({
      match: () => this.match(), link: () => this.link, heapView: () => this.screens.heapView, board: () => this.screens.board, card: () => this.card,
      kindView: (m) => this.kindView(m), paused: () => this.classRound?.paused() ?? false, explaining: () => (this.explanation?.visible ?? false) || (this.eventShow?.holding ?? false),
      status: (text, colour) => this.showStatus(text, colour),
    });
    const button = (label: string, width: number, key: string, act: () => void): Button => new Button(this, 0, 0, label, act, { ...BUTTON, width, key });
    this.buttons = {
      hints: button('Hints: on (H)', 170, 'H', () => this.toggleHints()),
      coalesce: button('Coalesce (C)', 170, 'C', () => this.moves.coalesce()),
      new: button('New (N)', 170, 'N', () => this.moves.placeAt(-1)).setVisible(false),
      release: button('Give back empty slab (G)', 250, 'G', () => this.moves.release()).setVisible(false),
      explain: button('Explain (E)', 150, 'E', () => this.toggleExplanation()).setName('explain').setVisible(level !== null),
      tip: button('Tip (T)', 120, 'T', () => this.nextTip()).setName('tip').setVisible(level !== null),
      sound: button(`${volumeLabel(Sound.of('play').volume)} (M)`, 170, 'M', () => this.stepSound()).setName('sound'),
      hex: button(hexLabel(loadAddressDisplay()), 150, 'X', () => this.toggleHex()).setName('hex'),
    };
    this.playEvents.on((event) => {
      const name = soundOfEvent(event);
      if (name) Sound.of('play').play(name);
    });
    this.access = new PlayAccess(this, this.playEvents, { place: (target) => this.moves.placeAt(target), focusHole: (index) => this.screens.heapView?.focusHole(index) });
    this.access.setTitle(this.fullTitle);
    this.moves.listenForBoardKeys(this.input.keyboard); // before the explanation's Enter, so the Enter that closes it places nothing
    this.explanation = new ExplanationPanel(this, level, () => this.readingChanged());
    this.explainInWords();
    this.countdown = new Countdown(this);
    this.eventShow = new EventShow(this, this.playEvents, {
      heapView: () => this.screens.heapView, regions: () => { const m = this.match(); return m ? decodeRegions(m.regions) : []; },
      status: (text, colour) => this.showStatus(text, colour), roundOver: () => this.match()?.phase === 'done', holdChanged: () => this.readingChanged(),
      holdsRound: !this.data_.classRoom,
    });
    // In a class the round ends when the host ends it: no way out but the lobby's, afterwards.
    if (this.data_.classRoom) this.classRound = new ClassRound(this, () => this.classState(), this.data_.playerId, () => this.data_.classRoom?.sessionId ?? '');
    else this.close = new Button(this, 0, 0, '✕', () => this.leave(), { width: 44, height: 44, fontSize: 18, key: 'ESC', label: 'Leave the level (Esc)' }).setName('close');

    this.card.events.on('drag', (p) => this.moves.previewAt(p.cardLeft, p.y));
    this.card.events.on('drop', (p) => this.moves.dropAt(p.cardLeft, p.y));

    this.layout();
    this.scale.on('resize', this.layout, this);
    this.alive = true;
    this.events.once('shutdown', () => {
      this.alive = false;
      this.scale.off('resize', this.layout, this);
      for (const view of [this.classRound, this.screens, this.card, this.meters, this.queue, this.eventShow, this.countdown, this.access]) view?.destroy();
      this.playEvents.clear();
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
      const homework = this.data_.assignment;
      room = this.data_.classRoom ?? (homework ? await joinAssignmentRound(homework.info, homework.round, homework) : await joinPractice(this.data_.level, { clock: !loadComfort().noClock }));
    } catch (error) {
      // An assignment's round refused (a nickname taken, an identifier missing): back to its page, saying why.
      if (this.alive && this.data_.assignment) return void this.scene.start('AssignmentScene', { id: this.data_.assignment.info.id, message: describeError(error) });
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
          this.moves.refused(payload as Refusal, inClass);
          this.access.refused((payload as Refusal).message);
        },
        // Practice: the finished round's results come as a message (too large for the synced state).
        results: (payload) => {
          this.results = typeof payload === 'string' ? payload : null;
          this.redraw();
        },
      },
      onDrop: () => this.showStatus('Connection lost — reconnecting…', UI.bad),
      onReconnect: () => this.showStatus('Back online.', UI.good),
      // In a class the sleeping lobby scene hears it too and takes the student to its Rejoin button.
      onLeave: () => this.showStatus(inClass ? 'The connection is gone.' : playHelp(isTouchOnly()).gone, UI.bad),
    });
    // The explanation opened with the level: its clock waits until the player has read it; without one, the 3-2-1 starts it.
    if (this.explanation.visible) this.sendReading();
    else if (!inClass) this.countdown.run(() => this.link?.post('resume', {}));
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

  /** The synced kind view, parsed once per change (the meters ask for it every frame of a timed round). */
  private kindView(m: MatchState): KindView | null {
    if (m.kindView !== this.parsedKindView.json) this.parsedKindView = { json: m.kindView, view: parseKindView(m.kindView) };
    return this.parsedKindView.view;
  }

  private toggleHints(): void {
    this.showHints = !this.showHints;
    this.buttons.hints.setText(`Hints: ${this.showHints ? 'on' : 'off'} (H)`);
    this.redraw();
  }

  private toggleExplanation(): void {
    this.explanation.toggle();
  }

  /** The explanation or the failure card opened or closed: the clock follows, the results wait, the tests hear of it. */
  private readingChanged(): void {
    this.sendReading();
    this.explainInWords();
    this.redraw();
  }

  /**
   * Solo practice: the round's clock stands still while the explanation or the failure card is
   * open (`pause`, then `resume`). Before the round has started the room holds the clock anyway
   * ([MATCH-TIME-4]): closing the explanation runs the 3-2-1, which then sends `resume` (a move
   * made meanwhile starts the clock itself).
   */
  private sendReading(): void {
    const reading = this.explanation.visible || this.eventShow.holding;
    if (!this.link || this.data_.classRoom || reading === this.readingSent || this.match()?.phase === 'done') return;
    this.readingSent = reading;
    if (this.countdown.done) this.link.post(reading ? 'pause' : 'resume', {});
    else if (reading) this.countdown.cancel();
    else this.countdown.run(() => this.link?.post('resume', {}));
  }

  /** The sound button: off, 30 %, 70 %, 100 % (kept in the browser). */
  private stepSound(): void {
    const volume = Sound.of('play').stepVolume();
    this.buttons.sound.setText(`${volumeLabel(volume)} (M)`);
    this.showStatus(volume === 0 ? 'Sound off (M turns it on).' : `${volumeLabel(volume)}.`, UI.good);
  }

  /** Addresses in decimal or hex, everywhere (kept in the browser). */
  private toggleHex(): void {
    this.buttons.hex.setText(hexLabel(toggleAddressDisplay()));
    this.layout();
  }

  private nextTip(): void {
    const tip = this.explanation.nextTip();
    if (tip) this.showStatus(tip, UI.good);
  }

  /** Leaves a practice round for the title, or an assignment's round for its page (a class has no ✕: its lobby scene takes the student back). */
  private leave(): void {
    this.link?.leave();
    const homework = this.data_.assignment;
    if (homework) this.scene.start('AssignmentScene', { id: homework.info.id });
    else this.scene.start('TitleScene');
  }

  // ---- drawing ------------------------------------------------------------

  private layout(): void {
    const { width, height } = this.scale;
    const buttons = Object.values(this.buttons).filter((b) => b.visible);
    // On a projector the buttons, status and progress are drawn larger (layout.ts projectorScale).
    const scale = projectorScale(width, height);
    for (const b of buttons) {
      const base = this.buttonBase.get(b) ?? b.width;
      this.buttonBase.set(b, base);
      b.resize(Math.round(base * scale), Math.round(BUTTON.height * scale)).setFontSize(Math.round(BUTTON.fontSize * scale));
    }
    const { heapView, board, buddyView } = this.screens;
    const view = this.match() ? this.kindView(this.match()!) : null;
    const at = playLayout({
      width, height, hasClose: this.close !== null, inClass: this.classRound !== null,
      cardHeight: this.card.height(), queueHeight: this.queue.height(), metersHeight: (w) => this.meters.height(w),
      compactPanelHeight: (size) => this.classRound?.compactHeight(size) ?? 0, baseFont: baseFontSize(width, height),
      buttonWidths: buttons.map((b) => b.width), scale,
      buddyLine: buddyView && heapView ? { rowHeight: heapView.rowHeight(), spaceBytes: view?.kind === 'buddy' ? 2 ** view.maxOrder * view.unit : 0 } : null,
    });
    this.titleText.setPosition(at.title.x, at.title.y).setFontSize(at.title.fontSize).setText(fitText(this.fullTitle, at.title.maxWidth, at.title.fontSize, true));
    this.close?.setPosition(at.close.x, at.close.y);
    this.heapRight = at.right;
    this.card.layout(at.card.x, at.card.y, at.card.w, at.card.h);
    this.queue.layout(at.queue.x, at.queue.y, at.queue.w, at.queue.h);
    if (at.tree) this.screens.fold(at.tree.w, at.tree.h);
    if (buddyView && heapView && at.tree) {
      heapView.layout(at.line.x, at.line.y, at.line.w, at.line.h);
      buddyView.layout(at.tree.x, at.tree.y, at.tree.w, Math.min(buddyView.height(), at.tree.h));
    } else heapView?.layout(at.heap.x, at.heap.y, at.heap.w, at.heap.h);
    board?.layout(at.heap.x, at.heap.y, at.heap.w, at.heap.h);
    if (at.classPanel) this.classRound?.layout(at.classPanel.box, at.classPanel.fontSize, at.classPanel.compact);
    this.meters.layout(at.meters.x, at.meters.y, at.meters.w, at.meters.h);
    this.progressText.setPosition(at.progress.x, at.progress.y).setWordWrapWidth(at.progress.wrap).setFontSize(at.textSize);
    this.statusText.setFontSize(at.textSize);
    // Two lines at most, so a long message never runs into the buttons (the whole text is published).
    this.statusText.setPosition(at.status.x, at.status.y).setWordWrapWidth(at.status.wrap).setMaxLines(2);
    buttons.forEach((b, i) => b.setPosition(at.buttons[i]?.x ?? 0, at.buttons[i]?.y ?? 0));
    this.explanation.layout();
    this.eventShow.layout();
    this.countdown.layout();
    this.redraw();
  }

  private redraw(): void {
    const m = this.match();
    // Before the first full patch the state has no regions yet: nothing to draw.
    if (!m || !this.card || !m.regions) return;
    // Once a class's round is over the lobby scene takes over (and stops this one): draw and publish nothing more.
    // The last moves' events are still told (the placement that ended the round, its frees).
    if (this.data_.classRoom && !isRoundOn(classPhase(this.classState()))) return this.playEvents.take(m.version, m.happenings ?? '');
    this.screens.ensureFor(m.kind);
    const { heapView, board, buddyView } = this.screens;
    const regions = decodeRegions(m.regions);
    const view = this.kindView(m);
    if (buddyView && view?.kind === 'buddy') {
      buddyView.show({ regions, unit: view.unit, minOrder: view.minOrder, maxOrder: view.maxOrder, freeLists: view.freeLists });
    }
    const hints = this.showHints ? m.hints.map((h) => ({ label: policyLabel(h.policy), target: h.target })) : [];
    if (board) board.show(view, regions, hints);
    else if (heapView) {
      const mmapThreshold = view?.kind === 'freelist' ? view.rule.mmapThreshold : null;
      const line = playLine(regions, { canGrow: m.canGrow, pendingSize: m.hasPending ? m.pending.size : 0, mmapThreshold });
      heapView.show(view?.kind === 'freelist' && view.rule.header > 0 ? { ...line, headerBytes: view.rule.header } : line);
      // A request the engine maps goes to the mmap strip wherever it is placed: no caret on the line points elsewhere.
      heapView.setHints(line.mmap?.pendingMapped ? [] : hints.filter((h) => h.target >= 0).map((h) => ({ label: h.label, address: h.target })));
      heapView.setMarks(lineMarks(this.data_.level, view));
    }
    this.card.show(m.hasPending && m.phase !== 'done' ? { id: m.pending.id, size: m.pending.size, ...(m.pending.tag ? { tag: m.pending.tag } : {}) } : null);
    this.queue.show(m.hasPending && m.upcoming ? m.upcoming.map((e) => ({ op: e.op === 'free' ? 'free' : 'malloc', id: e.id, size: e.size })) : []);
    if (m.version !== this.lastVersion) {
      if (this.lastVersion >= 0 && this.statusText.text.startsWith('Placing')) this.showStatus('Placed.', UI.good);
      if (this.lastVersion >= 0 && this.statusText.text.startsWith('Giving')) this.showStatus('Given back: those pages are free for any cache now.', UI.good);
      this.lastVersion = m.version;
    }
    this.playEvents.take(m.version, m.happenings ?? '');
    // The clock runs (the count ended, or the player moved first): the count has no more to do.
    if (m.phase === 'playing' && !this.countdown.done) this.countdown.finish();
    const meters = m.meters;
    this.progressText.setText(`requests placed ${meters.placed}${meters.failures ? ` · failed ${meters.failures}` : ''}${meters.fallbacks ? ` · placed for you ${meters.fallbacks}` : ''}`);
    this.showMeters();
    this.showAccess(m, regions, view);
    const timed = Boolean(m.hasPending && m.pending.deadline);
    if (this.buttons.coalesce.visible !== m.canCoalesce || this.buttons.release.visible !== m.canRelease || this.timerShown !== timed) {
      this.buttons.coalesce.setVisible(m.canCoalesce);
      this.buttons.release.setVisible(m.canRelease);
      this.timerShown = timed;
      this.showMeters();
      this.layout();
    }
    if (this.classRound) {
      const done = m.phase === 'done' && !m.hasPending && !this.statusText.text.startsWith('All your requests');
      const { status, relayout } = this.classRound.update(done, this.scale.width < CLASS_COLUMN_WIDTH);
      if (status) this.showStatus(status.text, status.colour);
      if (relayout) return this.layout();
    }
    if (m.phase === 'done' && this.results && !this.data_.classRoom && !this.resultsScheduled && !this.eventShow.holding) {
      // Once: every later redraw (a patch, a resize) must not start the results scene again.
      this.resultsScheduled = true;
      const results = this.results;
      this.time.delayedCall(600, () => this.scene.start('ResultsScene', { results, level: this.data_.level, title: this.fullTitle, assignment: this.data_.assignment }));
    }
    this.publish(m);
  }

  /** Meters from the synced gauge; the timer counts down to the pending request's deadline (play/meters.ts). */
  private showMeters(): void {
    const m = this.match();
    if (!m || !this.meters) return;
    const paused = m.phase === 'paused' || m.phase === 'waiting' || (this.classRound?.paused() ?? false);
    this.meters.show(meterReadings(m, this.kindView(m), this.timer.reading(m, paused, Date.now())));
  }

  /** The mirror, from what the views were just given. */
  private showAccess(m: MatchState, regions: ReturnType<typeof decodeRegions>, view: KindView | null): void {
    const board = this.screens.board;
    this.access.show(m, {
      regions,
      holes: this.screens.heapView?.holes() ?? [],
      spots: board ? board.spots().map((s) => ({ target: s.target, name: board.nameOf(s.target) })) : [],
      meters: metersOf(meterReadings(m, view, null)),
      canPlace: !(this.classRound?.paused() ?? false) && !this.explanation.visible && !this.eventShow.holding,
    });
  }

  /** The explanation for the accessibility layer, while it is open. */
  private explainInWords(): void {
    const found = this.data_.level ? findLevel(this.data_.level) : null;
    const text = found?.ok && this.explanation.visible ? `${found.value.title}. ${found.value.explanation}` : null;
    this.access.setExplanation(text, () => this.explanation.visible && this.toggleExplanation(), () => ({ x: this.scale.width / 2, y: this.scale.height / 3 }));
  }

  private showStatus(text: string, colour: string): void {
    this.statusText.setText(text).setColor(colour);
    this.access?.setStatus(text);
    const m = this.match();
    if (m) this.publish(m);
  }

  /** What the browser tests read (play/publish.ts). */
  private publish(m: MatchState): void {
    const release = this.buttons.release;
    publishForTests(playViewForTests(m, {
      scene: this, heapView: this.screens.heapView, buddyView: this.screens.buddyView, board: this.screens.board, kindView: this.kindView(m),
      releaseButton: release.visible ? { x: release.x, y: release.y } : null, explaining: this.explanation?.visible ?? false,
      title: this.fullTitle, status: this.statusText.text, heapRight: this.heapRight, classFacts: this.classRound?.facts() ?? null,
    }));
  }
}
