// The host's dashboard. With no code it creates a class and keeps the host key in
// the browser (a reload of `/?host=CODE` comes back as host); then it shows the join
// code and a large QR code of the join link, the students with Kick buttons, the
// round controls (round picker, start, pause/resume, end), joining (lock, late join)
// and leaderboard settings, the live class figures, every student's heap as a
// thumbnail (click one to open it, live, and put it on the projector: HostWall.ts),
// what the projector shows, the results download and a button that opens the projector view.
// Side by side on a wide screen; on a phone held upright, or where large text leaves the
// student list too little room beside the controls (a laptop at 200 %), the same panels as tabs.

import { readScreen } from '../../a11y/screen-text.ts';
import Phaser from 'phaser';
import { closedWords, createClass, describeError, isFinalRefusal, downloadResults, hostClass, joinLink, listRounds, saveRound, type Refusal } from '../../net/connection.ts';
import { UI, baseFontSize } from '../../palette.ts';
import { currentTextSize } from '../../a11y/comfort.ts';
import { publishForTests } from '../../test-hook.ts';
import { fitText, lineHeight } from '../../views/labels.ts';
import { ROUND_CHOICES, resolveRound } from '../../../../shared/levels/rounds.ts';
import { boardMode, boardRows, classFigures, classPhase, heapThumbs, hostPageOf, isRoundOn, playerRows, type BoardMode, type ClassPhase, type ClassStateLike } from './class-state.ts';
import { loadHostKey, normaliseCode, saveHostKey } from './host-key.ts';
import { isNarrow, screenMargin, splitColumns, takeTop, twoRows, type Box } from './layout.ts';
import { RoomLink } from '../../net/room-link.ts';
import { REJOIN_POLL_MS, rejoinWhenServerAnswers } from '../../net/rejoin-when-up.ts';
import { projectionShow } from './projection.ts';
import { roundClockWords, roundTimeLeftMs } from './round-clock.ts';
import type { ClientMessages, ClientMessageType, ServerMessages } from '../../net/messages.ts';
import { ButtonSet, visibleTexts } from './screen-report.ts';
import { HostWall } from './HostWall.ts';
import { HostRoster } from './HostRoster.ts';
import { RoundPickerDialog } from './RoundPickerDialog.ts';
import { LessonPlanDialog } from './LessonPlanDialog.ts';
import { isNextInPlan, planChoiceTitle, planRoundOver, planRoundStarted, queuedRound, runPlan, stepPlan, type PlanRun } from './plan-run.ts';
import { roundLine } from './round-catalogue.ts';
import { ClassFiguresView } from './views/ClassFiguresView.ts';
import { HeapThumbnailsView } from './views/HeapThumbnailsView.ts';
import { PlayerListView } from './views/PlayerListView.ts';
import { QrView } from './views/QrView.ts';
import { sizeToFit, textStyle } from './views/text-style.ts';

export interface HostData {
  readonly code?: string;
}

type Tab = 'join' | 'round' | 'students' | 'class';
const TABS: readonly { readonly tab: Tab; readonly label: string }[] = [
  { tab: 'join', label: 'Join' },
  { tab: 'round', label: 'Round' },
  { tab: 'students', label: 'People' },
  { tab: 'class', label: 'Class' },
];

const ROUND_BUTTONS = ['start', 'pause', 'extend', 'end'] as const;
const JOIN_BUTTONS = ['lock', 'lateJoin'] as const;
const BOARD_BUTTONS = ['board-shown', 'board-anonymous', 'board-hidden'] as const;
const PICKER_BUTTONS = ['prevRound', 'nextRound', 'chooseRound'] as const;
/** The row under the round's name: the picker and the lesson plans, each as wide as its label needs. */
const CHOICE_ROW = ['chooseRound', 'lessonPlans'] as const;
const SHARE_BUTTONS = ['projector', 'results', 'closeClass'] as const;
const BOARD_LABELS: Record<BoardMode, string> = { shown: 'Shown', anonymous: 'Anonymous', hidden: 'Hidden' };
const BUTTON_HEIGHT = 50;
/**
 * Side by side, the student list under the controls shows at least this many rows (with
 * two lines kept for the status, whatever it says now, so the choice does not flip with
 * the status's length); else the panels are tabs. At 100 % text a small laptop (1280x720)
 * keeps its columns with a row or two (◀ ▶ page through the rest); with larger text,
 * where the list would show fewer than three, the tabs give it the whole screen.
 */
function listRowsBeside(): number {
  return currentTextSize() > 1 ? 3 : 1;
}
/** How long a "press again" confirmation waits. */
const CONFIRM_MS = 4000;

/** How much room the controls keep for the status line: two lines (choosing the layout), or what its words take. */
type StatusRoom = 'two lines' | 'as it is';

const PHASE_WORDS: Record<ClassPhase, string> = { lobby: 'in the lobby', playing: 'playing', paused: 'paused', results: 'over' };

