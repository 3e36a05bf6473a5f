// What a class round adds to the play screen: the class panel (score, rank, the board
// when the host shows it, "Paused by the host"), the words when the host pauses or
// resumes or the student is done, the round's 3-2-1 as the server times it (MATCH-TIME-6),
// and the class's facts for the browser tests. It reads
// the classroom state; the play scene lays it out and asks it whether moves wait.

import type Phaser from 'phaser';
import type { ClassRoundFactsForTests } from '../../test-hook.ts';
import { UI } from '../../palette.ts';
import { boardMode, boardRows, classPhase, ownPlayer, standingText, type ClassStateLike } from '../class/class-state.ts';
import { ClassPanelView, type ClassPanel } from '../class/views/ClassPanelView.ts';
import { countInAt, roundClockWords } from '../class/round-clock.ts';
import { Countdown } from './Countdown.ts';

export class ClassRound {
  private readonly panel: ClassPanelView;
  private readonly state: () => ClassStateLike | undefined;
  private readonly playerId: string | undefined;
  /** The class room's session id (a new one after the student joined again). */
  private readonly sessionId: () => string;
  private wasPaused = false;
  private compact = false;
  /** The whole-round countdown as last drawn. */
  private clock = '';
  /** The round's 3-2-1, over the heap. */
  private readonly countdown: Countdown;

  /**
   * `onCount` is called when the 3-2-1's word on screen changes by itself (between state
   * changes), so the scene publishes what is drawn.
   */
  constructor(scene: Phaser.Scene, state: () => ClassStateLike | undefined, playerId: string | undefined, sessionId: () => string, onCount: () => void) {
    this.panel = new ClassPanelView(scene);
    this.state = state;
    this.playerId = playerId;
    this.sessionId = sessionId;
    this.countdown = new Countdown(scene);
    // The whole-round countdown and the 3-2-1 move on by themselves between state changes.
    scene.time.addEvent({ delay: 250, loop: true, callback: () => {
      const before = this.countdown.showing;
      this.countdown.showWord(countInAt(this.state(), Date.now()));
      if (this.countdown.showing !== before) onCount();
      if (roundClockWords(this.state(), Date.now()) !== this.clock) this.panel.show(this.panelData(this.compact));
    } });
  }

  /** Whether the host has paused the round (moves are refused meanwhile). */
  paused(): boolean {
    return classPhase(this.state()) === 'paused';
  }

  /** The panel's data: `compact` as a few lines above the meters, else a column. */
  panelData(compact: boolean): ClassPanel {
    const state = this.state();
    const me = ownPlayer(state, this.playerId);
    this.compact = compact;
    this.clock = roundClockWords(state, Date.now());
    return { paused: this.paused(), standing: standingText(state, me), clock: this.clock, mode: boardMode(state), rows: boardRows(state, me?.nickname), compact };
  }

  /** The panel's height as a few lines at `fontSize`. */
  compactHeight(fontSize: number): number {
    return ClassPanelView.compactHeight(this.panelData(true), fontSize);
  }

  layout(box: { x: number; y: number; w: number; h: number }, fontSize: number, compact: boolean): void {
    this.panel.show(this.panelData(compact));
    this.panel.layout(box.x, box.y, box.w, box.h, fontSize);
    this.countdown.layout();
    this.countdown.showWord(countInAt(this.state(), Date.now()));
  }

  /**
   * A redraw's class part. Returns words for the status line when the pause changed or
   * the student is done (and whether the panel's lines changed, so the screen is laid
   * out again); otherwise refreshes the panel.
   */
  update(done: boolean, compact: boolean): { status: { text: string; colour: string } | null; relayout: boolean } {
    const paused = this.paused();
    if (paused !== this.wasPaused) {
      this.wasPaused = paused;
      // The panel gains or loses its pause line: the scene lays the board out again.
      return {
        status: paused
          ? { text: 'Paused by the host: your clock has stopped and moves wait.', colour: UI.bad }
          : { text: 'The host resumed the round: go on.', colour: UI.good },
        relayout: true,
      };
    }
    this.panel.show(this.panelData(compact));
    return { status: done ? { text: 'All your requests are dealt with. Waiting for the others…', colour: UI.good } : null, relayout: false };
  }

  /** What a class adds to the published view: the classroom's phase, the pause, score, rank and board. */
  facts(): ClassRoundFactsForTests | null {
    const state = this.state();
    if (!state) return null;
    const me = ownPlayer(state, this.playerId);
    return {
      classPhase: classPhase(state),
      sessionId: this.sessionId(),
      paused: this.paused(),
      roundNo: state.roundNo ?? 0,
      nickname: me?.nickname ?? '',
      score: me?.score ?? 0,
      rank: me?.rank ?? 0,
      boardMode: boardMode(state),
      leaderboard: boardRows(state, me?.nickname),
      roundClock: roundClockWords(state, Date.now()),
      // What is drawn (the 3-2-1 follows the server's time on its own tick), so a test waits on the screen.
      countIn: this.countdown.showing,
    };
  }

  destroy(): void {
    this.panel.destroy();
    this.countdown.destroy();
  }
}
