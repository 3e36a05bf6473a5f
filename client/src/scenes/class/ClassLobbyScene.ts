// A student's screen in a class, from the moment they joined: the lobby ("waiting
// for the host"), their nickname and the class code; during a round, the PlayScene's
// full board (launched over this scene, which sleeps until the round ends or the
// class is gone); after a round, their heap as it ended, their own results ("How did
// I do?", the ResultsScene over this scene) and, when the host shows it, the
// leaderboard and their own rank; the session's podium when the host reveals it
// (podium-reveal.ts: a countdown, then third, second, first). Also what happens
// when the connection drops (shown, and the SDK reconnects by itself), when it is
// gone (a Rejoin button, also for a student taken off the PlayScene) and when the
// host removes them.

import { refusalWords } from '../../../../shared/match/refusal-words.ts';
import { announce } from '../../a11y/announcer.ts';
import { readScreen } from '../../a11y/screen-text.ts';
import Phaser from 'phaser';
import type { Room } from '@colyseus/sdk';
import { closedWords, describeError, forgetClass, isFinalRefusal, joinClass, type Refusal, type Welcome } from '../../net/connection.ts';
import { UI, baseFontSize } from '../../palette.ts';
import { publishForTests } from '../../test-hook.ts';
import { HeapView } from '../../views/HeapView.ts';
import { fitText, lineHeight } from '../../views/labels.ts';
import {
  boardMode, boardRows, classPhase, heapLineOf, isRoundOn, ownHeap, ownPlayer, standingText, VS_BEST_CAPTION,
  type ClassPhase, type MatchLike,
  type ClassStateLike,
} from './class-state.ts';
import { isNarrow, screenMargin, takeTop, twoColumns, type Box } from './layout.ts';
import { RoomLink } from '../../net/room-link.ts';
import { rejoinWhenServerAnswers } from '../../net/rejoin-when-up.ts';
import { addressProbes } from '../../test-probe.ts';
import { ButtonSet, visibleTexts } from './screen-report.ts';
import { LeaderboardView } from './views/LeaderboardView.ts';
import { PodiumView } from './views/PodiumView.ts';
import { podiumOn, podiumPicture, shownPlaces } from './podium-reveal.ts';
import { isMotionReduced } from '../../a11y/comfort.ts';
import { textStyle } from './views/text-style.ts';

export interface LobbyData {
  readonly classRoom: Room;
  readonly welcome?: Welcome;
}

type Mode = 'class' | 'kicked' | 'gone' | 'closed';

/**
 * About the height the heap view needs: rows of (ruler, bar, two label lanes) as
 * HeapView lays them out at this text size, one row per 2 px a byte needs beyond the
 * width (HeapView wraps below 2 px a byte), at most four rows (then it scrolls).
 */
function heapHeightFor(extent: number, width: number, font: number): number {
  const small = Math.max(11, Math.round(font * 0.82));
  const band = lineHeight(small) + 8 + Math.max(34, lineHeight(font, 2) + 8) + 8 + 2 * (lineHeight(small) + 2) + 6;
  const rows = Math.max(1, Math.min(4, Math.ceil((extent * 2) / Math.max(1, width))));
  return rows * band + 4;
}

export class ClassLobbyScene extends Phaser.Scene {
  private link!: RoomLink<ClassStateLike>;
  private welcome: Welcome | undefined;
  private mode: Mode = 'class';
  private handedRound = -1;
  /** The finished round's own results (JSON, sent by the room to this student), for "How did I do?". */
  private results: string | null = null;
  /** Whether the ResultsScene is showing them over this (sleeping) scene. */
  private resultsShown = false;
  private dropped = false;
  /** Why the class was closed for good (the `closed` message's words). */
  private closedBecause = '';
  private status = '';
  private statusColour: string = UI.dim;
  /** Where the last move tried to put the block: the spot a refusal is shown at. */
  private heapView: HeapView | null = null;
  private board!: LeaderboardView;
  private podium!: PodiumView;
  private buttons!: ButtonSet;
  /** The headline last announced (a11y/announcer.ts). */
  private spokenHeadline = '';
  private header!: Phaser.GameObjects.Text;
  private banner!: Phaser.GameObjects.Text;
  private headline!: Phaser.GameObjects.Text;
  private details!: Phaser.GameObjects.Text;
  private statusText!: Phaser.GameObjects.Text;
  private heapBox: Box = { x: 0, y: 0, w: 0, h: 0 };