function roundTitle(id: string): string {
  const round = resolveRound(id);
  return round.ok ? round.value.title : id;
}

export class HostScene extends Phaser.Scene {
  private code = '';
  private hostKey: string | null = null;
  private link: RoomLink<ClassStateLike> | null = null;
  private setupProblem = '';
  private status = '';
  /** The phase the status last spoke of (null before the first state). */
  private lastPhase: ClassPhase | null = null;
  private statusColour: string = UI.dim;
  private dropped = false;
  private tab: Tab = 'join';
  /** Whether the panels are tabs (a phone, or large text on a screen too small for them side by side): the last layout's choice. */
  private tabbed = false;
  private roundIndex = 0;
  /** The round chosen in the picker or made in the editor (RoundPickerDialog); null for the ◀ ▶ catalogue's. */
  private chosen: { readonly id: string; readonly title: string } | null = null;
  private picker!: RoundPickerDialog;
  private plans!: LessonPlanDialog;
  /** A lesson plan whose rounds queue up in the round choice (plan-run.ts); null when none runs. */
  private planRun: PlanRun | null = null;
  /** Set while "Sure? End" or "Sure? Close class" waits for its second press. */
  private readonly confirming: { end: Phaser.Time.TimerEvent | null; close: Phaser.Time.TimerEvent | null } = { end: null, close: null };
  /** Why the class was closed for good (the `closed` message's words); then the dashboard offers the results and a new class. */
  private closedBecause = '';
  /** Counts scene starts, so an answer that arrives after a restart is dropped. */
  private generation = 0;
  private buttons!: ButtonSet;
  private header!: Phaser.GameObjects.Text;
  private codeText!: Phaser.GameObjects.Text;
  private linkText!: Phaser.GameObjects.Text;
  private roundName!: Phaser.GameObjects.Text;
  private sectionLabels!: Record<'round' | 'joining' | 'board', Phaser.GameObjects.Text>;
  private statusText!: Phaser.GameObjects.Text;
  /** The whole-round countdown, on the Round section's line. */
  private clockText!: Phaser.GameObjects.Text;
  private qr!: QrView;
  private players!: PlayerListView;
  private figures!: ClassFiguresView;
  private thumbs!: HeapThumbnailsView;
  private wall!: HostWall;
  /** The search, order and page of the students the list and the thumbnails show (host:page). */
  private roster!: HostRoster;

  constructor() {
    super('HostScene');
  }

  init(data: HostData | undefined): void {
    this.code = normaliseCode(data?.code ?? '');
    this.hostKey = null;
    this.link = null;
    this.setupProblem = '';
    this.status = '';
    this.lastPhase = null;
    this.dropped = false;
    this.tab = 'join';
    this.confirming.end = null;
    this.confirming.close = null;
    this.closedBecause = '';
    this.generation++;
  }

  create(): void {
    this.header = this.add.text(0, 0, '', textStyle(18, UI.text, true));
    this.codeText = this.add.text(0, 0, '', textStyle(48, UI.text, true));
    this.linkText = this.add.text(0, 0, '', textStyle(14, UI.dim));
    this.roundName = this.add.text(0, 0, '', textStyle(16, UI.text, true)).setOrigin(0.5);
    this.sectionLabels = {
      round: this.add.text(0, 0, 'Round', textStyle(14, UI.dim, true)),
      joining: this.add.text(0, 0, 'Joining', textStyle(14, UI.dim, true)),
      board: this.add.text(0, 0, 'Leaderboard', textStyle(14, UI.dim, true)),
    };
    this.statusText = this.add.text(0, 0, '', textStyle(16, UI.dim));
    this.clockText = this.add.text(0, 0, '', textStyle(16, UI.text, true)).setOrigin(1, 0);
    this.time.addEvent({ delay: 500, loop: true, callback: () => this.tickClock() });
    this.qr = new QrView(this);
    this.players = new PlayerListView(this);
    this.players.events.on('kick', ({ playerId, nickname }) => {
      this.link?.post('host:kick', { playerId });
      this.setStatus(`Removed ${nickname} from the class.`, UI.dim);
    });
    this.players.events.on('confirm', () => this.publish());
    this.figures = new ClassFiguresView(this);
    this.thumbs = new HeapThumbnailsView(this);
    this.createButtons();
    this.roster = new HostRoster(this, this.buttons, (query) => this.post('host:page', query));
    this.picker = new RoundPickerDialog(this, {
      load: () => (this.hostKey ? listRounds(this.code, this.hostKey) : Promise.resolve([])),
      save: (settings) => (this.hostKey ? saveRound(this.code, this.hostKey, settings) : Promise.reject(new Error('no host key'))),
      pick: (round) => {
        this.chosen = { id: round.id, title: round.title };
        this.planRun = null;
        this.setStatus(`Next round: “${round.title}” (${roundLine(round)}).`, UI.dim);
      },
    });
    this.plans = new LessonPlanDialog(this, {
      host: () => (this.hostKey ? { code: this.code, hostKey: this.hostKey } : null),
      run: (plan) => this.queuePlan(plan),
      toggled: () => this.publish(),
    });
    this.wall = new HostWall(this, this.buttons, (body) => this.post('host:project', body), () => this.refresh(), (body) => this.post('host:time', body), () => this.revealPodium(), (playerId) => this.post('host:replay', { playerId }));
    this.thumbs.events.on('open', ({ playerId }) => {
      this.wall.open(playerId);
      this.refresh();
    });
    this.events.on('wake', this.refresh, this);
    this.scale.on('resize', this.refresh, this);
    this.events.once('shutdown', () => {
      this.scale.off('resize', this.refresh, this);
      this.events.off('wake', this.refresh, this);
    });
    this.refresh();
    void this.open();
  }

