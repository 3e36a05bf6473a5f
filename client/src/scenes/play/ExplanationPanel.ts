// A practice level's idea in plain words, shown over the heap when the level starts
// (Enter, E or a click closes it), and its tips one at a time. With no level (the
// warm-up, a class round) there is nothing to explain and the panel stays hidden. On a
// touch screen its words speak of taps (ui/touch.ts forScreen).

import Phaser from 'phaser';
import type { Level } from '../../../../shared/levels/levels.ts';
import { UI, textPx } from '../../palette.ts';
import { currentTextSize } from '../../a11y/comfort.ts';
import { onKey, useKey } from '../../ui/keys.ts';
import { forScreen, isTouchOnly, playHelp } from '../../ui/touch.ts';

export class ExplanationPanel {
  private readonly scene: Phaser.Scene;
  private readonly level: Level | null;
  private readonly panel: Phaser.GameObjects.Container;
  private readonly box: Phaser.GameObjects.Rectangle | null = null;
  private readonly text: Phaser.GameObjects.Text | null = null;
  private tipIndex = 0;

  /** `onToggle` hears every open and close (the scene pauses the round's clock meanwhile). */
  constructor(scene: Phaser.Scene, level: Level | null, onToggle: () => void) {
    this.scene = scene;
    this.level = level;
    this.panel = scene.add.container(0, 0).setDepth(50);
    if (!level) {
      this.panel.setVisible(false);
      return;
    }
    this.box = scene.add.rectangle(0, 0, 10, 10, UI.panel, 0.97).setOrigin(0, 0).setStrokeStyle(2, 0x56b4e9);
    this.text = scene.add.text(0, 0, `${level.title}\n\n${forScreen(level.explanation)}\n\n${playHelp(isTouchOnly()).explanationEnd}`, {
      fontFamily: 'system-ui, sans-serif', fontSize: '19px', color: UI.text, lineSpacing: 5,
    });
    this.panel.add([this.box, this.text]);
    const toggle = (): void => {
      this.panel.setVisible(!this.panel.visible);
      onToggle();
    };
    onKey(scene.input.keyboard, 'keydown-ENTER', (event) => {
      if (!this.panel.visible) return;
      useKey(event); // the Enter that closes the explanation places nothing
      toggle();
    });
    this.box.setInteractive().on('pointerup', toggle);
    this.toggle = toggle;
  }

  /** Opens or closes the explanation (nothing without a level). */
  toggle: () => void = () => undefined;

  get visible(): boolean {
    return this.panel.visible;
  }

  /** Whether the round has a level to explain (and tips). */
  get hasLevel(): boolean {
    return this.level !== null;
  }

  /**
   * Centred, a third of the way down, as wide as the screen allows up to 720 px (more
   * with larger text); drawn smaller than the player's text size only if it would not
   * fit the screen's height.
   */
  layout(): void {
    if (!this.box || !this.text) return;
    const { width, height } = this.scene.scale;
    const w = Math.min(Math.round(720 * Math.min(1.5, currentTextSize())), width - 24);
    this.text.setWordWrapWidth(w - 40).setPosition(20, 20);
    for (let size = textPx(19); size >= 12; size--) {
      this.text.setFontSize(size);
      if (this.text.height + 40 <= height - 24) break;
    }
    this.box.setSize(w, this.text.height + 40);
    this.panel.setPosition((width - w) / 2, Math.max(12, (height - this.text.height - 40) / 3));
  }

  /** The level's next tip in words, in turn; null when it has none. */
  nextTip(): string | null {
    const tips = this.level?.tips ?? [];
    if (tips.length === 0) return null;
    const tip = tips[this.tipIndex % tips.length] ?? '';
    this.tipIndex++;
    return `Tip: ${forScreen(tip)}`;
  }
}
