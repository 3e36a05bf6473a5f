// The play scene: one player's round, in practice (a practice room for a level, or an
// assignment's round) or in a class (the student's own heap inside the classroom room).
// It wires the synced match to the views — the heap line (with the buddy tree and its
// free lists under it in a buddy round, or the slab/arena board), the request card,
// meters, the timer — and the player's input to moves. Each job is its own module in
// play/: the room and what it syncs (session.ts), the moves (moves.ts), where things go
// (layout.ts, pure), the buttons (controls.ts), the title, progress and status lines
// (words.ts), the ✕, the leave question and Esc (leaving.ts), the explanation, tips, 3-2-1
// and reading pause (reading.ts), the kind's views, laid out and drawn (kind-screens.ts), the ⚙
// comfort settings (comfort.ts), and in a class (launched by
// ClassLobbyScene, which sleeps meanwhile and takes the student back when the round
// ends or the class is gone) the class panel and the host's pause (ClassRound.ts).

import Phaser from 'phaser';
import type { MatchState } from '../../../server/state/match-state.ts';
import { findLevel } from '../../../shared/levels/levels.ts';
import type { KindView } from '../../../shared/match/kind-view.ts';
import { decodeRegions, syncedHappenings } from '../net/synced.ts';
import { Sound, soundOfEvent } from '../audio/sound.ts';
import { UI, baseFontSize } from '../palette.ts';
import { publishForTests } from '../test-hook.ts';
import { PlayAccess } from '../a11y/play-access.ts';
import { marksListOrder } from '../views/line-marks.ts';
import { MetersView, metersOf } from '../views/MetersView.ts';
import { QueueView } from '../views/QueueView.ts';
import { RequestCardView } from '../views/RequestCardView.ts';
import { classPhase, isRoundOn } from './class/class-state.ts';
import { ClassRound } from './play/ClassRound.ts';
import { PlayControls } from './play/controls.ts';
import { EventShow } from './play/EventShow.ts';
import { PlayLeaving } from './play/leaving.ts';
import { PlayComfort } from './play/comfort.ts';
import { PlayWords, settledWords } from './play/words.ts';
import { PlayEvents } from './play/play-events.ts';
import { CLASS_COLUMN_WIDTH, playLayout, projectorScale } from './play/layout.ts';
import { fitPlayLayout } from './play/fit.ts';
import { RoundTimer, meterReadings } from './play/meters.ts';
import { KindScreens, LINE_HELP } from './play/kind-screens.ts';
import { PlayMoves } from './play/moves.ts';
import { playViewForTests } from './play/publish.ts';
import { PlayReading } from './play/reading.ts';
import { PlaySession, type PlaySceneData } from './play/session.ts';

export type { PlaySceneData };

export class PlayScene extends Phaser.Scene {
  private data_: PlaySceneData = {};
  /** The room: joined, listened to, and what it syncs (play/session.ts). */
  private session!: PlaySession;
  /** The line, the buddy tree or the slab/arena board, as the round's kind turns out. */
  private screens!: KindScreens;
  private controls!: PlayControls;
  private card!: RequestCardView;
  private queue!: QueueView;
  private meters!: MetersView;
  /** The screen as DOM and its announcements (a11y/). */
  private access!: PlayAccess;
  /** The title, progress and status lines (play/words.ts). */
  private words!: PlayWords;
  /** The right edge of the heap's box: addresses drawn past it are not probed. */
  private heapRight = 0;
  /** The explanation, its tips, the 3-2-1 and the reading pause (play/reading.ts). */
  private reading!: PlayReading;
  /** Every event of the player's match (placed, freed, merged, failed, timeout), from one place: subscribe with `playEvents.on`. */
  playEvents = new PlayEvents();
  /** The flashes, the failure card and the timeout banner. */
  private eventShow!: EventShow;
  /** The ✕, "Leave this level?" and Esc (play/leaving.ts). */
  private leaving!: PlayLeaving;
  private moves!: PlayMoves;
  /** The ⚙ and the comfort settings overlay (play/comfort.ts). */
  private comfort!: PlayComfort;
  /** In a class: score, rank, the leaderboard and the pause. */
  private classRound: ClassRound | null = null;
  /** Whether the meters include the timer row (the layout depends on it). */
  private timerShown = false;
  private lastVersion = -1;
  /** Whether the finished round's results scene is on its way (it starts once). */
  private resultsScheduled = false;
  private timer = new RoundTimer();

