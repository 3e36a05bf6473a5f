// The level map: the curriculum in the lecture's order as a winding path of
// numbered stops, each with its title, its idea and the stars earned here, grouped
// under the lecture's chapter titles (shared/levels/chapters.ts; geometry in
// level-map.ts), and the stars earned over the whole curriculum beside the heading. A level
// opens once the one before it has a star. Click or tap a stop, or move with the
// arrow keys and press Enter.

import { currentTextSize, loadComfort, saveComfort } from '../a11y/comfort.ts';
import Phaser from 'phaser';
import { LEVELS } from '../../../shared/levels/levels.ts';
import { CHAPTERS, chapterOfEachLevel } from '../../../shared/levels/chapters.ts';
import { layOutStops, placeChapters, type MapGeometry, type MapLayout } from './level-map.ts';
import { loadProgress, starTotals } from '../progress.ts';
import { Button } from '../ui/Button.ts';
import { goTo } from './scene-loader.ts';
import { UI, textPx } from '../palette.ts';
import { publishForTests } from '../test-hook.ts';
import { visibleTexts } from './class/screen-report.ts';
import { fitText, measureText } from '../views/labels.ts';
import { onKey } from '../ui/keys.ts';
import { ScreenLayer } from '../a11y/layer.ts';

/** The clock setting's button: what it is now, and its key. */
const clockLabel = (): string => (loadComfort().noClock ? 'No clock (K)' : 'Clock: on (K)');

interface Stop {
  readonly index: number;
  readonly id: string;
  readonly unlocked: boolean;
  readonly stars: number;
}

/** The map's geometry on a screen this wide, grown by `grow` (the player's text size, or less where the screen is short). */
function mapGeometry(width: number, pad: number, top: number, narrow: boolean, grow: number): MapGeometry {
  const radius = Math.round((narrow ? 20 : 24) * Math.min(1.5, grow));
  return { width, pad, top, radius, cell: Math.round((narrow ? 88 : 150) * grow), rowHeight: Math.round((narrow ? 76 : 122) * grow), captionBand: Math.round((narrow ? 16 : 0) * grow) };
}

