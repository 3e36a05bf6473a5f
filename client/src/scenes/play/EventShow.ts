// What the play screen shows of each event (play/play-events.ts): a freed block fades
// out of its place, merged holes glow, the rest of a hole a placement split is outlined;
// a malloc that fails stops the round on a card that says why ("malloc(20) → NULL: 57 B
// free, largest hole 19 B") until the player continues; a timeout is announced with its
// penalty on the status line and over the heap.

import Phaser from 'phaser';
import type { RegionView } from '../../../../shared/core/allocator.ts';
import { UI, textPx } from '../../palette.ts';
import { reportDrawn } from '../../test-hook.ts';
import { Button } from '../../ui/Button.ts';
import type { HeapView } from '../../views/HeapView.ts';
import { describeEvent, failureReason, type PlayEvent, type PlayEvents } from './play-events.ts';
import { currentTextSize, isMotionReduced } from '../../a11y/comfort.ts';

export interface EventShowDeps {
  readonly heapView: () => HeapView | null;
  /** The regions as now drawn (after the change). */
  readonly regions: () => readonly RegionView[];
  readonly status: (text: string, colour: string) => void;
  /** Whether the round is over (the card then leads to the results). */
  readonly roundOver: () => boolean;
  /** The card opened or closed (the scene stops the clock and holds the results meanwhile). */
  readonly holdChanged: () => void;
  /**
   * Whether the card holds the round (practice: the clock stops and moves wait). In a class
   * the round runs on for everyone: the card says why and goes with the next event.
   */
  readonly holdsRound: boolean;
}

const MMAP_AREA = 'mmap';
const BANNER_MS = 2600;

export class EventShow {
  private readonly scene: Phaser.Scene;
  private readonly deps: EventShowDeps;
  private readonly card: Phaser.GameObjects.Container;
  private readonly box: Phaser.GameObjects.Rectangle;
  private readonly title: Phaser.GameObjects.Text;
  private readonly body: Phaser.GameObjects.Text;
  private readonly button: Button;
  private readonly banner: Phaser.GameObjects.Text;
  private readonly unsubscribe: () => void;
  private bannerTween: Phaser.Tweens.Tween | null = null;

  constructor(scene: Phaser.Scene, events: PlayEvents, deps: EventShowDeps) {
    this.scene = scene;
    this.deps = deps;
    const font = { fontFamily: 'system-ui, sans-serif', color: UI.text };
    this.box = scene.add.rectangle(0, 0, 10, 10, UI.panel, 0.98).setOrigin(0, 0).setStrokeStyle(3, UI.illegal);
    this.title = scene.add.text(0, 0, '', { ...font, fontSize: '26px', fontStyle: 'bold', color: UI.bad });
    this.body = scene.add.text(0, 0, '', { ...font, fontSize: '18px', lineSpacing: 5 });
    this.card = scene.add.container(0, 0, [this.box, this.title, this.body]).setDepth(60).setVisible(false);
    // In a class Enter stays the player's key for placing: the card is closed with a click or tap (or goes by itself).
    this.button = new Button(scene, 0, 0, this.continueLabel(false), () => this.closeCard(), { width: 260, height: 48, fontSize: 18, primary: true, ...(deps.holdsRound ? { key: 'ENTER' } : {}) })
      .setDepth(61).setName('failure-continue').setVisible(false);
    this.banner = scene.add.text(0, 0, '', { ...font, fontSize: '22px', fontStyle: 'bold', color: UI.dark, backgroundColor: '#e69f00', padding: { x: 14, y: 8 } })
      .setOrigin(0.5, 0).setDepth(55).setVisible(false);
    this.unsubscribe = events.on((event) => this.show(event));
  }

  /** Whether the failure card holds the round (moves wait, the clock stops, the results wait). */
  get holding(): boolean {
    return this.card.visible && this.deps.holdsRound;
  }

