// The projector view (`/?projector=CODE`), for the wall: it joins as the host (with
// the key this browser holds for the class) and shows, large, the join code and QR
// code in the lobby, the live leaderboard during a round (with a small code for late
// joiners), and a podium of the top three when the round is over; or what the host
// put up (`host:project`, projection.ts): one student's heap, the best and the worst
// beside a built-in policy's, or the class figures; and the podium reveal at the end of a
// session (`host:podium`, podium-reveal.ts): a countdown, then third, second, first.

import { readScreen } from '../../a11y/screen-text.ts';
import Phaser from 'phaser';
import { closedWords, describeError, hostClass, isFinalRefusal, joinLink } from '../../net/connection.ts';
import { UI, baseFontSize } from '../../palette.ts';
import { publishForTests } from '../../test-hook.ts';
import { fitText, lineHeight } from '../../views/labels.ts';
import { boardMode, boardRows, classFigures, classPhase, figureText, playerRows, VS_BEST_CAPTION, type ClassPhase, type ClassStateLike } from './class-state.ts';
import { loadHostKey, normaliseCode } from './host-key.ts';
import { isNarrow, screenMargin, takeTop, twoColumns, twoRows, type Box } from './layout.ts';
import { RoomLink } from '../../net/room-link.ts';
import { REJOIN_POLL_MS, rejoinWhenServerAnswers } from '../../net/rejoin-when-up.ts';
import { visibleTexts } from './screen-report.ts';
import { countInAt, roundClockWords } from './round-clock.ts';
import { Countdown } from '../play/Countdown.ts';
import { comparisonHeaps, spotlightHeap, wallScreen, type WallHeap, type WallScreen } from './projection.ts';
import { ClassFiguresView } from './views/ClassFiguresView.ts';
import { WallHeapsView } from './views/WallHeapsView.ts';
import { LeaderboardView } from './views/LeaderboardView.ts';
import { PodiumView } from './views/PodiumView.ts';
import { podiumPicture, shownPlaces } from './podium-reveal.ts';
import { isMotionReduced } from '../../a11y/comfort.ts';
import { QrView } from './views/QrView.ts';
import { sizeToFit, textStyle } from './views/text-style.ts';

export interface ProjectorData {
  readonly code?: string;
}

export class ProjectorScene extends Phaser.Scene {
  private code = '';
  private link: RoomLink<ClassStateLike> | null = null;
  private problem = '';
  private dropped = false;
  /** Why the class was closed for good (the `closed` message's words); then nothing reconnects. */
  private closedBecause = '';
  private clock!: Phaser.GameObjects.Text;
  private title!: Phaser.GameObjects.Text;
  private codeText!: Phaser.GameObjects.Text;
  private body!: Phaser.GameObjects.Text;
  private names!: Phaser.GameObjects.Text;
  private qr!: QrView;
  private board!: LeaderboardView;
  private podium!: PodiumView;
  private heaps!: WallHeapsView;
  private figures!: ClassFiguresView;
  /** A round's 3-2-1, large over the wall (MATCH-TIME-6). */
  private countdown!: Countdown;
  /** The 3-2-1's word as last drawn (null: none). */
  private countIn: string | null = null;

  constructor() {
    super('ProjectorScene');
  }

  init(data: ProjectorData | undefined): void {
    this.code = normaliseCode(data?.code ?? '');
    this.link = null;
    this.problem = '';
    this.dropped = false;
    this.closedBecause = '';
  }

  create(): void {
    this.title = this.add.text(0, 0, '', textStyle(40, UI.text, true));
    this.codeText = this.add.text(0, 0, '', textStyle(120, UI.text, true));
    this.body = this.add.text(0, 0, '', textStyle(24, UI.dim));
    this.names = this.add.text(0, 0, '', textStyle(22, UI.text));
    this.clock = this.add.text(0, 0, '', textStyle(40, UI.text, true)).setOrigin(1, 0);
    this.countdown = new Countdown(this);
    // The whole-round countdown and a round's 3-2-1 move on by themselves: the wall is laid out again when their words change.
    this.time.addEvent({ delay: 250, loop: true, callback: () => {
      const now = Date.now();
      if (roundClockWords(this.link?.state, now) !== this.clock.text || countInAt(this.link?.state, now) !== this.countIn) this.refresh();
    } });
    this.qr = new QrView(this);
    this.board = new LeaderboardView(this);
    this.podium = new PodiumView(this);
    this.heaps = new WallHeapsView(this);
    this.figures = new ClassFiguresView(this);
    this.scale.on('resize', this.refresh, this);
    this.events.once('shutdown', () => {
      this.scale.off('resize', this.refresh, this);
      this.countdown.destroy();
    });
    this.refresh();
    void this.open();
  }