export class LevelSelectScene extends Phaser.Scene {
  private selected = 0;
  private stops: Stop[] = [];
  private graphics!: Phaser.GameObjects.Graphics;
  private texts: Phaser.GameObjects.Text[] = [];
  private zones: Phaser.GameObjects.Zone[] = [];
  private detail!: Phaser.GameObjects.Text;
  private heading!: Phaser.GameObjects.Text;
  /** The total-stars counter beside the heading. */
  private counter!: Phaser.GameObjects.Text;
  private totals = { earned: 0, possible: 0 };
  private play!: Button;
  /** Where each stop is drawn (the DOM layer's Tab order follows it). */
  private centres: { x: number; y: number }[] = [];
  /** Each stop's chapter, an index into CHAPTERS. */
  private readonly chapterOfStop = chapterOfEachLevel();

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
    this.totals = starTotals(progress, LEVELS.map((level) => level.id));
    this.counter = this.add.text(0, 0, `★ ${this.totals.earned} of ${this.totals.possible}`, { fontFamily: 'system-ui, sans-serif', fontSize: '22px', fontStyle: 'bold', color: '#f0e442' });
    this.heading = this.add.text(0, 0, 'Choose a level', { fontFamily: 'system-ui, sans-serif', fontSize: '28px', fontStyle: 'bold', color: UI.text });
    this.graphics = this.add.graphics();
    this.detail = this.add.text(0, 0, '', { fontFamily: 'system-ui, sans-serif', fontSize: '17px', color: UI.text, lineSpacing: 4 });
    this.play = new Button(this, 0, 0, 'Play (Enter)', () => this.start(), { primary: true, width: 200, key: 'ENTER' });
    new Button(this, 0, 0, '← Back (Esc)', () => this.scene.start('TitleScene'), { width: 170, key: 'ESC' }).setName('back');
    // A comfort setting kept in the browser: practice with no clock (nothing is ever placed for the player).
    new Button(this, 0, 0, clockLabel(), () => {
      saveComfort({ ...loadComfort(), noClock: !loadComfort().noClock });
      this.layout();
    }, { width: 150, key: 'K' }).setName('clock');
    const keyboard = this.input.keyboard;
    onKey(keyboard, 'keydown-RIGHT', () => this.select(this.selected + 1));
    onKey(keyboard, 'keydown-DOWN', () => this.select(this.selected + 1));
    onKey(keyboard, 'keydown-LEFT', () => this.select(this.selected - 1));
    onKey(keyboard, 'keydown-UP', () => this.select(this.selected - 1));
    this.describeStops();
    this.layout();
    this.scale.on('resize', this.layout, this);
    this.events.once('shutdown', () => this.scale.off('resize', this.layout, this));
  }

  /** A DOM button per stop, for the keyboard and screen readers (a locked one says so and does nothing). */
  private describeStops(): void {
    const layer = ScreenLayer.of(this).setHeading('Choose a level');
    this.stops.forEach((stop, i) => {
      const title = LEVELS[i]?.title ?? stop.id;
      const chapter = CHAPTERS[this.chapterOfStop[i] ?? -1]?.title;
      const label = `Level ${i + 1}: ${title}${chapter ? ` (chapter: ${chapter})` : ''}, ${stop.unlocked ? `${stop.stars} of 3 stars` : 'locked'}`;
      layer.addControl(label, () => {
        this.select(i);
        this.start();
      }, { place: () => this.centres[i] ?? null, onFocus: (focused) => focused && i !== this.selected && this.select(i) }).setEnabled(stop.unlocked);
    });
  }

  private select(index: number): void {
    this.selected = Phaser.Math.Clamp(index, 0, this.stops.length - 1);
    this.layout();
  }

  private start(): void {
    const stop = this.stops[this.selected];
    const level = LEVELS[this.selected];
    if (!stop || !level || !stop.unlocked) return;
    goTo(this, 'PlayScene', { level: level.id, title: `Level ${this.selected + 1}: ${level.title}` });
  }

  /**
   * Lays the stops out in rows that snake left-right, as many per row as fit; the
   * chosen level's words under the map (as many lines as there is room for) and the
   * Play button at the bottom. A row's end turns down beside its last stop, so the
   * path never crosses a star line.
   */
  private layout(): void {
    const { width, height } = this.scale;
    const narrow = width < 600;
    const pad = narrow ? 12 : 32;
    // Buttons grow with the player's text size (at most half as wide again); their labels fit them (Button.ts).
    const grow = currentTextSize();
    const wider = Math.min(1.5, grow);
    const buttonH = Math.max(narrow ? 48 : 56, Math.ceil(textPx(20) * 1.25) + 12);
    const backW = Math.round((narrow ? 110 : 170) * wider);
    const clockW = narrow ? Math.min(Math.round(150 * wider), Math.floor((width - 2 * pad - 12) / 2)) : Math.round(150 * wider);
    const headerY = Math.max(narrow ? 30 : 36, 8 + buttonH / 2);
    const back = this.children.getByName('back') as Button | null;
    back?.setText(narrow ? '← Back' : '← Back (Esc)').resize(backW, buttonH);
    back?.setPosition(width - pad - backW / 2, headerY);
    const clock = this.children.getByName('clock') as Button | null;
    clock?.setText(narrow ? clockLabel().replace(' (K)', '') : clockLabel()).resize(clockW, buttonH);
    // On a phone Play and the clock share the bottom row.
    this.play.resize(narrow ? clockW : Math.round(200 * wider), buttonH);
    // Beside Back on a wide screen; on a phone the heading leaves no room there: on the Play button's row.
    if (!narrow) clock?.setPosition(width - pad - backW - 12 - clockW / 2, headerY);
    // The heading at the player's text size beside the buttons; where that leaves it too little room (a phone
    // with large text), on a row of its own under them; smaller only if even that is too narrow.
    const counterW = measureText(narrow ? `★${this.totals.earned}/${this.totals.possible}` : this.counter.text, textPx(narrow ? 15 : 22), true) + 16;
    const besideRoom = width - 2 * pad - backW - 12 - (narrow ? 0 : clockW + 12) - counterW;
    const ownRow = measureText(this.heading.text, textPx(narrow ? 22 : 28), true) > besideRoom;
    const headingRoom = ownRow ? width - 2 * pad - counterW : besideRoom;
    for (let size = textPx(narrow ? 22 : 28); size >= 14; size--) if (this.heading.setFontSize(size).width <= headingRoom) break;
    const headingY = ownRow ? headerY + buttonH / 2 + 8 + this.heading.height / 2 : headerY;
    this.heading.setPosition(pad, headingY - this.heading.height / 2);
    for (const t of this.texts) t.destroy();
    for (const z of this.zones) z.destroy();
    this.texts = [];
    this.zones = [];
    // The map grows with the text size as far as it leaves room under it for two lines of words and Play.
    const mapTop = Math.max(narrow ? 64 : 90, Math.max(headerY + buttonH / 2, this.heading.y + this.heading.height) + (narrow ? 20 : 26));
    let mapGrow = grow as number;
    let geometry = mapGeometry(width, pad, mapTop, narrow, mapGrow);
    let map = layOutStops(this.stops.length, this.chapterOfStop, geometry);
    while (mapGrow > 1 && map.bottom > height - buttonH - 3 * textPx(17) - 40) {
      mapGrow = Math.max(1, mapGrow - 0.125);
      geometry = mapGeometry(width, pad, mapTop, narrow, mapGrow);
      map = layOutStops(this.stops.length, this.chapterOfStop, geometry);
    }
    const radius = geometry.radius;
    const stopFont = (px: number): string => `${Math.round(px * mapGrow)}px`;
    const centres = [...map.centres];
    this.centres = centres;
    const g = this.graphics;
    g.clear();
    g.lineStyle(4, UI.freeEdge, 1);
    for (let i = 1; i < centres.length; i++) {
      const a = centres[i - 1]!;
      const b = centres[i]!;
      if (a.x !== b.x) {
        g.lineBetween(a.x, a.y, b.x, b.y);
        continue;
      }
      // Down to the next row: out to the side of the stops, past the stars, and back in.
      const side = a.x > width / 2 ? 1 : -1;
      const out = a.x + side * (radius + 10);
      g.lineBetween(a.x + side * radius, a.y, out, a.y);
      g.lineBetween(out, a.y, out, b.y);
      g.lineBetween(out, b.y, b.x + side * radius, b.y);
    }
    this.stops.forEach((stop, i) => {
      const c = centres[i]!;
      const isSelected = i === this.selected;
      const fill = !stop.unlocked ? UI.panel : stop.stars > 0 ? UI.doneFill : UI.primaryFill;
      g.fillStyle(fill, 1).fillCircle(c.x, c.y, radius);
      g.lineStyle(isSelected ? 5 : 2, isSelected ? 0xf0e442 : UI.freeEdge, 1).strokeCircle(c.x, c.y, isSelected ? radius + 4 : radius);
      const number = this.add.text(c.x, c.y, String(i + 1), { fontFamily: 'system-ui, sans-serif', fontSize: stopFont(narrow ? 16 : 18), fontStyle: 'bold', color: stop.unlocked ? UI.text : UI.dim }).setOrigin(0.5);
      const stars = this.add.text(c.x, c.y + radius + Math.round(14 * mapGrow), stop.unlocked ? `${'★'.repeat(stop.stars)}${'☆'.repeat(3 - stop.stars)}` : 'locked', { fontFamily: 'system-ui, sans-serif', fontSize: stopFont(narrow ? 13 : 14), color: stop.stars ? '#f0e442' : UI.dim }).setOrigin(0.5);
      this.texts.push(number, stars);
      // On a wide screen each stop also says what it teaches.
      const title = LEVELS[i]?.title ?? '';
      if (!narrow && title) {
        const label = this.add.text(c.x, c.y + radius + Math.round(32 * mapGrow), fitText(title, Math.min(geometry.cell - 12, 2 * (c.x - pad), 2 * (width - pad - c.x)), Math.round(13 * mapGrow)), { fontFamily: 'system-ui, sans-serif', fontSize: stopFont(13), color: stop.unlocked ? UI.text : UI.dim }).setOrigin(0.5);
        this.texts.push(label);
      }
      const zone = this.add.zone(c.x, c.y, radius * 2 + 16, radius * 2 + 16).setInteractive({ useHandCursor: true });
      zone.on('pointerup', () => (i === this.selected ? this.start() : this.select(i)));
      this.zones.push(zone);
    });
    const chapters = this.drawChapters(map, geometry, narrow, mapGrow);
    const detailTop = map.bottom - radius - 6 + 8;
    const bottom = height - Math.max(40, buttonH / 2 + 12);
    const level = LEVELS[this.selected];
    const stop = this.stops[this.selected];
    if (level && stop) {
      this.detail.setText(
        `Level ${this.selected + 1}: ${level.title}   (${level.idea})\n` +
        (stop.unlocked ? '' : 'Locked: earn a star on the level before to open it.\n') +
        level.explanation,
      );
      ScreenLayer.of(this).setLine('detail', this.detail.text);
    }
    // As many lines as fit between the map and the Play button (the rest is read in the level).
    this.detail.setFontSize(textPx(narrow ? 15 : 17)).setPosition(pad, detailTop).setWordWrapWidth(width - 2 * pad).setMaxLines(0);
    const perLine = this.detail.height / Math.max(1, this.detail.getWrappedText().length);
    // No room for a line (a phone at large text): the words are left to the level's explanation (and the screen reader's line).
    const lines = Math.floor((bottom - buttonH / 2 - 8 - detailTop) / Math.max(1, perLine));
    this.detail.setMaxLines(Math.max(1, lines)).setVisible(lines >= 1);
    // The Play button right under the words (at the bottom when they fill the room).
    const playY = Math.min(bottom, detailTop + (lines >= 1 ? this.detail.height : 0) + 8 + buttonH / 2);
    this.play.setPosition(pad + this.play.width / 2, playY).setEnabled(stop?.unlocked ?? false);
    if (narrow) clock?.setPosition(width - pad - clockW / 2, playY);
    // The stars counter beside the heading (on a phone the clock button sits beside Play, so the header has room).
    this.counter.setText(narrow ? `★${this.totals.earned}/${this.totals.possible}` : `★ ${this.totals.earned} of ${this.totals.possible}`);
    this.counter.setFontSize(textPx(narrow ? 15 : 22)).setOrigin(0, 0.5).setPosition(pad + this.heading.width + (narrow ? 8 : 24), this.heading.y + this.heading.height / 2);
    publishForTests({
      scene: 'LevelSelectScene',
      width,
      height,
      selected: this.selected,
      stars: this.totals,
      stops: this.stops.map((s, i) => ({ id: s.id, unlocked: s.unlocked, stars: s.stars, at: centres[i], chapter: this.chapterOfStop[i] })),
      chapters,
      play: { x: this.play.x, y: this.play.y, enabled: stop?.unlocked ?? false },
      texts: visibleTexts(this),
    });
  }

  /** Each chapter's brackets over its stops and its title over the longest of them (shortened to fit); what was drawn, for the tests. */
  private drawChapters(map: MapLayout, geometry: MapGeometry, narrow: boolean, grow: number): { title: string; shown: string }[] {
    const size = Math.round((narrow ? 12 : 14) * grow);
    const g = this.graphics;
    g.lineStyle(2, Phaser.Display.Color.HexStringToColor(UI.good).color, 1);
    return placeChapters(map, this.chapterOfStop, geometry).map((place) => {
      for (const run of place.runs) {
        g.lineBetween(run.x0, run.y, run.x1, run.y);
        g.lineBetween(run.x0, run.y, run.x0, run.y + 5);
        g.lineBetween(run.x1, run.y, run.x1, run.y + 5);
      }
      const title = CHAPTERS[place.chapter]?.title ?? '';
      const { x0, x1, y } = place.titled;
      const shown = fitText(title, x1 - x0, size, true);
      this.texts.push(this.add.text((x0 + x1) / 2, y - 2, shown, { fontFamily: 'system-ui, sans-serif', fontSize: `${size}px`, fontStyle: 'bold', color: UI.good }).setOrigin(0.5, 1));
      return { title, shown };
    });
  }
}