  private createButtons(): void {
    const b = new ButtonSet(this);
    this.buttons = b;
    const options = { fontSize: 18, height: BUTTON_HEIGHT };
    for (const { tab, label } of TABS) b.add(`tab-${tab}`, label, () => this.showTab(tab), { ...options, fontSize: 16, height: 44 });
    b.add('prevRound', '◀', () => this.pickRound(-1), { ...options, width: 56, label: 'Previous round' });
    b.add('nextRound', '▶', () => this.pickRound(1), { ...options, width: 56, label: 'Next round' });
    b.add('chooseRound', 'Choose or make a round…', () => this.picker.open(), { ...options, fontSize: 17 });
    b.add('lessonPlans', 'Lesson plans…', () => this.plans.open(), { ...options, fontSize: 17 });
    b.add('start', 'Start', () => this.startRound(), { ...options, fontSize: 17, primary: true });
    b.add('pause', 'Pause', () => this.pauseOrResume(), { ...options, fontSize: 17 });
    b.add('extend', '+30 s', () => this.post('host:extend', { seconds: 30 }), { ...options, fontSize: 17 });
    b.add('end', 'End', () => this.endRound(), { ...options, fontSize: 17 });
    b.add('lock', 'Lock joining', () => this.post('host:lock', { value: !(this.link?.state?.locked ?? false) }), options);
    b.add('lateJoin', 'Late join: on', () => this.post('host:late-join', { value: !(this.link?.state?.lateJoin ?? true) }), options);
    for (const mode of ['shown', 'anonymous', 'hidden'] as const) b.add(`board-${mode}`, BOARD_LABELS[mode], () => this.post('host:leaderboard', { mode }), options);
    b.add('projector', 'Open projector view', () => this.openProjector(), options);
    b.add('results', 'Download results (CSV)', () => void this.download(), options);
    b.add('closeClass', 'Close class', () => this.closeClass(), options);
    // After a lost connection, trying again is what the host wants: the primary action (and it happens by itself).
    b.add('retry', 'Try again now', () => this.scene.restart({ code: this.code }), { ...options, primary: true });
    b.add('newClass', 'Create a new class', () => this.scene.restart({}), options);
  }

  // ---- setting up ------------------------------------------------------------------------

  private async open(): Promise<void> {
    const generation = this.generation;
    try {
      if (this.code === '') {
        this.setStatus('Creating a class…', UI.dim);
        const created = await createClass();
        this.code = created.code;
        this.hostKey = created.hostKey;
        saveHostKey({ code: created.code, hostKey: created.hostKey });
        window.history.replaceState(null, '', `/?host=${encodeURIComponent(created.code)}`);
      } else {
        this.hostKey = loadHostKey(this.code);
        if (!this.hostKey) {
          this.setupProblem = `This browser does not hold the host key for class ${this.code}. Only the browser that created a class can host it.`;
          this.refresh();
          return;
        }
      }
      this.setStatus('Connecting…', UI.dim);
      const { room } = await hostClass(this.code, this.hostKey);
      if (generation !== this.generation || !this.sys.isActive()) {
        void room.leave(true);
        return;
      }
      this.link = new RoomLink(this, room, {
        onState: () => this.refresh(),
        onMessage: {
          refused: (payload) => this.setStatus(`Refused: ${(payload as Refusal).message}`, UI.bad),
          closed: (payload) => { this.closedBecause = closedWords(payload) ?? 'The class was closed.'; },
          replay: (payload) => this.openReplay(payload as ServerMessages['replay']),
        },
        onDrop: () => { this.dropped = true; this.refresh(); },
        onReconnect: () => { this.dropped = false; this.refresh(); },
        // At once: a restarted server is noticed as soon as it answers (net/server-restart.ts).
        onLeave: () => {
          this.link = null;
          if (this.closedBecause) this.classClosed();
          else this.lostConnection('The connection to the class was lost.', 0);
        },
      });
      this.roster.attach();
      this.setStatus('', UI.dim);
    } catch (error) {
      if (this.hostKey !== null && this.code !== '' && !isFinalRefusal(error)) return this.lostConnection(`Cannot reach the class: ${describeError(error)}.`);
      this.setupProblem = describeError(error);
      this.refresh();
    }
  }