  private async open(): Promise<void> {
    const key = this.code ? loadHostKey(this.code) : null;
    if (!key) {
      this.problem = this.code
        ? `This browser does not hold the host key for class ${this.code}. Open the projector view from the host's dashboard, in the same browser.`
        : 'No class code: open the projector view from the host\'s dashboard.';
      this.refresh();
      return;
    }
    try {
      const { room } = await hostClass(this.code, key);
      this.link = new RoomLink(this, room, {
        onState: () => this.refresh(),
        onMessage: { closed: (payload) => { this.closedBecause = closedWords(payload) ?? 'The class was closed.'; } },
        onDrop: () => { this.dropped = true; this.refresh(); },
        onReconnect: () => { this.dropped = false; this.refresh(); },
        // At once: a restarted server is noticed as soon as it answers (net/server-restart.ts).
        // A class closed for good is said as such, and nothing reconnects.
        onLeave: () => {
          this.link = null;
          if (this.closedBecause) {
            this.problem = `${this.closedBecause} You can close this window.`;
            this.refresh();
          } else this.reconnectSoon('The connection to the class was lost.', 0);
        },
      });
      this.refresh();
    } catch (error) {
      if (isFinalRefusal(error)) {
        this.problem = describeError(error);
        this.refresh();
      } else this.reconnectSoon(`Cannot reach the class: ${describeError(error)}.`);
    }
  }

  /** The projector finds its class again by itself (a restarted server, a network outage): nobody has to reload the wall. */
  private reconnectSoon(why: string, delayMs = REJOIN_POLL_MS): void {
    this.problem = `${why} Reconnecting by itself in a few seconds…`;
    this.refresh();
    rejoinWhenServerAnswers(this, delayMs, () => {
      if (this.sys.isActive()) this.scene.restart({ code: this.code });
      return true;
    });
  }

  private phase(): ClassPhase {
    return classPhase(this.link?.state);
  }

  private show(): WallScreen {
    return wallScreen(this.link?.state, this.problem !== '');
  }

  private refresh(): void {
    if (!this.title) return;
    const { width, height } = this.scale;
    const margin = screenMargin(width) * 1.5;
    const font = baseFontSize(width, height);
    let area: Box = { x: margin, y: margin, w: width - 2 * margin, h: height - 2 * margin };
    const show = this.show();
    // The whole-round countdown, large, on a line of its own at the top right while a round has one.
    const clock = show === 'problem' || show === 'join' ? '' : roundClockWords(this.link?.state, Date.now());
    this.clock.setVisible(clock !== '').setText(clock).setFontSize(Math.round(font * 1.5)).setPosition(area.x + area.w, area.y);
    if (clock) area = takeTop(area, this.clock.height, 8)[1];
    this.countIn = show === 'problem' ? null : countInAt(this.link?.state, Date.now());
    this.countdown.layout();
    this.countdown.showWord(this.countIn);
    for (const t of [this.codeText, this.names]) t.setVisible(false);
    this.qr.setVisible(false);
    this.board.setVisible(false);
    this.podium.setVisible(false);
    this.heaps.setVisible(false);
    this.figures.setVisible(false);
    if (show === 'problem') this.layoutProblem(area, font);
    else if (show === 'join') this.layoutJoin(area, font);
    else if (show === 'board') this.layoutBoard(area, font);
    else if (show === 'podium') this.layoutPodium(area, font);
    else if (show === 'reveal') this.layoutReveal(area, font);
    else if (show === 'figures') this.layoutFigures(area, font);
    else this.layoutHeaps(area, font, show === 'heap' ? this.spotlight() : comparisonHeaps(this.link?.state));
    this.publish(show);
  }

  private spotlight(): WallHeap[] {
    const projection = this.link?.state?.projection;
    const heap = projection ? spotlightHeap(this.link?.state, projection.playerId, projection.named) : null;
    return heap ? [heap] : [];
  }

  /** A heading over the whole wall: the round's title, and whether it is paused or over. */
  private layoutHeading(area: Box, font: number, what: string): Box {
    const state = this.link?.state;
    const phase = this.phase();
    const when = phase === 'paused' ? 'Paused · ' : phase === 'results' ? 'Round over · ' : '';
    const heading = `${when}${what}${state?.roundTitle ? ` · ${state.roundTitle}` : ''}${this.dropped ? ' · reconnecting…' : ''}`;
    const titleSize = sizeToFit(heading, area.w, Math.round(font * 1.5), font, true);
    this.title.setFontSize(titleSize).setWordWrapWidth(area.w).setText(fitText(heading, area.w, titleSize, true)).setPosition(area.x, area.y);
    this.body.setText('');
    return takeTop(area, this.title.height, 20)[1];
  }

