// The level map: the curriculum in the lecture's order as a winding path of
// numbered stops, each with its title, its idea and the stars earned here. A level
// opens once the one before it has a star. Click or tap a stop, or move with the
// arrow keys and press Enter.

import Phaser from 'phaser';
import { LEVELS } from '../../../shared/levels/levels.ts';
import { loadProgress } from '../progress.ts';
import { Button } from '../ui/Button.ts';
import { UI } from '../palette.ts';
import { publishForTests } from '../test-hook.ts';

interface Stop {
  readonly index: number;
  readonly id: string;
  readonly unlocked: boolean;
  readonly stars: number;
}

export class LevelSelectScene extends Phaser.Scene {
  private selected = 0;
  private stops: Stop[] = [];
  private graphics!: Phaser.GameObjects.Graphics;
  private texts: Phaser.GameObjects.Text[] = [];
  private zones: Phaser.GameObjects.Zone[] = [];
  private detail!: Phaser.GameObjects.Text;
  private heading!: Phaser.GameObjects.Text;
  private play!: Button;

  constructor() {
    super('LevelSelectScene');
  }

  create(): void {
    const progress = loadProgress();
    this.stops = LEVELS.map((level, index) => ({
      index,
      id: level.id,
      stars: progress[level.id] ?? 0,
      unlocked: index === 0 || (progress[LEVELS[index - 1]?.id ?? ''] ?? 0) >= 1,
    }));
    const firstUnplayed = this.stops.findIndex((s) => s.unlocked && s.stars === 0);
    this.selected = firstUnplayed >= 0 ? firstUnplayed : 0;
    this.heading = this.add.text(0, 0, 'Choose a level', { fontFamily: 'system-ui, sans-serif', fontSize: '28px', fontStyle: 'bold', color: UI.text });
    this.graphics = this.add.graphics();
    this.detail = this.add.text(0, 0, '', { fontFamily: 'system-ui, sans-serif', fontSize: '17px', color: UI.text, lineSpacing: 4 });
    this.play = new Button(this, 0, 0, 'Play (Enter)', () => this.start(), { primary: true, width: 200, key: 'ENTER' });
    new Button(this, 0, 0, '← Back (Esc)', () => this.scene.start('TitleScene'), { width: 170, key: 'ESC' }).setName('back');
    const keyboard = this.input.keyboard;
    keyboard?.on('keydown-RIGHT', () => this.select(this.selected + 1));
    keyboard?.on('keydown-DOWN', () => this.select(this.selected + 1));
    keyboard?.on('keydown-LEFT', () => this.select(this.selected - 1));
    keyboard?.on('keydown-UP', () => this.select(this.selected - 1));
    this.layout();
    this.scale.on('resize', this.layout, this);
    this.events.once('shutdown', () => this.scale.off('resize', this.layout, this));
  }

  private select(index: number): void {
    this.selected = Phaser.Math.Clamp(index, 0, this.stops.length - 1);
    this.layout();
  }

  private start(): void {
    const stop = this.stops[this.selected];
    const level = LEVELS[this.selected];
    if (!stop || !level || !stop.unlocked) return;
    this.scene.start('PlayScene', { level: level.id, title: `Level ${this.selected + 1}: ${level.title}` });
  }

  /** Lays the stops out in rows that snake left-right, as many per row as fit. */
  private layout(): void {
    const { width, height } = this.scale;
    const pad = width < 600 ? 12 : 32;
    this.heading.setPosition(pad, 16);
    (this.children.getByName('back') as Button | null)?.setPosition(width - pad - 85, 36);
    for (const t of this.texts) t.destroy();
    for (const z of this.zones) z.destroy();
    this.texts = [];
    this.zones = [];
    const cell = width < 600 ? 110 : 150;
    const perRow = Math.max(2, Math.floor((width - 2 * pad) / cell));
    const rowHeight = width < 600 ? 92 : 104;
    const top = 90;
    const centres = this.stops.map((_, i) => {
      const row = Math.floor(i / perRow);
      const col = row % 2 === 0 ? i % perRow : perRow - 1 - (i % perRow);
      return { x: pad + cell / 2 + col * ((width - 2 * pad - cell) / Math.max(1, perRow - 1)), y: top + 30 + row * rowHeight };
    });
    const g = this.graphics;
    g.clear();
    g.lineStyle(4, UI.freeEdge, 1);
    for (let i = 1; i < centres.length; i++) {
      const a = centres[i - 1]!;
      const b = centres[i]!;
      g.lineBetween(a.x, a.y, b.x, b.y);
    }
    this.stops.forEach((stop, i) => {
      const c = centres[i]!;
      const isSelected = i === this.selected;
      const fill = !stop.unlocked ? UI.panel : stop.stars > 0 ? 0x009e73 : 0x0072b2;
      g.fillStyle(fill, 1).fillCircle(c.x, c.y, 24);
      g.lineStyle(isSelected ? 5 : 2, isSelected ? 0xf0e442 : UI.freeEdge, 1).strokeCircle(c.x, c.y, isSelected ? 28 : 24);
      const number = this.add.text(c.x, c.y, String(i + 1), { fontFamily: 'system-ui, sans-serif', fontSize: '18px', fontStyle: 'bold', color: stop.unlocked ? UI.text : UI.dim }).setOrigin(0.5);
      const stars = this.add.text(c.x, c.y + 38, stop.unlocked ? `${'★'.repeat(stop.stars)}${'☆'.repeat(3 - stop.stars)}` : 'locked', { fontFamily: 'system-ui, sans-serif', fontSize: '14px', color: stop.stars ? '#f0e442' : UI.dim }).setOrigin(0.5);
      this.texts.push(number, stars);
      const zone = this.add.zone(c.x, c.y, 64, 64).setInteractive({ useHandCursor: true });
      zone.on('pointerup', () => (i === this.selected ? this.start() : this.select(i)));
      this.zones.push(zone);
    });
    const rows = Math.ceil(this.stops.length / perRow);
    const detailTop = Math.min(height - 170, top + rows * rowHeight + 20);
    const level = LEVELS[this.selected];
    const stop = this.stops[this.selected];
    if (level && stop) {
      this.detail.setText(
        `Level ${this.selected + 1}: ${level.title}   (${level.idea})\n${level.explanation}` +
        (stop.unlocked ? '' : '\n\nLocked: earn a star on the level before to open it.'),
      );
    }
    this.detail.setPosition(pad, detailTop).setWordWrapWidth(width - 2 * pad);
    this.play.setPosition(pad + 100, Math.min(height - 36, detailTop + this.detail.height + 40)).setEnabled(stop?.unlocked ?? false);
    publishForTests({ scene: 'LevelSelectScene', selected: this.selected, stops: this.stops.map((s) => ({ id: s.id, unlocked: s.unlocked, stars: s.stars })) });
  }
}