  /**
   * The class's connection is gone (a restarted server, a network outage): say so, and try
   * again by itself as soon as the server answers (net/rejoin-when-up.ts), then about once
   * a second, until the dashboard is back; "Try again now" does not wait.
   */
  private lostConnection(why: string, delayMs = REJOIN_POLL_MS): void {
    this.setupProblem = `${why} Reconnecting by itself in a few seconds…`;
    this.refresh();
    const generation = this.generation;
    rejoinWhenServerAnswers(this, delayMs, () => {
      if (generation === this.generation && this.sys.isActive()) this.scene.restart({ code: this.code });
      return true;
    });
  }

  // ---- actions ------------------------------------------------------------------------------

  private post<T extends ClientMessageType>(type: T, body: ClientMessages[T]): void {
    this.link?.post(type, body);
  }

  private showTab(tab: Tab): void {
    this.tab = tab;
    this.refresh();
  }

  private pickRound(step: number): void {
    if (this.planRun) {
      this.planRun = stepPlan(this.planRun, step);
      return this.refresh();
    }
    const count = ROUND_CHOICES.length;
    this.roundIndex = (this.roundIndex + step + count) % Math.max(1, count);
    this.chosen = null;
    this.refresh();
  }

  private startRound(): void {
    const id = this.roundId();
    if (!id) return;
    this.post('host:start', { round: id });
    if (this.planRun) this.planRun = planRoundStarted(this.planRun);
    this.setStatus(`Starting “${this.roundLabel()}”…`, UI.dim);
  }

  /** The round Start starts: a running plan's queued one, else the one chosen in the picker, else the catalogue's under ◀ ▶. */
  private roundId(): string {
    if (this.planRun) return queuedRound(this.planRun).id;
    return this.chosen?.id ?? ROUND_CHOICES[this.roundIndex] ?? '';
  }

  private roundLabel(): string {
    if (this.planRun) return planChoiceTitle(this.planRun);
    return this.chosen?.title ?? roundTitle(this.roundId());
  }

  /** A lesson plan's rounds queue up in the round choice, its first one next (the Lesson plans dialog's Run). */
  private queuePlan(plan: Parameters<typeof runPlan>[0]): void {
    this.planRun = runPlan(plan);
    this.chosen = null;
    if (this.planRun) this.setStatus(`Lesson plan “${plan.title}”: ${plan.rounds.length === 1 ? 'its round is' : `its ${plan.rounds.length} rounds are`} queued; Start plays “${queuedRound(this.planRun).title}”.`, UI.dim);
  }

  /** A round ended: a running plan queues its next round (or is done), and the status says so in place of the usual words; null without a plan. */
  private planWords(roundNo: number): string | null {
    const before = this.planRun;
    if (!before) return null;
    this.planRun = planRoundOver(before);
    if (!this.planRun) return `Round ${roundNo} is over: lesson plan “${before.title}” done, all ${before.rounds.length} rounds played.`;
    return this.planRun === before ? null : `Round ${roundNo} is over. Next in the plan: “${queuedRound(this.planRun).title}”.`;
  }

  private pauseOrResume(): void {
    this.post(this.phase() === 'paused' ? 'host:resume' : 'host:pause', {});
  }

  /** Ending places whatever is left with the fallback policy, so it asks for a second press. */
  private endRound(): void {
    this.onSecondPress('end', () => {
      this.post('host:end', {});
      this.setStatus('Ending the round: the fallback policy places what is left.', UI.dim);
    });
  }

  /** Closing ends the class for good (students and projector are told), so it asks for a second press. */
  private closeClass(): void {
    this.onSecondPress('close', () => {
      this.post('host:close', {});
      this.setStatus('Closing the class…', UI.dim);
    });
  }

  /** A first press arms the button for CONFIRM_MS (its label asks "Sure?"); a second press within that time does `act`. */
  private onSecondPress(which: keyof HostScene['confirming'], act: () => void): void {
    const armed = this.confirming[which];
    if (armed) {
      armed.remove();
      this.confirming[which] = null;
      act();
      return;
    }
    this.confirming[which] = this.time.delayedCall(CONFIRM_MS, () => { this.confirming[which] = null; this.refresh(); });
    this.refresh();
  }

  /** The class is closed for good: say so; its results stay downloadable, and a new class is a press away. */
  private classClosed(): void {
    this.setupProblem = `${this.closedBecause} Students can no longer join it; its results stay downloadable.`;
    this.refresh();
  }

  /** The session's podium on every screen (host:podium): a countdown, then third, second, first. */
  private revealPodium(): void {
    this.post('host:podium', {});
    this.setStatus('Revealing the podium (totals across the rounds) on every screen: 3, 2, 1, then third, second, first.', UI.dim);
  }