  private layoutHeaps(area: Box, font: number, heaps: readonly WallHeap[]): void {
    const rest = this.layoutHeading(area, font, heaps.length > 1 ? 'Best and worst heap' : 'A heap from the class');
    this.heaps.setVisible(true);
    this.heaps.layout(rest.x, rest.y, rest.w, rest.h, Math.round(font * 1.3));
    this.heaps.show(heaps);
  }

  private layoutFigures(area: Box, font: number): void {
    const rest = this.layoutHeading(area, font, 'The class');
    this.figures.setVisible(true);
    this.figures.layout(rest.x, rest.y, rest.w, rest.h, Math.round(font * 1.4));
    this.figures.show(classFigures(this.link?.state));
  }

  private layoutProblem(area: Box, font: number): void {
    this.title.setFontSize(Math.round(font * 1.6)).setWordWrapWidth(area.w).setText(this.closedBecause ? 'Class closed' : 'Projector view').setPosition(area.x, area.y);
    this.body.setFontSize(font).setColor(this.closedBecause ? UI.text : UI.bad).setWordWrapWidth(area.w).setText(this.problem).setPosition(area.x, area.y + this.title.height + 16);
  }

  private layoutJoin(area: Box, font: number): void {
    const narrow = isNarrow(area.w);
    const state = this.link?.state;
    const [left, qrBox] = narrow ? [area, area] : twoColumns(area, 1.1, 1, area.w * 0.04);
    this.title.setFontSize(Math.round(font * 1.7)).setWordWrapWidth(left.w).setText('Join the class').setPosition(left.x, left.y);
    let y = left.y + this.title.height + 12;
    const codeSize = sizeToFit(this.code, left.w, Math.round(font * (narrow ? 3.5 : 7)), font, true);
    this.codeText.setVisible(true).setFontSize(codeSize).setText(this.code).setPosition(left.x, y);
    y += this.codeText.height + 8;
    const link = joinLink(this.code);
    const count = state?.playerCount ?? 0;
    const locked = state?.locked ? '\nJoining is locked.' : '';
    this.body.setFontSize(Math.round(font * 1.3)).setColor(UI.dim).setWordWrapWidth(left.w)
      .setText(`Scan the code, or open ${link.replace(/^https?:\/\//, '')}\n${count} ${count === 1 ? 'student has' : 'students have'} joined.${locked}`)
      .setPosition(left.x, y);
    y += this.body.height + 12;
    let qrTop = y;
    if (!narrow) {
      const names = playerRows(state).map((p) => p.nickname);
      const room = left.y + left.h - y;
      const nameSize = Math.round(font * 1.2);
      this.names.setVisible(names.length > 0 && room > lineHeight(nameSize)).setFontSize(nameSize).setWordWrapWidth(left.w);
      this.names.setText(this.fitNames(names, count, room, nameSize)).setPosition(left.x, y);
      qrTop = qrBox.y;
    }
    const box = narrow ? { x: area.x, y: qrTop, w: area.w, h: area.y + area.h - qrTop } : qrBox;
    const side = Math.min(box.w, box.h);
    this.qr.setVisible(true);
    this.qr.show(link);
    this.qr.layout(box.x + (box.w - side) / 2, box.y, side);
  }

  /** As many nicknames as fit a few lines, then "and N more" (the projector holds a page of the `count` students). */
  private fitNames(names: readonly string[], count: number, height: number, font: number): string {
    const lines = Math.max(0, Math.floor(height / lineHeight(font)));
    for (let shown = names.length; shown >= 0; shown--) {
      const rest = Math.max(names.length, count) - shown;
      const text = names.slice(0, shown).join('  ·  ') + (rest > 0 ? `  ·  and ${rest} more` : '');
      this.names.setText(text);
      if (this.names.height <= lines * lineHeight(font) + 2) return text;
    }
    return '';
  }

