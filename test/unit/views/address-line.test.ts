// The heap view's address line: which bytes each row holds, where an address is
// drawn and which address is under a point, worked out by hand from the frame.

import { describe, expect, it } from 'vitest';
import { AddressLine, roundRowBytes, type LineFrame } from '../../../client/src/views/address-line.ts';

function frame(width: number, rowsVisible: number): LineFrame {
  return { left: 10, top: 100, width, band: 50, barOffset: 10, barHeight: 30, rowsVisible };
}

describe('AddressLine', () => {
  it('puts a heap that gets 2 px a byte on one row spanning the width', () => {
    const line = new AddressLine();
    line.configure(frame(320, 3), 160);
    expect(line.bytesPerRow).toBe(160);
    expect(line.rowCount()).toBe(1);
    expect(line.xOf(16, 0)).toBe(42);
    expect(line.addressAt(10 + 16 * 2 + 1, 105)).toBe(16);
    expect(line.segments(16, 16)).toEqual([{ start: 16, end: 32, row: 0, x: 42, y: 110, w: 32, h: 30 }]);
  });

  it('wraps a large heap into the visible rows and splits a block that crosses a row end', () => {
    const line = new AddressLine();
    line.configure(frame(400, 4), 4096);
    // 4 rows of 1024 bytes still give under 2 px a byte, so every visible row is used.
    expect(line.bytesPerRow).toBe(1024);
    expect(line.rowCount()).toBe(4);
    expect(line.segments(1000, 100)).toEqual([
      { start: 1000, end: 1024, row: 0, x: 10 + 1000 * 400 / 1024, y: 110, w: 24 * 400 / 1024, h: 30 },
      { start: 1024, end: 1100, row: 1, x: 10, y: 160, w: 76 * 400 / 1024, h: 30 },
    ]);
  });

  it('rounds row sizes up to a quarter of the next power of two', () => {
    expect(roundRowBytes(1000)).toBe(1024);
    expect(roundRowBytes(300)).toBe(384);
    expect(roundRowBytes(50)).toBe(64);
    expect(roundRowBytes(3)).toBe(3);
  });

  it('zooms in around an anchor address, keeping it on the same screen row', () => {
    const line = new AddressLine();
    line.configure(frame(400, 4), 4096);
    line.setZoom(2, 3000);
    // 512 bytes a row: address 3000 is on row 5, which stays the third row on screen.
    expect(line.bytesPerRow).toBe(512);
    expect(line.rowCount()).toBe(8);
    expect(line.firstRow).toBe(3);
    expect(line.addressAt(10, 100 + 2 * 50 + 1)).toBe(2560);
  });

  it('stops zooming in at 48 px a byte, rounded up to a round row size', () => {
    const line = new AddressLine();
    line.configure(frame(400, 4), 4096);
    line.setZoom(10_000);
    // 400 px / 48 px needs at least 9 bytes a row; rounded up to a quarter of 16, that is 12.
    expect(line.bytesPerRow).toBe(12);
  });

  it('answers null off the line and past the end of the last row', () => {
    const line = new AddressLine();
    line.configure(frame(100, 2), 100);
    expect(line.bytesPerRow).toBe(64);
    expect(line.addressAt(10 + 50, 100 + 50 + 1)).toBe(96);
    expect(line.addressAt(10 + 60, 100 + 50 + 1)).toBeNull();
    expect(line.addressAt(9, 101)).toBeNull();
    expect(line.addressAt(20, 100 + 2 * 50)).toBeNull();
  });

  it('scrolls the least needed to reveal an address and never past the last rows', () => {
    const line = new AddressLine();
    line.configure(frame(400, 4), 4096);
    line.setZoom(2, 3000);
    line.reveal(0);
    expect(line.firstRow).toBe(0);
    line.reveal(4095);
    expect(line.firstRow).toBe(4);
    line.scrollRows(10);
    expect(line.firstRow).toBe(4);
    line.scrollRows(-10);
    expect(line.firstRow).toBe(0);
  });
});