  constructor() {
    super('PlayScene');
  }

  init(data: PlaySceneData): void {
    this.data_ = data ?? {};
    this.lastVersion = -1;
    this.resultsScheduled = false;
    this.classRound = null;
    this.timer = new RoundTimer();
    this.playEvents = new PlayEvents();
  }

  create(): void {
    const found = this.data_.level ? findLevel(this.data_.level) : null;
    const level = found?.ok ? found.value : null;
    this.session = new PlaySession(this, this.data_, {
      redraw: () => this.redraw(), status: (text, colour) => this.showStatus(text, colour), joined: () => { this.reading.joined(); this.redraw(); },
      refused: (refusal) => this.access.refused(this.moves.refused(refusal)),
    });
    this.words = new PlayWords(this, this.data_.title ?? level?.title ?? 'Practice', LINE_HELP);
    this.meters = new MetersView(this);
    this.screens = new KindScreens(this, {
      placeAt: (target) => this.moves.placeAt(target), pendingSize: () => (this.match()?.hasPending ? this.match()!.pending.size : null),
      status: (text, colour) => this.showStatus(text, colour), statusText: () => this.words.statusText, setHelp: (text) => this.words.setHelp(text),
      offerNew: (label) => this.controls.buttons.new.setText(label).setVisible(true), relayout: () => this.layout(),
    });
    this.card = new RequestCardView(this);
    this.queue = new QueueView(this);
    this.moves = new PlayMoves({
      match: () => this.match(), link: () => this.session.link, delivery: () => this.session.delivery, heapView: () => this.screens.heapView, board: () => this.screens.board, card: () => this.card,
      kindView: (m) => this.session.kindView(m), paused: () => this.classRound?.paused() ?? false, explaining: () => this.overlayOpen(),
      status: (text, colour) => this.showStatus(text, colour),
    });
    this.controls = new PlayControls(this, level !== null, marksListOrder(this.data_.level), {
      coalesce: () => this.moves.coalesce(), newOne: () => this.moves.placeAt(-1), release: () => this.moves.release(),
      explain: () => this.reading.toggleExplanation(), tip: () => this.nextTip(),
      hintsChanged: () => this.redraw(), orderChanged: () => this.redraw(), addressesChanged: () => this.layout(), status: (text, colour) => this.showStatus(text, colour),
    });
    this.playEvents.on((event) => {
      const name = soundOfEvent(event);
      if (name) Sound.of('play').play(name);
    });
    this.access = new PlayAccess(this, this.playEvents, { place: (target) => this.moves.placeAt(target), focusHole: (index) => this.screens.heapView?.focusHole(index) });
    this.access.setTitle(this.words.fullTitle);
    this.moves.listenForBoardKeys(this.input.keyboard); // before the explanation's Enter, so the Enter that closes it places nothing
    this.reading = new PlayReading(this, level, { session: this.session, access: () => this.access, holding: () => (this.eventShow?.holding ?? false) || (this.leaving?.asking ?? false) || (this.comfort?.open ?? false), changed: () => this.redraw() });
    this.eventShow = new EventShow(this, this.playEvents, {
      heapView: () => this.screens.heapView, regions: () => { const m = this.match(); return m ? decodeRegions(m.regions) : []; },
      status: (text, colour) => this.showStatus(text, colour), roundOver: () => this.match()?.phase === 'done', holdChanged: () => this.reading.readingChanged(),
      holdsRound: !this.session.inClass,
    });
    // In a class the round ends when the host ends it: no way out but the lobby's, afterwards.
    if (this.session.inClass) this.classRound = new ClassRound(this, () => this.session.classState(), this.data_.playerId, () => this.session.sessionId, () => this.republish());
    this.leaving = new PlayLeaving(this, this.session.inClass, {
      roundOn: () => { const m = this.match(); return m !== null && m.phase !== 'done'; }, leave: () => this.session.leave(),
      changed: () => this.reading.readingChanged(), closeCard: () => this.eventShow.dismiss(),
      closeExplanation: () => this.reading.explaining && (this.reading.toggleExplanation(), true),
    });

    this.comfort = new PlayComfort(this, { held: () => this.reading.readingChanged(), soundChanged: () => this.controls.showVolume() });
    this.card.events.on('drag', (p) => this.moves.previewAt(p.cardLeft, p.y));
    this.card.events.on('drop', (p) => this.moves.dropAt(p.cardLeft, p.y));

    this.layout();
    this.scale.on('resize', this.layout, this);
    this.events.once('shutdown', () => {
      this.scale.off('resize', this.layout, this);
      for (const view of [this.classRound, this.screens, this.card, this.meters, this.queue, this.eventShow, this.reading, this.access, this.leaving]) view?.destroy();
      this.playEvents.clear();
    });
    void this.session.connect();
  }