  private layoutBoard(area: Box, font: number): void {
    const state = this.link?.state;
    const narrow = isNarrow(area.w);
    const paused = this.phase() === 'paused';
    const heading = `${paused ? 'Paused · ' : ''}${state?.roundTitle ?? ''}`;
    const titleSize = sizeToFit(heading, area.w, Math.round(font * 1.7), font, true);
    this.title.setFontSize(titleSize).setWordWrapWidth(area.w).setText(fitText(heading, area.w, titleSize, true)).setPosition(area.x, area.y);
    const [, rest] = takeTop(area, this.title.height, 16);
    const lateJoin = state ? state.lateJoin && !state.locked : false;
    const [board, side] = narrow || !lateJoin ? [rest, null] : twoColumns(rest, 3, 1, area.w * 0.03);
    const finished = state?.finishedCount ?? 0;
    const status = `${finished} of ${state?.playerCount ?? 0} done${this.dropped ? ' · connection lost, reconnecting…' : ''}`;
    this.body.setFontSize(Math.round(font * 1.2)).setColor(UI.dim).setWordWrapWidth(board.w).setText(status);
    this.body.setPosition(board.x, board.y + board.h - this.body.height);
    this.board.setVisible(true);
    this.board.layout(board.x, board.y, board.w, board.h - this.body.height - 12, Math.round(font * (narrow ? 1.1 : 1.45)));
    this.board.show({
      rows: boardRows(state),
      title: boardMode(state) === 'anonymous' ? 'Leaderboard (names hidden)' : 'Leaderboard',
      caption: VS_BEST_CAPTION,
      emptyText: boardMode(state) === 'hidden' ? 'The leaderboard is hidden.' : 'No scores yet.',
    });
    if (side) {
      this.codeText.setVisible(true).setFontSize(sizeToFit(`Join late: ${this.code}`, side.w, font * 1.4, 12, true)).setText(`Join late: ${this.code}`).setPosition(side.x, side.y);
      const qrTop = side.y + this.codeText.height + 10;
      const qrSide = Math.min(side.w, side.h - (qrTop - side.y));
      this.qr.setVisible(true);
      this.qr.show(joinLink(this.code));
      this.qr.layout(side.x, qrTop, qrSide);
    }
  }

  private layoutPodium(area: Box, font: number): void {
    const state = this.link?.state;
    const narrow = isNarrow(area.w);
    const heading = `Round over: ${state?.roundTitle ?? ''}`;
    const titleSize = sizeToFit(heading, area.w, Math.round(font * 1.7), font, true);
    this.title.setFontSize(titleSize).setWordWrapWidth(area.w).setText(fitText(heading, area.w, titleSize, true)).setPosition(area.x, area.y);
    const [, rest] = takeTop(area, this.title.height, 20);
    const rows = boardRows(state);
    if (rows.length === 0) {
      const hidden = boardMode(state) === 'hidden';
      this.body.setFontSize(Math.round(font * 1.3)).setColor(UI.dim).setWordWrapWidth(rest.w)
        .setText(hidden ? 'The leaderboard is hidden.' : 'No one played this round.').setPosition(rest.x, rest.y);
      return;
    }
    this.body.setText('');
    const [podiumBox, boardBox] = narrow ? twoRows(rest, 1, 1, 16) : twoColumns(rest, 2, 1, area.w * 0.04);
    this.podium.setVisible(true);
    this.podium.layout(podiumBox.x, podiumBox.y, podiumBox.w, podiumBox.h, Math.round(font * (narrow ? 1.1 : 1.5)));
    this.podium.show({ count: 0, rows: rows.map((r) => ({ rank: r.rank, name: r.name, caption: `${figureText(r.vsBest)} vs best` })) });
    this.board.setVisible(true);
    this.board.layout(boardBox.x, boardBox.y, boardBox.w, boardBox.h, Math.round(font * (narrow ? 1 : 1.2)));
    this.board.show({ rows, title: 'Everyone', caption: VS_BEST_CAPTION });
  }

  /** The session's podium (host:podium): its countdown, then the places one after another, all the room's height. */
  private layoutReveal(area: Box, font: number): void {
    const heading = 'The podium: totals across the rounds';
    const titleSize = sizeToFit(heading, area.w, Math.round(font * 1.7), font, true);
    this.title.setFontSize(titleSize).setWordWrapWidth(area.w).setText(fitText(heading, area.w, titleSize, true)).setPosition(area.x, area.y);
    this.body.setText('');
    const [, rest] = takeTop(area, this.title.height, 20);
    this.podium.setVisible(true);
    this.podium.layout(rest.x, rest.y, rest.w, rest.h, Math.round(font * (isNarrow(area.w) ? 1.2 : 1.7)));
    this.podium.show(podiumPicture(this.link?.state, isMotionReduced()) ?? { count: 0, rows: [] });
  }

  private publish(show: WallScreen): void {
    const state = this.link?.state;
    readScreen(this, 'Projector'); // the screen changed: its words for the accessibility layer too
    publishForTests({
      scene: 'ProjectorScene',
      show,
      roundClock: this.clock.visible ? this.clock.text : '',
      countIn: this.countIn ?? '',
      code: this.code,
      problem: this.problem,
      connected: this.link !== null && !this.dropped,
      sessionId: this.link?.room.sessionId ?? '',
      phase: this.phase(),
      playerCount: state?.playerCount ?? 0,
      leaderboard: boardRows(state),
      podium: show === 'reveal' ? { count: podiumPicture(state, isMotionReduced())?.count ?? 0, places: shownPlaces(podiumPicture(state, isMotionReduced())) } : null,
      heaps: show === 'heap' ? this.spotlight().map((h) => h.label) : show === 'compare' ? comparisonHeaps(state).map((h) => h.label) : [],
      texts: visibleTexts(this),
      width: this.scale.width,
      height: this.scale.height,
    });
  }
}
