// The geometry of an address line that wraps into rows: which bytes each row holds,
// where an address sits on screen, which address is under a point, zoom and row
// scrolling. Pure arithmetic (no Phaser), so the mapping is tested on its own.
//
// Invariants: row r holds addresses [r * bytesPerRow, (r + 1) * bytesPerRow), every
// row spans the full width, and at zoom 1 with room for one row the whole extent
// fills that row exactly (address a sits at left + a * width / extent).

export interface LineFrame {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  /** Height of one row's band (ruler, bar and hint lanes). */
  readonly band: number;
  /** Offset of the bar inside a band, and its height. */
  readonly barOffset: number;
  readonly barHeight: number;
  /** Rows that fit on screen at once (at least 1). */
  readonly rowsVisible: number;
}

export interface LineSegment {
  /** The address range of this piece: [start, end). */
  readonly start: number;
  readonly end: number;
  readonly row: number;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** Below this many px per byte at zoom 1, the line wraps into more rows (when there is room). */
const FIT_PX_PER_BYTE = 2;
/** Zooming in stops when a byte is this wide. */
const MAX_PX_PER_BYTE = 48;

/** Rounds up to a multiple of a quarter of the next power of two: row starts stay round. */
export function roundRowBytes(bytes: number): number {
  if (bytes <= 4) return Math.max(1, Math.ceil(bytes));
  const quarter = 2 ** Math.ceil(Math.log2(bytes)) / 4;
  return Math.ceil(bytes / quarter) * quarter;
}

export class AddressLine {
  private frame: LineFrame = { left: 0, top: 0, width: 1, band: 1, barOffset: 0, barHeight: 1, rowsVisible: 1 };
  private extentBytes = 1;
  private zoomLevel = 1;
  private first = 0;
  private perRow = 1;

  configure(frame: LineFrame, extent: number): void {
    this.frame = { ...frame, width: Math.max(1, frame.width), rowsVisible: Math.max(1, frame.rowsVisible) };
    this.extentBytes = Math.max(1, Math.ceil(extent));
    this.zoomLevel = Math.min(this.zoomLevel, this.maxZoom());
    this.perRow = this.bytesPerRowAt(this.zoomLevel);
    this.first = this.clampFirstRow(this.first);
  }

  get bytesPerRow(): number {
    return this.perRow;
  }

  get zoom(): number {
    return this.zoomLevel;
  }

  get firstRow(): number {
    return this.first;
  }

  get extent(): number {
    return this.extentBytes;
  }

  get rowsVisible(): number {
    return this.frame.rowsVisible;
  }

  get pxPerByte(): number {
    return this.frame.width / this.perRow;
  }

  rowCount(): number {
    return Math.ceil(this.extentBytes / this.perRow);
  }

  /** Bytes per row at zoom 1: the fewest rows (up to those visible) that give each byte 2 px. */
  fitBytesPerRow(): number {
    const { width, rowsVisible } = this.frame;
    let rows = rowsVisible;
    for (let r = 1; r <= rowsVisible; r++) {
      if ((r * width) / this.extentBytes >= FIT_PX_PER_BYTE) {
        rows = r;
        break;
      }
    }
    return rows === 1 ? this.extentBytes : roundRowBytes(this.extentBytes / rows);
  }

  maxZoom(): number {
    const fewest = Math.max(1, Math.ceil(this.frame.width / MAX_PX_PER_BYTE));
    return Math.max(1, this.fitBytesPerRow() / fewest);
  }

  /** Sets the zoom, keeping `anchor` (an address) on the same screen row when given. */
  setZoom(zoom: number, anchor?: number): void {
    const visibleIndex = anchor === undefined ? 0 : this.rowOf(anchor) - this.first;
    this.zoomLevel = Math.max(1, Math.min(this.maxZoom(), zoom));
    this.perRow = this.bytesPerRowAt(this.zoomLevel);
    const anchorRow = anchor === undefined ? this.rowOf(this.first * this.perRow) : this.rowOf(anchor);
    this.first = this.clampFirstRow(anchorRow - visibleIndex);
  }

  scrollRows(delta: number): void {
    this.first = this.clampFirstRow(this.first + delta);
  }

  /** Scrolls the least needed for the row holding `address` to be on screen. */
  reveal(address: number): void {
    const row = this.rowOf(address);
    if (row < this.first) this.first = row;
    else if (row >= this.first + this.frame.rowsVisible) this.first = this.clampFirstRow(row - this.frame.rowsVisible + 1);
  }

  rowOf(address: number): number {
    return Math.floor(Math.max(0, Math.min(address, this.extentBytes - 1)) / this.perRow);
  }

  isRowVisible(row: number): boolean {
    return row >= this.first && row < this.first + this.frame.rowsVisible;
  }

  /** Top of the band of a visible row. */
  bandTop(row: number): number {
    return this.frame.top + (row - this.first) * this.frame.band;
  }

  barTop(row: number): number {
    return this.bandTop(row) + this.frame.barOffset;
  }

  /** The x of an address on its row; an address at a row's end is that row's right edge. */
  xOf(address: number, row: number): number {
    return this.frame.left + (address - row * this.perRow) * this.pxPerByte;
  }

  /** The addresses on screen: [start, end). */
  visibleRange(): { start: number; end: number } {
    const start = this.first * this.perRow;
    return { start, end: Math.min(this.extentBytes, (this.first + this.frame.rowsVisible) * this.perRow) };
  }

  /** The on-screen pieces of [start, start + size), one per visible row it crosses. */
  segments(start: number, size: number): LineSegment[] {
    const end = Math.min(this.extentBytes, start + size);
    const pieces: LineSegment[] = [];
    if (end <= start) return pieces;
    const lastRow = Math.min(this.rowOf(end - 1), this.first + this.frame.rowsVisible - 1);
    for (let row = Math.max(this.rowOf(start), this.first); row <= lastRow; row++) {
      const a = Math.max(start, row * this.perRow);
      const b = Math.min(end, (row + 1) * this.perRow);
      if (b <= a) continue;
      const x = this.xOf(a, row);
      pieces.push({ start: a, end: b, row, x, y: this.barTop(row), w: this.xOf(b, row) - x, h: this.frame.barHeight });
    }
    return pieces;
  }

  /** The byte under a screen point (anywhere in a row's band), or null off the line. */
  addressAt(px: number, py: number): number | null {
    const { left, top, width, band, rowsVisible } = this.frame;
    if (px < left || px >= left + width || py < top || py >= top + rowsVisible * band) return null;
    const row = this.first + Math.floor((py - top) / band);
    const address = row * this.perRow + Math.floor((px - left) / this.pxPerByte);
    return address >= 0 && address < this.extentBytes ? address : null;
  }

  private bytesPerRowAt(zoom: number): number {
    const fit = this.fitBytesPerRow();
    if (zoom <= 1) return fit;
    const fewest = Math.max(1, Math.ceil(this.frame.width / MAX_PX_PER_BYTE));
    return Math.max(fewest, Math.min(fit, roundRowBytes(fit / zoom)));
  }

  private clampFirstRow(row: number): number {
    return Math.max(0, Math.min(row, this.rowCount() - this.frame.rowsVisible));
  }
}