  /** A student's finished round (host:replay's answer): the results and their replay over this (sleeping) dashboard. */
  private openReplay(replay: ServerMessages['replay']): void {
    if (!this.sys.isActive()) return;
    this.roster.hide();
    this.scene.launch('ResultsScene', { results: replay.results, title: `${replay.nickname} · ${replay.title}`, backTo: 'HostScene', player: replay.nickname });
    this.scene.sleep();
  }

  private openProjector(): void {
    window.open(`${window.location.origin}/?projector=${encodeURIComponent(this.code)}`, '_blank');
  }

  private async download(): Promise<void> {
    if (!this.hostKey) return;
    try {
      await downloadResults(this.code, this.hostKey);
      this.setStatus('Results downloaded (one row per student per round).', UI.dim);
    } catch (error) {
      this.setStatus(describeError(error), UI.bad);
    }
  }

  /** When the round's phase changes, the status says so (a "Starting…" or "Ending…" is done by then). */
  private notePhaseChange(): void {
    const phase = this.phase();
    if (phase === this.lastPhase) return;
    const before = this.lastPhase;
    this.lastPhase = phase;
    if (before === null) return;
    const roundNo = Number(this.link?.state?.roundNo ?? 0);
    const words: Partial<Record<ClassPhase, string>> = {
      playing: before === 'paused' ? 'Resumed: every clock runs again.' : `Round ${roundNo} is on: the students are placing blocks.`,
      paused: 'Paused: every clock has stopped and moves wait.',
      results: (phase === 'results' ? this.planWords(roundNo) : null) ?? `Round ${roundNo} is over: the podium is on the projector, and the results can be downloaded.`,
    };
    const text = words[phase];
    if (text) {
      this.status = text;
      this.statusColour = UI.dim;
    }
  }

  private setStatus(text: string, colour: string): void {
    this.status = text;
    this.statusColour = colour;
    this.refresh();
  }

  /** This dashboard's page of the roster, as the server keeps it (null before it has sent one). */
  private rosterPage(): ReturnType<typeof hostPageOf> {
    return hostPageOf(this.link?.state, this.link?.room.sessionId ?? '');
  }

  private phase(): ClassPhase {
    return classPhase(this.link?.state);
  }

  // ---- drawing --------------------------------------------------------------------------------

  /** The countdown moves on by itself; the +30 s button is there only while a round has a clock. */
  private tickClock(): void {
    const words = roundClockWords(this.link?.state, Date.now());
    if (words === this.clockText.text) return;
    this.clockText.setText(words);
    this.updateButtons();
    this.publish();
  }

  private refresh(): void {
    // Asleep under a student's results, the dashboard draws, lays out (its HTML bar included)
    // and publishes nothing; waking refreshes it.
    if (!this.header || this.sys.isSleeping()) return;
    this.notePhaseChange();
    this.updateButtons();
    this.layout();
    const state = this.link?.state;
    const page = this.rosterPage();
    this.roster.follow(page);
    this.roster.setOpen(this.wall.openStudent);
    this.players.setPage(page && { offset: page.offset, total: page.total, search: this.roster.current.search });
    this.players.show(playerRows(state, page?.ids));
    this.figures.show(classFigures(state));
    this.thumbs.show(heapThumbs(state, page?.ids));
    this.publish();
  }

  private updateButtons(): void {
    const b = this.buttons;
    const state = this.link?.state;
    const phase = this.phase();
    const connected = this.link !== null;
    const running = isRoundOn(phase);
    b.setEnabled('start', connected && !running && ROUND_CHOICES.length > 0);
    for (const name of PICKER_BUTTONS) b.setEnabled(name, !running && ROUND_CHOICES.length > 1);
    b.setEnabled('chooseRound', connected && !running);
    b.setEnabled('lessonPlans', connected);
    b.setLabel('start', isNextInPlan(this.planRun) ? 'Next round in plan' : 'Start');
    b.setLabel('pause', phase === 'paused' ? 'Resume' : 'Pause');
    b.setEnabled('pause', connected && running);
    b.setLabel('end', this.confirming.end ? 'Sure? End' : 'End');
    b.setEnabled('end', connected && running);
    b.setEnabled('extend', connected && roundTimeLeftMs(state, Date.now()) !== null);
    b.setLabel('lock', state?.locked ? 'Unlock joining' : 'Lock joining');
    b.setLabel('lateJoin', `Late join: ${state?.lateJoin ?? true ? 'on' : 'off'}`);
    for (const name of JOIN_BUTTONS) b.setEnabled(name, connected);
    const mode = boardMode(state);
    for (const m of ['shown', 'anonymous', 'hidden'] as const) {
      b.setLabel(`board-${m}`, m === mode ? `● ${BOARD_LABELS[m]}` : BOARD_LABELS[m]);
      b.setEnabled(`board-${m}`, connected);
    }
    b.setEnabled('projector', this.code !== '' && this.hostKey !== null);
    b.setEnabled('results', this.closedBecause !== '' || (connected && (state?.roundNo ?? 0) > 0 && (phase === 'results' || (state?.roundNo ?? 0) > 1)));
    b.setLabel('closeClass', this.confirming.close ? 'Sure? Close class' : 'Close class');
    b.setEnabled('closeClass', connected);
    for (const { tab, label } of TABS) b.setLabel(`tab-${tab}`, tab === this.tab ? `● ${label}` : label);
  }