  override update(): void {
    const m = this.match();
    if (m?.hasPending && m.pending.deadline) this.showMeters();
  }

  /** The player's own match (play/session.ts). */
  private match(): MatchState | null {
    return this.session.match();
  }

  /** An overlay covers the heap (the explanation, the failure card, the leave question): moves wait, the practice clock stands still. */
  private overlayOpen(): boolean {
    return this.reading.explaining || this.eventShow.holding || this.leaving.asking || this.comfort.open;
  }

  private nextTip(): void {
    const tip = this.reading.nextTip();
    if (tip) this.showStatus(tip, UI.good);
  }

  // ---- drawing ------------------------------------------------------------

  private layout(): void {
    const { width, height } = this.scale;
    // On a projector the buttons, status and progress are drawn larger (layout.ts projectorScale).
    const scale = projectorScale(width, height);
    const buttons = this.controls.shown(scale, width - (width < 700 ? 24 : 48), width < 700);
    const { heapView, buddyView } = this.screens;
    const m = this.match();
    const view = m ? this.session.kindView(m) : null;
    // The views' text at the player's size, smaller only where the screen is too short for it (play/fit.ts).
    const { at, font } = fitPlayLayout(baseFontSize(width, height), baseFontSize(width, height, 1), (size) => {
      for (const v of [this.card, this.queue, this.meters, this.screens]) v.setFont(size);
      return playLayout({
        width, height, hasClose: this.leaving.close !== null, inClass: this.classRound !== null,
        cardHeight: this.card.height(), queueHeight: this.queue.height(), metersHeight: (w) => this.meters.height(w),
        compactPanelHeight: (s) => this.classRound?.compactHeight(s) ?? 0, baseFont: size,
        buttonWidths: buttons.map((b) => b.width), scale, textSize: size / baseFontSize(width, height, 1), buttonHeight: buttons[0]?.height,
        buddyLine: buddyView && heapView ? { rowHeight: heapView.rowHeight(), spaceBytes: view?.kind === 'buddy' ? 2 ** view.maxOrder * view.unit : 0, treeLeast: (w) => buddyView.listsLeast(w) } : null,
        heapLeast: heapView?.leastHeight(),
      });
    });
    this.words.layout(at);
    this.heapRight = at.right;
    this.card.layout(at.card.x, at.card.y, at.card.w, at.card.h, font);
    this.queue.layout(at.queue.x, at.queue.y, at.queue.w, at.queue.h, font);
    this.screens.layout(at, font);
    if (at.classPanel) this.classRound?.layout(at.classPanel.box, at.classPanel.fontSize, at.classPanel.compact);
    this.meters.layout(at.meters.x, at.meters.y, at.meters.w, at.meters.h, font);
    buttons.forEach((b, i) => b.setPosition(at.buttons[i]?.x ?? 0, at.buttons[i]?.y ?? 0));
    this.reading.layout();
    this.eventShow.layout();
    this.leaving.layout(at.close);
    this.comfort.layout(at.settings);
    this.redraw();
  }