  constructor() {
    super('ClassLobbyScene');
  }

  init(data: LobbyData): void {
    this.welcome = data.welcome;
    this.mode = 'class';
    this.dropped = false;
    this.closedBecause = '';
    this.spokenHeadline = '';
    this.status = '';
    this.heapView = null;
    this.handedRound = -1;
    this.results = null;
    this.resultsShown = false;
    this.link = new RoomLink(this, data.classRoom, {
      onState: () => this.refresh(),
      onMessage: {
        refused: (payload) => this.setStatus(`Refused: ${refusalWords(payload as Refusal)}`, UI.bad),
        ack: () => this.setStatus('', UI.dim),
        kicked: () => { this.mode = 'kicked'; },
        closed: (payload) => this.classClosed(closedWords(payload) ?? 'The class was closed.'),
        results: (payload) => {
          this.results = typeof payload === 'string' ? payload : null;
          this.refresh();
        },
      },
      onDrop: () => { this.dropped = true; this.refresh(); },
      onReconnect: () => { this.dropped = false; this.refresh(); },
      onLeave: () => {
        if (this.mode === 'class') {
          this.mode = 'gone';
          // At once: a restarted server is noticed as soon as it answers (net/server-restart.ts).
          this.rejoinSoon();
        }
        this.refresh();
      },
    });
  }

  create(): void {
    this.header = this.add.text(0, 0, '', textStyle(16, UI.text, true));
    this.banner = this.add.text(0, 0, '', { ...textStyle(16, UI.dark, true), backgroundColor: '#f0e442', padding: { x: 8, y: 4 } });
    this.headline = this.add.text(0, 0, '', textStyle(24, UI.text, true));
    this.details = this.add.text(0, 0, '', textStyle(16, UI.dim));
    this.statusText = this.add.text(0, 0, '', textStyle(16, UI.dim));
    this.board = new LeaderboardView(this);
    this.podium = new PodiumView(this);
    this.buttons = new ButtonSet(this);
    this.buttons.add('title', 'Back to the title', () => this.leaveForTitle(), { width: 240, height: 52, fontSize: 18 });
    this.buttons.add('rejoin', 'Rejoin the class', () => void this.rejoin(), { width: 240, height: 52, fontSize: 18, primary: true });
    this.buttons.add('results', 'How did I do? (R)', () => this.showResults(), { width: 240, height: 52, fontSize: 18, primary: true, key: 'R' });
    this.scale.on('resize', this.refresh, this);
    // Woken when the PlayScene's round ends, or by the ResultsScene's "Back to the class":
    // draw (and publish) this scene again once it is back.
    this.events.on('wake', this.onWake, this);
    this.events.once('shutdown', () => {
      this.scale.off('resize', this.refresh, this);
      this.events.off('wake', this.onWake, this);
      this.heapView?.destroy();
      this.heapView = null;
    });
    this.refresh();
  }

  private phase(): ClassPhase {
    return classPhase(this.link.state);
  }

  private heap(): MatchLike | null {
    return ownHeap(this.link.state, this.welcome?.playerId);
  }

  private nickname(): string {
    return ownPlayer(this.link.state, this.welcome?.playerId)?.nickname ?? this.welcome?.nickname ?? '';
  }

  private setStatus(text: string, colour: string): void {
    this.status = text;
    this.statusColour = colour;
    this.refresh();
  }

  // ---- leaving, rejoining ----------------------------------------------------------

  /** The class is closed for good (by the host, or idle): say so; nothing rejoins it. */
  private classClosed(words: string): void {
    this.mode = 'closed';
    this.closedBecause = words;
    forgetClass(this.link.state?.code ?? this.welcome?.code ?? '');
    this.refresh();
  }

  private leaveForTitle(): void {
    this.link.leave();
    this.scene.start('TitleScene');
  }