  private layout(): void {
    const { width, height } = this.scale;
    const margin = screenMargin(width);
    const font = baseFontSize(width, height);
    const narrow = isNarrow(width);
    const state = this.link?.state;
    let area: Box = { x: margin, y: margin, w: width - 2 * margin, h: height - 2 * margin };

    const phase = this.phase();
    const count = state?.playerCount ?? 0;
    const round = state && state.roundNo > 0 ? ` · round ${state.roundNo} ${PHASE_WORDS[phase]}` : ` · ${PHASE_WORDS[phase]}`;
    const hosting = narrow ? 'Class' : 'Hosting class';
    const students = state ? ` · ${count} ${count === 1 ? 'student' : 'students'}${round}` : '';
    // While the class is out of reach the header says so, as the body does.
    const headline = this.setupProblem !== '' ? (this.code ? `Class ${this.code} · ${this.closedBecause ? 'closed' : 'not connected'}` : 'Hosting a class') : this.code ? `${hosting} ${this.code}${students}` : 'Hosting a class';
    const banner = this.dropped ? ' · connection lost, reconnecting…' : '';
    this.header.setFontSize(Math.round(font * 1.1)).setText(fitText(headline + banner, area.w, Math.round(font * 1.1), true)).setPosition(area.x, area.y);
    [, area] = takeTop(area, lineHeight(Math.round(font * 1.1)), 10);

    const setupShown = this.setupProblem !== '';
    this.buttons.setVisible(['newClass'], setupShown);
    // Without the key, trying again cannot help; after a lost connection it can; a closed class has its results instead.
    const closed = this.closedBecause !== '';
    const firstAction = closed ? 'results' : 'retry';
    this.buttons.setVisible(['retry'], setupShown && !closed && this.hostKey !== null);
    if (setupShown) {
      this.hideDashboard();
      this.buttons.setVisible(['results'], closed);
      this.statusText.setFontSize(font).setColor(closed ? UI.text : UI.bad).setWordWrapWidth(area.w).setText(this.setupProblem).setPosition(area.x, area.y).setVisible(true);
      const top = area.y + this.statusText.height + 16;
      const w = Math.min(300, area.w);
      const firstShown = closed || this.hostKey !== null;
      if (firstShown) this.buttons.place(firstAction, area.x + w / 2, top + BUTTON_HEIGHT / 2, w, BUTTON_HEIGHT);
      this.buttons.place('newClass', area.x + w / 2, top + BUTTON_HEIGHT * (firstShown ? 1.5 : 0.5) + (firstShown ? 12 : 0), w, BUTTON_HEIGHT);
      return;
    }

    this.tabbed = narrow;
    if (!narrow) {
      this.buttons.setVisible(TABS.map((t) => `tab-${t.tab}`), false);
      this.layoutPanels(area, font, null, 'two lines');
      this.tabbed = this.players.rowsThatFit() < listRowsBeside();
      // A status longer than the two lines kept for it pushes the list down.
      if (!this.tabbed && this.statusHeight(font) > this.controlsStatusRoom(font)) this.layoutPanels(area, font, null, 'as it is');
    }
    if (this.tabbed) {
      const [bar, rest] = takeTop(area, 44, 12);
      this.buttons.setVisible(TABS.map((t) => `tab-${t.tab}`), true);
      this.buttons.placeRow(TABS.map((t) => `tab-${t.tab}`), bar.x, bar.y, bar.w, 44, 6);
      this.layoutPanels(rest, font, { join: this.tab === 'join', round: this.tab === 'round', students: this.tab === 'students', class: this.tab === 'class' });
    }
    // A page holds what the list shows, so ◀ ▶ is the one paging control: the list never
    // scrolls within its page (the thumbnails show the same page, "+N more" where fewer fit).
    // On another tab the list keeps the page it had.
    if (!this.tabbed || this.tab === 'students') this.roster.setLimit(this.players.rowsThatFit());
  }

  private hideDashboard(): void {
    this.buttons.setVisible([...TABS.map((t) => `tab-${t.tab}`), ...ROUND_BUTTONS, ...JOIN_BUTTONS, ...BOARD_BUTTONS, ...PICKER_BUTTONS, ...CHOICE_ROW, ...SHARE_BUTTONS], false);
    for (const t of [this.codeText, this.linkText, this.roundName, this.clockText, ...Object.values(this.sectionLabels)]) t.setVisible(false);
    this.qr.setVisible(false);
    this.players.setVisible(false);
    this.roster.hide();
    this.figures.setVisible(false);
    this.thumbs.setVisible(false);
    this.wall.hide();
  }

