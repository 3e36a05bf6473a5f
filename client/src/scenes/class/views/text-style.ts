// The text styles of the classroom screens, in one place: the game's font at a size
// and colour, and the largest size at which a line fits a width (cutting a line to fit
// is views/labels.ts's fitText).

import type Phaser from 'phaser';
import { FONT_FAMILY, UI } from '../../../palette.ts';
import { measureText } from '../../../views/labels.ts';

export function textStyle(size: number, colour: string = UI.text, bold = false): Phaser.Types.GameObjects.Text.TextStyle {
  return { fontFamily: FONT_FAMILY, fontSize: `${Math.round(size)}px`, color: colour, fontStyle: bold ? 'bold' : '' };
}

/** The largest size (down to `min`) at which `text` fits `width` px. */
export function sizeToFit(text: string, width: number, max: number, min: number, bold = false): number {
  let size = max;
  while (size > min && measureText(text, size, bold) > width) size--;
  return size;
}