  private async rejoin(): Promise<boolean> {
    const code = this.link.state?.code ?? this.welcome?.code ?? '';
    this.setStatus('Rejoining…', UI.dim);
    try {
      const { room, welcome } = await joinClass(code, this.nickname());
      this.scene.restart({ classRoom: room, welcome });
      return true;
    } catch (error) {
      this.setStatus(describeError(error), UI.bad);
      return isFinalRefusal(error);
    }
  }

  /**
   * The class is gone (a restarted server, an outage longer than the SDK's retries): come
   * back to the seat by itself as soon as the server answers (net/rejoin-when-up.ts), and
   * again until it works or is refused for good; not while the student reads results over
   * this scene (it waits until they close them).
   */
  private rejoinSoon(): void {
    rejoinWhenServerAnswers(this, 0, async () => {
      if (this.mode !== 'gone') return true;
      return this.sys.isActive() ? this.rejoin() : false;
    });
  }

  // ---- drawing -------------------------------------------------------------------------

  private refresh(): void {
    if (!this.header) return;
    const state = this.link.state;
    const phase = this.phase();
    const roundNo = state?.roundNo ?? 0;
    if (this.scene.isSleeping() && this.resultsShown) {
      // The student is reading their results over this scene: leave them there until
      // the next round starts, the host reveals the session's podium, or the class is gone.
      if (this.mode === 'class' && !(isRoundOn(phase) && this.handedRound !== roundNo) && !this.podiumShown()) return;
      this.resultsShown = false;
      this.scene.stop('ResultsScene');
      this.scene.wake();
    } else if (this.scene.isSleeping()) {
      // The PlayScene has the round; take the student back when the round is over
      // (results and the leaderboard are shown here) or the class is gone.
      if (this.mode === 'class' && isRoundOn(phase)) return;
      this.scene.stop('PlayScene');
      this.scene.wake();
    }
    if (!this.scene.isSleeping() && this.mode === 'class' && isRoundOn(phase) && this.handedRound !== roundNo) this.results = null;
    if (this.scene.isSleeping()) return;
    if (this.mode === 'class' && isRoundOn(phase) && this.handedRound !== roundNo && this.heap()) {
      // This scene sleeps under the PlayScene with its room listeners on, to wake at the round's end.
      this.handedRound = roundNo;
      this.scene.launch('PlayScene', { classRoom: this.link.room, title: state?.roundTitle ?? 'Class round', playerId: this.welcome?.playerId });
      this.scene.sleep();
      return;
    }
    const heap = this.heap();
    const showHeap = this.mode === 'class' && heap !== null && (isRoundOn(phase) || phase === 'results') && !this.podiumShown();
    if (showHeap && !this.heapView) this.createHeapView();
    if (!showHeap && this.heapView) {
      this.heapView.destroy();
      this.heapView = null;
    }
    this.layout(showHeap);
    this.publish();
  }

  private onWake(_sys: unknown, data?: { fromResults?: boolean }): void {
    if (data?.fromResults) this.resultsShown = false;
    this.refresh();
  }

  /** The student's own results of the round just over (every policy and the clairvoyant beside them), over this scene. */
  private showResults(): void {
    if (!this.results || this.phase() !== 'results') return;
    this.resultsShown = true;
    this.scene.launch('ResultsScene', { results: this.results, title: this.link.state?.roundTitle ?? 'Class round', backTo: 'ClassLobbyScene' });
    this.scene.sleep();
  }

  /** Whether the session's podium is up (the host's reveal, between rounds). */
  private podiumShown(): boolean {
    return this.mode === 'class' && podiumOn(this.link.state) && !isRoundOn(this.phase());
  }

  private createHeapView(): void {
    // The heap as the round left it (the round itself is played on the PlayScene): hover shows what each block was.
    const view = new HeapView(this, 5);
    view.enableInput({ keyboard: false });
    this.heapView = view;
  }

