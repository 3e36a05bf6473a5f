// A scene's canvas words as DOM text, in screen order (rows top to bottom, then left to
// right): the simplest layer for the screens that are mostly words (title, lobby, host
// dashboard, projector, results). Buttons are left out: each has its DOM twin already.
// A scene calls `readScreen` when it has laid out or redrawn; lines change only when
// their words do, so a screen reader is not disturbed by a redraw.

import Phaser from 'phaser';
import { Button } from '../ui/Button.ts';
import { OVERLAY_NAME } from '../views/HeapTooltip.ts';
import { ScreenLayer } from './layer.ts';

interface Placed {
  readonly text: string;
  readonly x: number;
  readonly y: number;
}

function isShown(object: Phaser.GameObjects.GameObject & { visible?: boolean; parentContainer?: Phaser.GameObjects.Container | null }): boolean {
  for (let at: typeof object | null | undefined = object; at; at = at.parentContainer) if (at.visible === false) return false;
  return true;
}

function collect(objects: readonly Phaser.GameObjects.GameObject[], into: Placed[]): void {
  for (const child of objects) {
    if (child instanceof Button) continue;
    if (child instanceof Phaser.GameObjects.Container) collect(child.list, into);
    if (!(child instanceof Phaser.GameObjects.Text) || !isShown(child) || child.alpha === 0 || child.name === OVERLAY_NAME) continue;
    const text = child.text.replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const b = child.getBounds();
    into.push({ text, x: b.x, y: b.y });
  }
}

/** The scene's visible words, in reading order. */
export function screenWords(scene: Phaser.Scene): string[] {
  const placed: Placed[] = [];
  collect(scene.children.list, placed);
  placed.sort((a, b) => Math.round(a.y / 16) - Math.round(b.y / 16) || a.x - b.x);
  return placed.map((p) => p.text);
}

/** Names the screen and copies its words into the scene's layer. */
export function readScreen(scene: Phaser.Scene, heading: string): void {
  const layer = ScreenLayer.of(scene).setHeading(heading);
  const words = screenWords(scene);
  words.forEach((text, i) => layer.setLine(`word-${i}`, text));
  for (let i = words.length; layer.hasLine(`word-${i}`); i++) layer.setLine(`word-${i}`, '');
}