  /** The card sits at the bottom of the screen, centred; the banner near the top. */
  layout(): void {
    const { width, height } = this.scene.scale;
    const w = Math.min(Math.round(640 * Math.min(1.5, currentTextSize())), width - 24);
    const buttonH = Math.max(48, Math.ceil(textPx(18) * 1.25) + 14);
    this.button.resize(Math.min(w - 40, Math.round(260 * currentTextSize())), buttonH);
    // At the player's text size, smaller only if the card would not fit the screen.
    for (let grow = currentTextSize(); grow >= 0.7; grow -= 0.1) {
      this.title.setFontSize(Math.round(26 * grow)).setWordWrapWidth(w - 40).setPosition(20, 20);
      this.body.setFontSize(Math.round(18 * grow)).setWordWrapWidth(w - 40).setPosition(20, 30 + this.title.height);
      if (30 + this.title.height + this.body.height + 24 + buttonH + 20 <= height - 24) break;
    }
    const h = 30 + this.title.height + this.body.height + 24 + buttonH + 20;
    this.box.setSize(w, h);
    const x = (width - w) / 2;
    // At the bottom, over the meters and buttons (the round is held): the heap line and its holes stay in sight.
    const y = Math.max(12, height - h - 12);
    this.card.setPosition(x, y);
    this.button.setPosition(x + w / 2, y + h - 20 - buttonH / 2);
    // In the middle of the screen, under the heap line's first row, over nothing the player needs this moment.
    this.banner.setFontSize(textPx(22)).setPosition(width / 2, Math.round(height * 0.42)).setWordWrapWidth(width - 60);
  }

  destroy(): void {
    this.unsubscribe();
    this.bannerTween?.stop();
    for (const o of [this.card, this.button, this.banner]) o.destroy();
  }

  private show(event: PlayEvent): void {
    const heap = this.deps.heapView();
    // In a class the card stays only until the round moves on.
    if (!this.deps.holdsRound && event.type !== 'failed') this.closeCard();
    switch (event.type) {
      case 'freed':
        if (event.area !== MMAP_AREA) heap?.flash('freed', event.start, event.size, event.requestId);
        return;
      case 'merged':
        if (event.area !== MMAP_AREA) heap?.flash('merged', event.start, event.size);
        return;
      case 'placed':
        return this.showPlaced(event, heap);
      case 'failed':
        return this.openCard(event);
      case 'timeout':
        this.deps.status(describeEvent(event), UI.bad);
        return this.announce(describeEvent(event));
    }
  }

  /** A placement that cut a hole: the rest of the hole (the free region right after the block) is outlined. */
  private showPlaced(event: Extract<PlayEvent, { type: 'placed' }>, heap: HeapView | null): void {
    if (!heap) return;
    const regions = this.deps.regions();
    const block = regions.find((r) => r.state === 'live' && r.id === event.requestId);
    if (!block || block.area === MMAP_AREA) return;
    heap.flash('placed', block.start, block.size);
    const rest = regions.find((r) => r.state === 'free' && r.start === block.start + block.size && r.area === block.area);
    if (rest) heap.flash('split', rest.start, rest.size);
  }

  private openCard(event: Extract<PlayEvent, { type: 'failed' }>): void {
    const words = describeEvent(event);
    this.title.setText(words.replace(/\.$/, ''));
    this.body.setText(`${failureReason(event)}\n\nNothing was placed: the program's malloc got NULL.`);
    this.button.setText(this.continueLabel(this.deps.roundOver()));
    this.card.setVisible(true);
    this.button.setVisible(true);
    this.layout();
    this.deps.status(words, UI.bad);
    reportDrawn('FailureCard', { open: true, title: this.title.text, body: this.body.text, button: this.deps.roundOver() ? 'results' : 'continue', at: this.buttonPoint() });
    this.deps.holdChanged();
  }

  /** Closes the failure card as its Continue does (Esc); false when it is not open. */
  dismiss(): boolean {
    if (!this.card.visible) return false;
    this.closeCard();
    return true;
  }

  private closeCard(): void {
    if (!this.card.visible) return;
    this.card.setVisible(false);
    this.button.setVisible(false);
    reportDrawn('FailureCard', { open: false });
    this.deps.holdChanged();
  }

  private continueLabel(toResults: boolean): string {
    return `${toResults ? 'Continue to results' : 'Continue'}${this.deps.holdsRound ? ' (Enter)' : ''}`;
  }

  private buttonPoint(): { x: number; y: number } {
    return { x: this.button.x, y: this.button.y };
  }

  /** A banner over the play screen for a moment. */
  private announce(text: string): void {
    this.bannerTween?.stop();
    this.banner.setText(text).setAlpha(1).setVisible(true);
    reportDrawn('EventBanner', { text });
    // Under reduced motion the banner goes at once instead of fading.
    this.bannerTween = this.scene.tweens.add({
      targets: this.banner, alpha: 0, delay: BANNER_MS, duration: isMotionReduced() ? 0 : 500, onComplete: () => this.banner.setVisible(false),
    });
  }
}