  private layout(showHeap: boolean): void {
    const { width, height } = this.scale;
    const margin = screenMargin(width);
    const font = baseFontSize(width, height);
    const narrow = isNarrow(width);
    const state = this.link.state;
    const phase = this.phase();
    const code = state?.code ?? this.welcome?.code ?? '';
    let area: Box = { x: margin, y: margin, w: width - 2 * margin, h: height - 2 * margin };

    const who = this.nickname();
    this.header.setFontSize(font).setText(fitText(`Class ${code}${who ? ` · you are ${who}` : ''}`, area.w, font, true)).setPosition(area.x, area.y);
    [, area] = takeTop(area, lineHeight(font), 8);
    this.banner.setFontSize(font).setVisible(this.dropped && this.mode === 'class').setText(fitText('Connection lost: reconnecting…', area.w - 16, font, true)).setPosition(area.x, area.y);
    if (this.banner.visible) [, area] = takeTop(area, this.banner.height, 8);

    const big = Math.round(font * (narrow ? 1.45 : 1.7));
    const [headline, detail] = this.words(phase);
    this.sayNews(headline, detail, phase);
    this.headline.setFontSize(big).setWordWrapWidth(area.w).setText(headline).setPosition(area.x, area.y);
    [, area] = takeTop(area, this.headline.height, 6);
    this.details.setFontSize(font).setWordWrapWidth(area.w).setText(detail).setPosition(area.x, area.y);
    [, area] = takeTop(area, this.details.height, 12);

    const buttonsShown = this.mode !== 'class';
    this.buttons.setVisible(['title'], buttonsShown);
    this.buttons.setVisible(['rejoin'], this.mode === 'gone');
    const resultsReady = this.mode === 'class' && phase === 'results' && this.results !== null;
    this.buttons.setVisible(['results'], resultsReady);
    if (resultsReady) {
      const w = Math.min(260, area.w);
      this.buttons.place('results', area.x + w / 2, area.y + 26, w, 52);
      [, area] = takeTop(area, 60, 8);
    }
    if (buttonsShown) {
      const w = Math.min(260, area.w);
      this.buttons.place('rejoin', area.x + w / 2, area.y + 26, w, 52);
      this.buttons.place('title', area.x + w / 2, area.y + (this.mode === 'gone' ? 88 : 26), w, 52);
      [, area] = takeTop(area, this.mode === 'gone' ? 120 : 60, 8);
    }

    this.statusText.setFontSize(font).setWordWrapWidth(area.w).setColor(this.statusColour).setText(this.status);
    let boardBox = area;
    if (showHeap && this.heapView) {
      const [main, side] = narrow ? [area, area] : twoColumns(area, 2, 1, margin);
      // The status (a refusal in words) sits above the heap, close to where the student looks.
      this.statusText.setWordWrapWidth(main.w).setPosition(main.x, main.y);
      const statusHeight = this.status ? this.statusText.height + 8 : 0;
      const heap = this.heap();
      const extent = heap ? (heapLineOf(heap).extent ?? 1) : 1;
      const heapHeight = Math.min((main.h - statusHeight) * (narrow ? 0.6 : 0.8), heapHeightFor(extent, main.w, font));
      this.heapBox = { x: main.x, y: main.y + statusHeight, w: main.w, h: heapHeight };
      this.heapView.layout(this.heapBox.x, this.heapBox.y, this.heapBox.w, this.heapBox.h);
      this.drawHeap();
      const below = this.heapBox.y + heapHeight + 8;
      boardBox = narrow ? { x: area.x, y: below, w: area.w, h: area.y + area.h - below } : side;
    } else {
      this.statusText.setPosition(area.x, area.y);
      if (this.status) [, boardBox] = takeTop(area, this.statusText.height, 12);
    }
    const mode = boardMode(state);
    const podium = this.podiumShown();
    this.podium.setVisible(podium);
    if (podium) {
      this.podium.layout(boardBox.x, boardBox.y, boardBox.w, Math.min(boardBox.h, height - margin - boardBox.y), Math.round(font * 1.2));
      this.podium.show(podiumPicture(state, isMotionReduced()) ?? { count: 0, rows: [] });
    }
    const showBoard = !podium && this.mode === 'class' && ((state?.roundNo ?? 0) > 0 || (state?.leaderboard ? [...state.leaderboard].length > 0 : false));
    this.board.setVisible(showBoard);
    this.board.layout(boardBox.x, boardBox.y, boardBox.w, Math.min(boardBox.h, height - margin - boardBox.y), font);
    this.board.show({
      rows: boardRows(state, this.nickname()),
      title: mode === 'anonymous' ? 'Leaderboard (names hidden)' : 'Leaderboard',
      caption: VS_BEST_CAPTION,
      emptyText: mode === 'hidden' ? 'The host has hidden the leaderboard.' : 'No scores yet.',
    });
  }

