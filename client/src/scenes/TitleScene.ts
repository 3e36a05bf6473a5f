// The title screen: what Mallocade is in one line, and the ways in — practise alone,
// join a class, host a class (keys 1, 2, 3) — and the comfort settings (4).

import { readScreen } from '../a11y/screen-text.ts';
import Phaser from 'phaser';
import { Button } from '../ui/Button.ts';
import { goTo } from './scene-loader.ts';
import { UI, textPx } from '../palette.ts';
import { publishForTests } from '../test-hook.ts';
import { ComfortDialog } from '../a11y/ComfortDialog.ts';
import { currentTextSize } from '../a11y/comfort.ts';
import { visibleTexts } from './class/screen-report.ts';

export class TitleScene extends Phaser.Scene {
  constructor() {
    super('TitleScene');
  }

  create(): void {
    const title = this.add.text(0, 0, 'Mallocade', { fontFamily: 'system-ui, sans-serif', fontSize: '64px', fontStyle: 'bold', color: UI.text }).setOrigin(0.5);
    const tagline = this.add.text(0, 0, 'You are the allocator. Every malloc lands where you say.', {
      fontFamily: 'system-ui, sans-serif', fontSize: '20px', color: UI.dim, align: 'center',
    }).setOrigin(0.5, 0);
    const comfort = new ComfortDialog(this, (change) => change === 'text' && this.scale.refresh());
    const buttons = [
      new Button(this, 0, 0, '1  Practise alone', () => this.scene.start('LevelSelectScene'), { key: 'ONE', primary: true }),
      new Button(this, 0, 0, '2  Join a class', () => goTo(this, 'JoinScene'), { key: 'TWO' }),
      new Button(this, 0, 0, '3  Host a class', () => goTo(this, 'HostScene'), { key: 'THREE' }),
      new Button(this, 0, 0, '4  Comfort settings', () => comfort.open(), { key: 'FOUR' }).setName('comfort'),
    ];
    const layout = (): void => {
      const { width, height } = this.scale;
      const narrow = width < 600;
      // The title at the player's text size, as large as the screen's width allows.
      for (let size = textPx(narrow ? 44 : 64); size >= 24; size -= 2) if (title.setFontSize(size).width <= width - 24) break;
      const buttonH = Math.max(60, Math.ceil(textPx(20) * 1.25) + 16);
      const buttonW = Math.min(Math.round(340 * Math.min(1.5, currentTextSize())), width - 48);
      const titleY = Math.max(12 + title.height / 2, height * 0.2 - (buttonH - 60) * 1.5);
      title.setPosition(width / 2, titleY);
      tagline.setFontSize(textPx(20)).setWordWrapWidth(width - 48).setPosition(width / 2, titleY + title.height / 2 + 8);
      const top = Math.max(tagline.y + tagline.height + 16 + buttonH / 2, height * 0.45);
      buttons.forEach((b, i) => b.resize(buttonW, buttonH).setPosition(width / 2, top + i * (buttonH + 20)));
      publishForTests({ scene: 'TitleScene', width, height, texts: visibleTexts(this) });
    };
    layout();
    this.scale.on('resize', layout);
    this.events.once('shutdown', () => this.scale.off('resize', layout));
    readScreen(this, 'Title');
  }
}