  /** Lays out the four panels: all of them side by side (`only` null), or the one tab shown. */
  private layoutPanels(area: Box, font: number, only: Record<Tab, boolean> | null, status: StatusRoom = 'as it is'): void {
    const gap = screenMargin(this.scale.width);
    let join = area;
    let controls = area;
    let list = area;
    let figures = area;
    if (!only) {
      const [left, middle, right] = splitColumns(area, [0.8, 1, 1.15], gap);
      join = left ?? area;
      const controlsHeight = this.controlsHeight(font, middle?.w ?? area.w, status);
      [controls, list] = takeTop(middle ?? area, controlsHeight, gap);
      figures = right ?? area;
    }
    const shown = only ?? { join: true, round: true, students: true, class: true };
    this.layoutJoinPanel(join, font, shown.join);
    this.layoutControls(controls, font, shown.round);
    this.players.setVisible(shown.students);
    this.roster.hide();
    if (shown.students) {
      const rows = this.roster.layout(list, this.link !== null);
      this.players.layout(rows.x, rows.y, rows.w, rows.h, font);
    }
    this.layoutClassPanel(figures, font, shown.class, only !== null);
  }

  /** What the projector shows, then a student's heap when one is open, else the class figures and every heap. */
  private layoutClassPanel(box: Box, font: number, visible: boolean, tab: boolean): void {
    this.wall.hide();
    const state = this.link?.state;
    const connected = this.link !== null;
    const under = visible ? this.wall.layoutWallRow(box, font, state, connected) : box;
    const spotlight = visible && this.wall.layoutSpotlight(under, font, state, connected);
    this.figures.setVisible(visible && !spotlight);
    this.thumbs.setVisible(visible && !spotlight);
    if (!visible || spotlight) return;
    const [top, bottom] = twoRows(under, 1, tab ? 1 : 1.1, screenMargin(this.scale.width));
    this.figures.layout(top.x, top.y, top.w, top.h, font);
    this.thumbs.layout(bottom.x, bottom.y, bottom.w, bottom.h, font);
  }

  /** The join code, the QR code of the join link, the link, and the share buttons under them. */
  private layoutJoinPanel(box: Box, font: number, visible: boolean): void {
    this.codeText.setVisible(visible && this.code !== '');
    this.linkText.setVisible(visible && this.code !== '');
    this.qr.setVisible(visible && this.code !== '');
    this.buttons.setVisible(SHARE_BUTTONS, visible);
    if (!visible) return;
    const buttonsHeight = 3 * BUTTON_HEIGHT + 24;
    const codeSize = sizeToFit(this.code, box.w, Math.round(font * 3.2), font, true);
    this.codeText.setFontSize(codeSize).setText(this.code).setPosition(box.x + (box.w - this.codeText.width) / 2, box.y);
    const link = this.code ? joinLink(this.code) : '';
    const small = Math.max(12, Math.round(font * 0.85));
    this.linkText.setFontSize(small).setText(fitText(link, box.w, small));
    const qrTop = box.y + this.codeText.height + 8;
    const qrSide = Math.max(0, Math.min(box.w, box.y + box.h - qrTop - this.linkText.height - 16 - buttonsHeight));
    if (this.code) this.qr.show(link);
    this.qr.layout(box.x + (box.w - qrSide) / 2, qrTop, qrSide);
    this.linkText.setPosition(box.x + (box.w - this.linkText.width) / 2, qrTop + qrSide + 6);
    const buttonsTop = this.linkText.y + this.linkText.height + 12;
    this.buttons.placeRow(['projector'], box.x, buttonsTop, box.w, BUTTON_HEIGHT);
    this.buttons.placeRow(['results'], box.x, buttonsTop + BUTTON_HEIGHT + 12, box.w, BUTTON_HEIGHT);
    this.buttons.placeRow(['closeClass'], box.x, buttonsTop + 2 * (BUTTON_HEIGHT + 12), box.w, BUTTON_HEIGHT);
  }

  /** The room two lines of status take. */
  private controlsStatusRoom(font: number): number {
    return lineHeight(font, 2);
  }

  /** The status's height as last laid out (its words wrapped to the controls' width). */
  private statusHeight(font: number): number {
    return this.status ? Math.max(lineHeight(font), this.statusText.height) : 0;
  }

  /** The controls' height in a column `width` px wide: the status kept two lines, or as many lines as its words take there. */
  private controlsHeight(font: number, width: number, room: StatusRoom): number {
    const label = lineHeight(Math.round(font * 0.9)) + 4;
    const statusLines = room === 'two lines' ? this.controlsStatusRoom(font) : this.statusText.setFontSize(font).setWordWrapWidth(width).setText(this.status).height;
    const status = this.status ? statusLines + 8 : 0;
    return label + 3 * BUTTON_HEIGHT + 20 + 14 + label + BUTTON_HEIGHT + 14 + label + BUTTON_HEIGHT + 14 + status;
  }

