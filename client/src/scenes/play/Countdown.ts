// The visible 3-2-1 before a practice round's clock runs ([MATCH-TIME-4]): the room
// holds the clock until the player's first move or `resume`, which the scene sends when
// the count ends (after the level's explanation is closed). A move made meanwhile starts
// the clock at once, and the count goes away. A class round's 3-2-1 is timed by the
// server instead ([MATCH-TIME-6]): the student's screen and the projector show its word
// (`showWord`). Under reduced motion a practice round has no count: its clock runs once
// the explanation is closed.

import type Phaser from 'phaser';
import { UI } from '../../palette.ts';
import { reportDrawn } from '../../test-hook.ts';
import { isMotionReduced } from '../../a11y/comfort.ts';

const STEP_MS = 700;
const WORDS = ['3', '2', '1', 'Go!'] as const;

export class Countdown {
  private readonly scene: Phaser.Scene;
  private readonly text: Phaser.GameObjects.Text;
  /** A dark disc behind the word, so what is drawn under it (a heap, a panel's words) does not show through. */
  private readonly backdrop: Phaser.GameObjects.Arc;
  private timer: Phaser.Time.TimerEvent | null = null;
  /** The count has ended (or the clock started otherwise): it never runs again in this round. */
  private over = false;

  constructor(scene: Phaser.Scene) {
    this.scene = scene;
    this.backdrop = scene.add.circle(0, 0, 80, UI.background, 0.9).setDepth(57).setVisible(false);
    this.text = scene.add.text(0, 0, '', { fontFamily: 'system-ui, sans-serif', fontSize: '96px', fontStyle: 'bold', color: UI.text, stroke: UI.dark, strokeThickness: 8 })
      .setOrigin(0.5).setDepth(58).setVisible(false);
  }

  get done(): boolean {
    return this.over;
  }

  /** Counts 3, 2, 1, Go! and then calls `onDone`, once per round; nothing if it is counting or over. Under reduced motion there is no count: `onDone` at once. */
  run(onDone: () => void): void {
    if (this.over || this.timer) return;
    if (isMotionReduced()) {
      this.finish();
      reportDrawn('Countdown', { showing: null, skipped: true });
      return onDone();
    }
    let step = 0;
    this.say(WORDS[0]);
    this.timer = this.scene.time.addEvent({
      delay: STEP_MS,
      repeat: WORDS.length - 1,
      callback: () => {
        step++;
        const word = WORDS[step];
        if (word) return this.say(word);
        this.finish();
        onDone();
      },
    });
  }

  /** The word on screen now ('' when none). */
  get showing(): string {
    return this.text.visible ? this.text.text : '';
  }

  /** A class round's 3-2-1 as the server times it (MATCH-TIME-6: the scene reads the word from the state); null hides it. */
  showWord(word: string | null): void {
    if (this.timer || this.text.text === (word ?? '')) return;
    this.say(word);
  }

  /** Stops a count under way (the player opened the explanation again); it starts over when run. */
  cancel(): void {
    this.timer?.remove();
    this.timer = null;
    this.say(null);
  }

  /** The clock runs (the count ended, or the player moved first): no count any more. */
  finish(): void {
    this.cancel();
    this.over = true;
  }

  layout(): void {
    const { width, height } = this.scene.scale;
    const size = Math.round(Math.min(140, Math.max(64, height / 8)));
    this.text.setPosition(width / 2, height * 0.45).setFontSize(size);
    this.backdrop.setPosition(width / 2, height * 0.45).setRadius(size * 0.9);
  }

  destroy(): void {
    this.timer?.remove();
    this.text.destroy();
    this.backdrop.destroy();
  }

  private say(word: string | null): void {
    this.text.setText(word ?? '').setVisible(word !== null);
    this.backdrop.setVisible(word !== null);
    reportDrawn('Countdown', { showing: word });
  }
}
