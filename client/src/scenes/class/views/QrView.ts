// A QR code drawn with Phaser graphics: dark modules on a white square with the
// quiet zone the standard asks for (four modules), sized to whole pixels per module
// so phones read it off a projector. The text is encoded by qrcode-generator.

import Phaser from 'phaser';
import qrcode from 'qrcode-generator';
import { reportDrawn } from '../../../test-hook.ts';

/** Modules of blank margin around the code, as the QR standard asks. */
const QUIET_ZONE = 4;

export interface QrMatrix {
  readonly size: number;
  isDark(row: number, column: number): boolean;
}

/** The module matrix of `text` (error correction M: survives a smudged projector). */
export function encodeQr(text: string): QrMatrix {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  return { size: qr.getModuleCount(), isDark: (r, c) => qr.isDark(r, c) };
}

export class QrView {
  private readonly graphics: Phaser.GameObjects.Graphics;
  private matrix: QrMatrix | null = null;
  private text = '';
  private box = { x: 0, y: 0, side: 0 };

  constructor(scene: Phaser.Scene, depth = 0) {
    this.graphics = scene.add.graphics().setDepth(depth);
  }

  show(text: string): void {
    if (text === this.text) return;
    this.text = text;
    this.matrix = encodeQr(text);
    this.redraw();
  }

  /** The code fills (at most) a `side` x `side` square centred in that square. */
  layout(x: number, y: number, side: number): void {
    this.box = { x, y, side };
    this.redraw();
  }

  /** The side in px the code actually takes (whole pixels per module). */
  drawnSide(): number {
    if (!this.matrix) return 0;
    const cells = this.matrix.size + 2 * QUIET_ZONE;
    return Math.max(1, Math.floor(this.box.side / cells)) * cells;
  }

  setVisible(visible: boolean): void {
    this.graphics.setVisible(visible);
  }

  private redraw(): void {
    const g = this.graphics.clear();
    const matrix = this.matrix;
    if (!matrix || this.box.side <= 0) return;
    const cells = matrix.size + 2 * QUIET_ZONE;
    const module = Math.max(1, Math.floor(this.box.side / cells));
    const side = module * cells;
    const left = Math.round(this.box.x + (this.box.side - side) / 2);
    const top = Math.round(this.box.y + (this.box.side - side) / 2);
    g.fillStyle(0xffffff, 1).fillRect(left, top, side, side);
    g.fillStyle(0x000000, 1);
    for (let r = 0; r < matrix.size; r++) {
      for (let c = 0; c < matrix.size; c++) {
        if (matrix.isDark(r, c)) g.fillRect(left + (c + QUIET_ZONE) * module, top + (r + QUIET_ZONE) * module, module, module);
      }
    }
    reportDrawn('QrView', { text: this.text, modules: matrix.size, modulePx: module, side, left, top });
  }

  destroy(): void {
    this.graphics.destroy();
  }
}