  /** Round picker and controls, joining, leaderboard, and the status line. */
  private layoutControls(box: Box, font: number, visible: boolean): void {
    const names = [...ROUND_BUTTONS, ...PICKER_BUTTONS, ...CHOICE_ROW, ...JOIN_BUTTONS, ...BOARD_BUTTONS];
    this.buttons.setVisible(names, visible);
    this.roundName.setVisible(visible);
    this.clockText.setVisible(visible);
    for (const t of Object.values(this.sectionLabels)) t.setVisible(visible);
    this.statusText.setVisible(visible);
    if (!visible) return;
    const label = Math.round(font * 0.9);
    let y = box.y;
    const section = (text: Phaser.GameObjects.Text): void => {
      text.setFontSize(label).setPosition(box.x, y);
      y += lineHeight(label) + 4;
    };
    this.clockText.setVisible(visible).setFontSize(label).setText(roundClockWords(this.link?.state, Date.now())).setPosition(box.x + box.w, y);
    section(this.sectionLabels.round);
    const picker = 56;
    this.buttons.place('prevRound', box.x + picker / 2, y + BUTTON_HEIGHT / 2, picker, BUTTON_HEIGHT);
    this.buttons.place('nextRound', box.x + box.w - picker / 2, y + BUTTON_HEIGHT / 2, picker, BUTTON_HEIGHT);
    const title = this.roundLabel();
    const nameRoom = box.w - 2 * picker - 16;
    const nameSize = sizeToFit(title, nameRoom, font, Math.max(12, font - 4), true);
    this.roundName.setFontSize(nameSize).setText(fitText(title, nameRoom, nameSize, true)).setPosition(box.x + box.w / 2, y + BUTTON_HEIGHT / 2);
    y += BUTTON_HEIGHT + 10;
    // On a phone the two do not fit side by side: one above the other (the Round tab has the room).
    for (const row of isNarrow(this.scale.width) ? CHOICE_ROW.map((name) => [name]) : [CHOICE_ROW]) {
      this.buttons.placeRowFitted(row, box.x, y, box.w, BUTTON_HEIGHT);
      y += BUTTON_HEIGHT + 10;
    }
    this.buttons.placeRowFitted(ROUND_BUTTONS, box.x, y, box.w, BUTTON_HEIGHT);
    y += BUTTON_HEIGHT + 14;
    section(this.sectionLabels.joining);
    this.buttons.placeRow(JOIN_BUTTONS, box.x, y, box.w, BUTTON_HEIGHT);
    y += BUTTON_HEIGHT + 14;
    section(this.sectionLabels.board);
    this.buttons.placeRow(BOARD_BUTTONS, box.x, y, box.w, BUTTON_HEIGHT);
    y += BUTTON_HEIGHT + 14;
    this.statusText.setFontSize(font).setColor(this.statusColour).setWordWrapWidth(box.w).setText(this.status).setPosition(box.x, y);
  }

  // ---- tests --------------------------------------------------------------------------------------

  private publish(): void {
    const state = this.link?.state;
    readScreen(this, 'Host dashboard'); // the screen changed: its words for the accessibility layer too
    publishForTests({
      scene: 'HostScene',
      code: this.code,
      connected: this.link !== null && !this.dropped,
      sessionId: this.link?.room.sessionId ?? '',
      problem: this.setupProblem,
      phase: this.phase(),
      roundNo: state?.roundNo ?? 0,
      round: this.roundId(),
      roundTitle: this.roundLabel(),
      /** The title of the round the class plays (or played last). */
      playingTitle: state?.roundTitle ?? '',
      pickerOpen: this.picker.isOpen,
      plansOpen: this.plans.isOpen,
      planRun: this.planRun && { title: this.planRun.title, at: this.planRun.at, rounds: this.planRun.rounds.map((r) => r.id) },
      locked: state?.locked ?? false,
      lateJoin: state?.lateJoin ?? true,
      boardMode: boardMode(state),
      players: playerRows(state, this.rosterPage()?.ids),
      roster: { ...this.roster.current, total: this.rosterPage()?.total ?? 0 },
      leaderboard: boardRows(state),
      figures: classFigures(state),
      thumbs: heapThumbs(state, this.rosterPage()?.ids).map((t) => t.name),
      openStudent: this.wall.openStudent,
      roundClock: roundClockWords(state, Date.now()),
      projection: projectionShow(state),
      joinLink: this.code ? joinLink(this.code) : '',
      status: this.status,
      tab: this.tabbed ? this.tab : 'all',
      buttons: this.buttons.probes(),
      kicks: this.players.kickProbes(),
      texts: visibleTexts(this),
      width: this.scale.width,
      height: this.scale.height,
    });
  }
}
