// The text styles of the classroom screens, in one place: the game's font at a size
// and colour, and a helper that shortens a line with an ellipsis until it fits a width.

import type Phaser from 'phaser';
import { FONT_FAMILY, UI } from '../../../palette.ts';
import { measureText } from '../../../views/labels.ts';

export function textStyle(size: number, colour: string = UI.text, bold = false): Phaser.Types.GameObjects.Text.TextStyle {
  return { fontFamily: FONT_FAMILY, fontSize: `${Math.round(size)}px`, color: colour, fontStyle: bold ? 'bold' : '' };
}

/** `text` cut with "…" so that it is at most `width` px wide at this size. */
export function fitText(text: string, width: number, size: number, bold = false): string {
  if (measureText(text, size, bold) <= width) return text;
  let cut = text.length;
  while (cut > 1 && measureText(`${text.slice(0, cut)}…`, size, bold) > width) cut--;
  return `${text.slice(0, cut)}…`;
}

/** The largest size (down to `min`) at which `text` fits `width` px. */
export function sizeToFit(text: string, width: number, max: number, min: number, bold = false): number {
  let size = max;
  while (size > min && measureText(text, size, bold) > width) size--;
  return size;
}
