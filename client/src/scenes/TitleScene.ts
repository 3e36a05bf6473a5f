// The title screen: what Mallocade is in one line, and the three ways in —
// practise alone, join a class, host a class (keys 1, 2, 3).

import { readScreen } from '../a11y/screen-text.ts';
import Phaser from 'phaser';
import { Button } from '../ui/Button.ts';
import { goTo } from './scene-loader.ts';
import { UI } from '../palette.ts';
import { publishForTests } from '../test-hook.ts';

export class TitleScene extends Phaser.Scene {
  constructor() {
    super('TitleScene');
  }

  create(): void {
    const title = this.add.text(0, 0, 'Mallocade', { fontFamily: 'system-ui, sans-serif', fontSize: '64px', fontStyle: 'bold', color: UI.text }).setOrigin(0.5);
    const tagline = this.add.text(0, 0, 'You are the allocator. Every malloc lands where you say.', {
      fontFamily: 'system-ui, sans-serif', fontSize: '20px', color: UI.dim, align: 'center',
    }).setOrigin(0.5);
    const buttons = [
      new Button(this, 0, 0, '1  Practise alone', () => this.scene.start('LevelSelectScene'), { key: 'ONE', primary: true }),
      new Button(this, 0, 0, '2  Join a class', () => goTo(this, 'JoinScene'), { key: 'TWO' }),
      new Button(this, 0, 0, '3  Host a class', () => goTo(this, 'HostScene'), { key: 'THREE' }),
    ];
    const layout = (): void => {
      const { width, height } = this.scale;
      const narrow = width < 600;
      title.setFontSize(narrow ? 44 : 64).setPosition(width / 2, height * 0.2);
      tagline.setWordWrapWidth(width - 48).setPosition(width / 2, height * 0.2 + (narrow ? 56 : 72));
      buttons.forEach((b, i) => b.resize(Math.min(340, width - 48), 60).setPosition(width / 2, height * 0.45 + i * 80));
    };
    layout();
    this.scale.on('resize', layout);
    this.events.once('shutdown', () => this.scale.off('resize', layout));
    readScreen(this, 'Title');
    publishForTests({ scene: 'TitleScene' });
  }
}
