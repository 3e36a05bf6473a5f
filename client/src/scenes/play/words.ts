// The play screen's lines of words: the level's title (cut to fit, the whole kept for the
// mirror and the tests), the progress line (placed, failed, placed for you) and the status
// line (what just happened, or what to do next), where the layout (layout.ts) puts them.

import type Phaser from 'phaser';
import { UI } from '../../palette.ts';
import { fitText } from '../../views/labels.ts';
import type { PlayLayout } from './layout.ts';

export interface ProgressFigures {
  readonly placed: number;
  readonly failures: number;
  readonly fallbacks: number;
}

/** The progress line's words: failures and placements made for the player only when there are any. */
function progressWords(p: ProgressFigures): string {
  return `requests placed ${p.placed}${p.failures ? ` · failed ${p.failures}` : ''}${p.fallbacks ? ` · placed for you ${p.fallbacks}` : ''}`;
}

/** What the status says once the server answers a move it said was on its way ("Placing…" → "Placed."); null for other words. */
export function settledWords(status: string): string | null {
  if (status.startsWith('Placing')) return 'Placed.';
  if (status.startsWith('Giving')) return 'Given back: those pages are free for any cache now.';
  return null;
}

export class PlayWords {
  /** The header's words before they are cut to fit the screen. */
  readonly fullTitle: string;
  private readonly title: Phaser.GameObjects.Text;
  private readonly progress: Phaser.GameObjects.Text;
  private readonly status: Phaser.GameObjects.Text;
  /** The status line's text size from the layout, and the least it is drawn at (its size at 100 % text). */
  private statusSize = 16;
  private statusLeast = 16;

  constructor(scene: Phaser.Scene, fullTitle: string, help: string) {
    const font = { fontFamily: 'system-ui, sans-serif', color: UI.text };
    this.fullTitle = fullTitle;
    this.title = scene.add.text(16, 12, fullTitle, { ...font, fontSize: '24px', fontStyle: 'bold' });
    this.progress = scene.add.text(16, 0, '', { ...font, fontSize: '16px', color: UI.dim });
    this.status = scene.add.text(16, 0, help, { ...font, fontSize: '16px', color: UI.dim });
  }

  /** The status line's whole text (it may be drawn on two lines). */
  get statusText(): string {
    return this.status.text;
  }

  setStatus(text: string, colour: string): void {
    this.status.setText(text).setColor(colour);
    this.fitStatus();
  }

  /** Replaces the status words, keeping their colour (a kind's help line). */
  setHelp(text: string): void {
    this.status.setText(text);
    this.fitStatus();
  }

  showProgress(p: ProgressFigures): void {
    this.progress.setText(progressWords(p));
  }

  layout(at: PlayLayout): void {
    this.title.setPosition(at.title.x, at.title.y).setFontSize(at.title.fontSize).setText(fitText(this.fullTitle, at.title.maxWidth, at.title.fontSize, true));
    this.progress.setPosition(at.progress.x, at.progress.y).setWordWrapWidth(at.progress.wrap).setFontSize(at.textSize);
    // Two lines at most, so a long message never runs into the buttons (the whole text is published).
    this.status.setPosition(at.status.x, at.status.y).setWordWrapWidth(at.status.wrap).setMaxLines(2);
    this.statusSize = at.textSize;
    this.statusLeast = Math.min(at.textSize, at.wordsLeast);
    this.fitStatus();
  }

  /** Draws the status at the layout's size, or smaller (down to its 100 % size) where its words need more than its two lines. */
  private fitStatus(): void {
    for (let size = this.statusSize; ; size--) {
      this.status.setFontSize(size);
      if (size <= this.statusLeast || this.status.getWrappedText().length <= 2) return;
    }
  }
}