  private redraw(): void {
    const m = this.match();
    // Before the first full patch the state has no regions yet: nothing to draw.
    if (!m || !this.card || !m.regions) return;
    // Once a class's round is over the lobby scene takes over (and stops this one): draw and publish nothing more.
    // The last moves' events are still told (the placement that ended the round, its frees).
    if (this.session.inClass && !isRoundOn(classPhase(this.session.classState()))) return this.playEvents.take(m.version, syncedHappenings(m));
    this.screens.ensureFor(m.kind);
    const regions = decodeRegions(m.regions);
    const view = this.session.kindView(m);
    this.screens.show(m, view, regions, { hints: this.controls.showHints, level: this.data_.level, listOrder: this.controls.listOrder });
    if (this.screens.heapView) this.moves.showFitting();
    this.card.show(m.hasPending && m.phase !== 'done' ? { id: m.pending.id, size: m.pending.size, ...(m.pending.tag ? { tag: m.pending.tag } : {}) } : null);
    this.queue.show(m.hasPending && m.upcoming ? m.upcoming.map((e) => ({ op: e.op === 'free' ? 'free' : 'malloc', id: e.id, size: e.size })) : []);
    if (m.version !== this.lastVersion) {
      const settled = this.lastVersion >= 0 ? settledWords(this.words.statusText) : null;
      if (settled) this.showStatus(settled, UI.good);
      this.lastVersion = m.version;
    }
    this.playEvents.take(m.version, syncedHappenings(m));
    if (m.phase === 'playing') this.reading.clockRuns();
    this.words.showProgress(m.meters);
    this.showMeters();
    this.showAccess(m, regions, view);
    const timed = Boolean(m.hasPending && m.pending.deadline);
    const offerChanged = this.controls.offer(m.canCoalesce, m.canRelease);
    if (offerChanged || this.timerShown !== timed) {
      this.timerShown = timed;
      this.showMeters();
      this.layout();
    }
    if (this.classRound) {
      const done = m.phase === 'done' && !m.hasPending && !this.words.statusText.startsWith('All your requests');
      const { status, relayout } = this.classRound.update(done, this.scale.width < CLASS_COLUMN_WIDTH);
      if (status) this.showStatus(status.text, status.colour);
      if (relayout) return this.layout();
    }
    const results = this.session.results;
    if (m.phase === 'done' && results && !this.session.inClass && !this.resultsScheduled && !this.eventShow.holding) {
      // Once: every later redraw (a patch, a resize) must not start the results scene again.
      this.resultsScheduled = true;
      this.time.delayedCall(600, () => this.scene.start('ResultsScene', { results, level: this.data_.level, title: this.words.fullTitle, assignment: this.data_.assignment }));
    }
    this.publish(m);
  }

  /** Meters from the synced gauge; the timer counts down to the pending request's deadline (play/meters.ts). */
  private showMeters(): void {
    const m = this.match();
    if (!m || !this.meters) return;
    const paused = m.phase === 'paused' || m.phase === 'waiting' || (this.classRound?.paused() ?? false);
    this.meters.show(meterReadings(m, this.session.kindView(m), this.timer.reading(m, paused, Date.now())));
  }

  /** The mirror, from what the views were just given. */
  private showAccess(m: MatchState, regions: ReturnType<typeof decodeRegions>, view: KindView | null): void {
    const board = this.screens.board;
    this.access.show(m, {
      regions,
      holes: this.screens.heapView?.holes() ?? [],
      spots: board ? board.spots().map((s) => ({ target: s.target, name: board.nameOf(s.target) })) : [],
      meters: metersOf(meterReadings(m, view, null)),
      canPlace: !(this.classRound?.paused() ?? false) && !this.overlayOpen(),
    });
  }

  private showStatus(text: string, colour: string): void {
    this.words.setStatus(text, colour);
    this.access?.setStatus(text);
    this.republish();
  }

  private republish(): void {
    const m = this.match();
    if (m) this.publish(m);
  }

  /** What the browser tests read (play/publish.ts). */
  private publish(m: MatchState): void {
    const release = this.controls.buttons.release;
    publishForTests(playViewForTests(m, {
      scene: this, heapView: this.screens.heapView, buddyView: this.screens.buddyView, board: this.screens.board, kindView: this.session.kindView(m),
      releaseButton: release.visible ? { x: release.x, y: release.y } : null, explaining: this.reading?.explaining ?? false,
      title: this.words.fullTitle, status: this.words.statusText, heapRight: this.heapRight, classFacts: this.classRound?.facts() ?? null,
    }));
  }
}
