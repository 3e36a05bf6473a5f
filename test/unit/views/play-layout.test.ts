// The play screen's layout (client/src/scenes/play/layout.ts): sizes in, rectangles out.
import { describe, it, expect } from 'vitest';
import { playLayout, projectorScale, type PlayLayoutInput, type Rect } from '../../../client/src/scenes/play/layout.ts';

function input(width: number, height: number, extra: Partial<PlayLayoutInput> = {}): PlayLayoutInput {
  return {
    width, height, hasClose: true, inClass: false, cardHeight: 90, queueHeight: 40,
    metersHeight: () => 120, compactPanelHeight: () => 60, baseFont: 16,
    buttonWidths: [170, 170, 150, 120], buddyLine: null, ...extra,
  };
}

const inside = (r: Rect, width: number, height: number): boolean => r.x >= 0 && r.y >= 0 && r.x + r.w <= width && r.y + r.h <= height;
const below = (upper: Rect, lower: Rect): boolean => upper.y + upper.h <= lower.y;

describe('the play screen layout', () => {
  for (const [width, height] of [[1280, 800], [390, 844]] as const) {
    it(`${width}×${height}: card, heap and meters stack top to bottom on screen, every button inside the width`, () => {
      const at = playLayout(input(width, height));
      for (const r of [at.card, at.heap, at.meters]) expect(inside(r, width, height), JSON.stringify(r)).toBe(true);
      expect(below(at.card, at.heap)).toBe(true);
      expect(below(at.heap, at.meters)).toBe(true);
      expect(at.buttons).toHaveLength(4);
      for (const b of at.buttons) expect(b.y).toBeGreaterThan(at.meters.y + at.meters.h);
      for (const b of at.buttons) expect(b.y).toBeLessThanOrEqual(height);
    });
  }

  it('a phone puts the queue under the card; a laptop beside it', () => {
    const phone = playLayout(input(390, 844));
    expect(below(phone.card, phone.queue)).toBe(true);
    const laptop = playLayout(input(1280, 800));
    expect(laptop.queue.x).toBeGreaterThan(laptop.card.x);
    expect(laptop.queue.y).toBe(laptop.card.y);
  });

  it('a class round on a wide screen puts the class panel in a column right of the heap; on a phone a few lines above the meters', () => {
    const wide = playLayout(input(1400, 900, { inClass: true }));
    expect(wide.classPanel?.compact).toBe(false);
    expect(wide.classPanel!.box.x).toBeGreaterThanOrEqual(wide.heap.x + wide.heap.w);
    const phone = playLayout(input(390, 844, { inClass: true }));
    expect(phone.classPanel?.compact).toBe(true);
    expect(below(phone.heap, phone.classPanel!.box)).toBe(true);
    expect(below(phone.classPanel!.box, phone.meters)).toBe(true);
    expect(playLayout(input(1400, 900)).classPanel).toBeNull();
  });

  it('buttons that wrap to a second row take room from the heap, not from the screen', () => {
    const one = playLayout(input(390, 844, { buttonWidths: [170] }));
    const three = playLayout(input(390, 844, { buttonWidths: [170, 170, 170, 170, 170] }));
    expect(new Set(three.buttons.map((b) => b.y)).size).toBe(3);
    expect(three.heap.h).toBeLessThan(one.heap.h);
    for (const b of three.buttons) expect(b.x + 85).toBeLessThanOrEqual(390);
  });

  it('a buddy round splits the heap: the address line on top, the tree under it', () => {
    const at = playLayout(input(1280, 800, { buddyLine: { rowHeight: 80, spaceBytes: 256 } }));
    expect(at.line.y).toBe(at.heap.y);
    expect(at.tree).not.toBeNull();
    expect(below(at.line, at.tree!)).toBe(true);
    expect(at.tree!.y + at.tree!.h).toBeLessThanOrEqual(at.heap.y + at.heap.h);
  });

  it('a buddy round fits only where the tree box holds its free lists (the scene then tries a smaller text size), and its line takes one row rather than squeeze them', () => {
    const roomy = playLayout(input(390, 844, { buddyLine: { rowHeight: 60, spaceBytes: 512, treeLeast: () => 100 } }));
    expect(roomy.fits).toBe(true);
    expect(roomy.tree!.h).toBeGreaterThanOrEqual(100);
    expect(roomy.line.h).toBe(2 * 60 + 4);
    // Two rows of line would leave the tree less than it needs: one row, the tree keeps its room.
    const tight = playLayout(input(390, 844, { buddyLine: { rowHeight: 60, spaceBytes: 512, treeLeast: (w) => (w > 0 ? 300 : 0) } }));
    expect(tight.line.h).toBe(60 + 4);
    const tooTall = playLayout(input(390, 844, { buddyLine: { rowHeight: 60, spaceBytes: 512, treeLeast: () => 2000 } }));
    expect(tooTall.fits).toBe(false);
  });

  it('the heap box is at least as tall as the line needs at the text size, else the layout does not fit', () => {
    expect(playLayout(input(1366, 768, { heapLeast: 200 })).heap.h).toBeGreaterThanOrEqual(200);
    const short = playLayout(input(1366, 768, { heapLeast: 700 }));
    expect(short.fits).toBe(false);
    expect(short.heap.h).toBe(700);
  });

  it('at a larger text size the queue starts further right, clear of the larger request card', () => {
    const plain = playLayout(input(1366, 768));
    const large = playLayout(input(1366, 768, { textSize: 2 }));
    expect(large.queue.x - large.card.x).toBe(2 * (plain.queue.x - plain.card.x));
  });

  it('a 1920×1080 projector scales the status, the progress and the buttons up; a laptop and a phone keep them as they are', () => {
    expect(projectorScale(1366, 768)).toBe(1);
    expect(projectorScale(390, 844)).toBe(1);
    const scale = projectorScale(1920, 1080);
    expect(scale).toBeGreaterThanOrEqual(1.3);
    const widths = [170, 170, 150, 120].map((w) => w * scale);
    const at = playLayout(input(1920, 1080, { scale, buttonWidths: widths }));
    expect(at.textSize).toBeGreaterThanOrEqual(21);
    expect(at.buttonHeight).toBeGreaterThanOrEqual(57);
    // Status under the progress line with room for the larger text; the buttons under both, on screen.
    expect(at.status.y - at.progress.y).toBeGreaterThanOrEqual(at.textSize * 1.3);
    for (const b of at.buttons) {
      expect(b.y - at.buttonHeight / 2).toBeGreaterThan(at.status.y);
      expect(b.y + at.buttonHeight / 2).toBeLessThanOrEqual(1080);
    }
    expect(playLayout(input(1366, 768)).textSize).toBe(16);
  });
});
