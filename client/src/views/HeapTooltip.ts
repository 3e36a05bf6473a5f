// The hover tooltip of the heap views: what a region is (block id and tag, bytes
// requested, block size, address range; or a hole's size) in a box that follows
// the pointer and stays on screen. It overlaps other text on purpose, so it is
// named 'overlay' (the browser tests' overlap check skips overlays).

import Phaser from 'phaser';
import type { RegionView } from '../../../shared/core/allocator.ts';
import { FONT_FAMILY, UI, baseFontSize } from '../palette.ts';
import { formatAddress, formatBytes } from './format.ts';

export const OVERLAY_NAME = 'overlay';

function range(region: RegionView): string {
  return `address ${formatAddress(region.start)}–${formatAddress(region.start + region.size - 1)}`;
}

/** The tooltip's words for a region (live block, hole, room past the break, mmap region). */
export function describeRegion(region: RegionView, breakAt: number): string {
  const where = region.area === 'mmap' ? ' (mmap)' : '';
  if (region.state === 'live') {
    const requested = region.requested ?? region.size;
    const spare = region.size - requested;
    return [
      `block #${region.id}${region.tag === undefined ? '' : ` · ${region.tag}`}${where}`,
      `requested ${formatBytes(requested)}`,
      `block size ${formatBytes(region.size)}${spare > 0 ? ` (${formatBytes(spare)} unused)` : ''}`,
      range(region),
    ].join('\n');
  }
  if (region.state === 'free') return [`free hole${where}`, formatBytes(region.size), range(region)].join('\n');
  return [`past the break (${breakAt})`, `${formatBytes(region.size)} the heap can grow into`, range(region)].join('\n');
}

export class HeapTooltip {
  private readonly scene: Phaser.Scene;
  private readonly text: Phaser.GameObjects.Text;

  constructor(scene: Phaser.Scene, depth: number) {
    this.scene = scene;
    this.text = scene.add.text(0, 0, '', {
      fontFamily: FONT_FAMILY, fontSize: '14px', color: UI.text, backgroundColor: '#000000', padding: { x: 8, y: 6 },
    });
    this.text.setDepth(depth).setVisible(false).setName(OVERLAY_NAME);
  }

  show(words: string, px: number, py: number): void {
    const size = Math.max(12, baseFontSize(this.scene.scale.width, this.scene.scale.height) - 2);
    if (this.text.style.fontSize !== `${size}px`) this.text.setFontSize(size);
    this.text.setText(words).setVisible(true);
    const { width, height } = this.scene.scale;
    const x = px + 16 + this.text.width > width ? px - 12 - this.text.width : px + 16;
    const y = py + 16 + this.text.height > height ? py - 12 - this.text.height : py + 16;
    this.text.setPosition(Math.max(0, Math.round(x)), Math.max(0, Math.round(y)));
  }

  hide(): void {
    this.text.setVisible(false);
  }

  isVisible(): boolean {
    return this.text.visible;
  }

  destroy(): void {
    this.text.destroy();
  }
}