  private drawHeap(): void {
    const heap = this.heap();
    const view = this.heapView;
    if (!heap || !view) return;
    view.show(heapLineOf(heap));
  }

  /** A new headline is news for the live region: the end of a round (with the standing) and a lost seat at once. */
  private sayNews(headline: string, detail: string, phase: ClassPhase): void {
    if (headline === this.spokenHeadline) return;
    this.spokenHeadline = headline;
    announce(`${headline}. ${detail.replace(/\n/g, ' ')}`, phase === 'results' || this.mode !== 'class' ? 'assertive' : 'polite');
  }

  /** The big line and the smaller words under it, for the mode and phase. */
  private words(phase: ClassPhase): [string, string] {
    const state = this.link.state;
    if (this.mode === 'kicked') return ['The host removed you from the class.', 'Ask your teacher if this was a mistake.'];
    if (this.mode === 'closed') return [this.closedBecause, 'Your results stay with your teacher. You can close this page.'];
    if (this.mode === 'gone') return ['The connection to the class was lost.', 'Coming back to your seat (and your heap) by itself; Rejoin does it now.'];
    const standing = standingText(state, ownPlayer(state, this.welcome?.playerId));
    const title = state?.roundTitle ?? '';
    if (phase === 'lobby') {
      const count = state?.playerCount ?? 0;
      return ['Waiting for the host to start a round…', `${count} ${count === 1 ? 'student' : 'students'} in the class. Keep this page open.`];
    }
    if (this.podiumShown()) return ['The podium', 'The totals across the rounds: third, second, then first.'];
    if (phase === 'results') return [`Round over: ${title}`, `${standing}\nWaiting for the host's next round.`];
    // A round is on: the PlayScene takes it as soon as this student's heap is there.
    return [title, this.heap() ? standing : 'Joining the round…'];
  }

  // ---- tests ---------------------------------------------------------------------------

  private publish(): void {
    const state = this.link.state;
    readScreen(this, `Class ${state?.code ?? ''}: your seat`); // the screen changed: its words for the accessibility layer too
    const heap = this.heap();
    const me = ownPlayer(state, this.welcome?.playerId);
    publishForTests({
      scene: 'ClassLobbyScene',
      mode: this.mode,
      code: state?.code ?? '',
      nickname: this.nickname(),
      phase: this.phase(),
      roundNo: state?.roundNo ?? 0,
      roundTitle: state?.roundTitle ?? '',
      boardMode: boardMode(state),
      leaderboard: boardRows(state, this.nickname()),
      podium: this.podiumShown() ? { count: podiumPicture(state, isMotionReduced())?.count ?? 0, places: shownPlaces(podiumPicture(state, isMotionReduced())) } : null,
      score: me?.score ?? 0,
      rank: me?.rank ?? 0,
      dropped: this.dropped,
      version: heap?.version ?? -1,
      pending: heap?.hasPending && heap.pending ? { id: heap.pending.id, size: heap.pending.size } : null,
      blocks: heap ? [...heap.regions].filter((r) => r.state === 'live').map((r) => ({ id: r.id, address: r.start, size: r.size })) : [],
      status: this.status,
      probes: addressProbes(this.heapView, this.heapBox.x + this.heapBox.w),
      holes: this.heapView?.holes().map((h) => h.start) ?? [],
      focusedHole: this.heapView?.focusedHole()?.index ?? null,
      texts: visibleTexts(this),
      buttons: this.buttons.probes(),
      width: this.scale.width,
      height: this.scale.height,
    });
  }
}
