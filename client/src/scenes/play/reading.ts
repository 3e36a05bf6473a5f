// The explanation panel's wiring on the play screen: the level's explanation and tips
// (ExplanationPanel.ts), the 3-2-1 (Countdown.ts) and, in solo practice, the round's
// clock standing still while the player reads (the explanation or the failure card is
// open: `pause`, then `resume`). Before the round has started the room holds the clock
// anyway ([MATCH-TIME-4]): closing the explanation runs the 3-2-1, which then sends
// `resume` (a move made meanwhile starts the clock itself). The explanation's words go
// to the accessibility layer while it is open.

import type Phaser from 'phaser';
import type { Level } from '../../../../shared/levels/levels.ts';
import type { PlayAccess } from '../../a11y/play-access.ts';
import { Countdown } from './Countdown.ts';
import { ExplanationPanel } from './ExplanationPanel.ts';
import type { PlaySession } from './session.ts';

/** What the reading wiring asks of the play screen. */
export interface ReadingContext {
  readonly session: PlaySession;
  readonly access: () => PlayAccess;
  /** The failure card (EventShow) or the leave question (LeaveConfirm) holds the round. */
  readonly holding: () => boolean;
  /** Reading started or stopped: the screen redraws. */
  readonly changed: () => void;
}

export class PlayReading {
  readonly explanation: ExplanationPanel;
  /** The 3-2-1 before a practice round's clock runs. */
  readonly countdown: Countdown;
  private readonly ctx: ReadingContext;
  private readonly level: Level | null;
  private readonly scene: Phaser.Scene;
  /** Whether the room was last told the player is reading. */
  private sent = false;

  constructor(scene: Phaser.Scene, level: Level | null, ctx: ReadingContext) {
    this.scene = scene;
    this.level = level;
    this.ctx = ctx;
    this.explanation = new ExplanationPanel(scene, level, () => this.readingChanged());
    this.countdown = new Countdown(scene);
    this.explainInWords();
  }

  /** The explanation is open (keys go to it, moves wait). */
  get explaining(): boolean {
    return this.explanation.visible;
  }

  toggleExplanation(): void {
    this.explanation.toggle();
  }

  /** The level's next tip in words, null when it has none. */
  nextTip(): string | null {
    return this.explanation.nextTip();
  }

  /** The room is joined: its clock waits until the player has read the explanation; without one, the 3-2-1 starts it. */
  joined(): void {
    if (this.explanation.visible) this.sendReading();
    else if (!this.ctx.session.inClass) this.countdown.run(() => this.ctx.session.link?.post('resume', {}));
  }

  /** The explanation or the failure card opened or closed: the clock follows, the results wait, the tests hear of it. */
  readingChanged(): void {
    this.sendReading();
    this.explainInWords();
    this.ctx.changed();
  }

  /** The clock runs (the count ended, or the player moved first): the count has no more to do. */
  clockRuns(): void {
    if (!this.countdown.done) this.countdown.finish();
  }

  layout(): void {
    this.explanation.layout();
    this.countdown.layout();
  }

  destroy(): void {
    this.countdown.destroy();
  }

  private sendReading(): void {
    const { session } = this.ctx;
    const reading = this.explanation.visible || this.ctx.holding();
    const link = session.link;
    if (!link || session.inClass || reading === this.sent || session.match()?.phase === 'done') return;
    this.sent = reading;
    if (this.countdown.done) link.post(reading ? 'pause' : 'resume', {});
    else if (reading) this.countdown.cancel();
    else this.countdown.run(() => session.link?.post('resume', {}));
  }

  /** The explanation for the accessibility layer, while it is open. */
  private explainInWords(): void {
    const text = this.level && this.explanation.visible ? `${this.level.title}. ${this.level.explanation}` : null;
    const scale = this.scene.scale;
    this.ctx.access().setExplanation(text, () => this.explanation.visible && this.toggleExplanation(), () => ({ x: scale.width / 2, y: scale.height / 3 }));
  }
}
