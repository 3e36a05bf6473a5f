// Where everything on the play screen goes, as a plain function: the screen's size and
// what the views measure in, rectangles out (no Phaser; unit-tested). Top to bottom:
// the title (and ✕), the request card with the queue beside it (under it on a phone),
// the heap (in a buddy round the address line over the tree), the class panel (a few
// lines here on a narrow screen, a column on the right of a wide one), the meters, the
// progress and status lines, and the buttons in rows that wrap.

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface PlayLayoutInput {
  readonly width: number;
  readonly height: number;
  /** Whether the header has the ✕ (practice) at its right. */
  readonly hasClose: boolean;
  /** Whether a class panel is on screen (a class round). */
  readonly inClass: boolean;
  readonly cardHeight: number;
  readonly queueHeight: number;
  /** The meters' height at a width. */
  readonly metersHeight: (width: number) => number;
  /** The class panel's height as a few lines above the meters, at a text size. */
  readonly compactPanelHeight: (fontSize: number) => number;
  /** The screen's base text size. */
  readonly baseFont: number;
  /** The visible buttons' widths, in order. */
  readonly buttonWidths: readonly number[];
  /** A buddy round's address line: the height of one row and the bytes of the buddy space, and the least height of the tree's box (its free lists alone); null otherwise. */
  readonly buddyLine: { readonly rowHeight: number; readonly spaceBytes: number; readonly treeLeast?: (width: number) => number } | null;
  /** The least height the heap's box is drawn in without its words meeting (one row of the line and its mmap strip); 140 at least. */
  readonly heapLeast?: number;
  /** How much larger the status, progress and buttons are drawn (projectorScale); 1 when absent. */
  readonly scale?: number;
  /** The player's text size (1 to 2, a11y/comfort.ts): the title, progress and status lines grow by it; 1 when absent. */
  readonly textSize?: number;
  /** The buttons' height (they grow with their labels); 44 × scale when absent. */
  readonly buttonHeight?: number;
}

export interface PlayLayout {
  readonly narrow: boolean;
  readonly title: { readonly x: number; readonly y: number; readonly fontSize: number; readonly maxWidth: number };
  readonly close: Point;
  /** The comfort settings' button, left of the ✕ (or where the ✕ would be). */
  readonly settings: Point;
  readonly card: Rect;
  readonly queue: Rect;
  /** The heap's whole box (the board of a slab or arena round). */
  readonly heap: Rect;
  /** The address line: the heap's box, or in a buddy round its top. */
  readonly line: Rect;
  /** A buddy round: the room under the line for the tree and its free lists. */
  readonly tree: Rect | null;
  /** The class panel's box and text size, and whether it is the compact (few-lines) form. */
  readonly classPanel: { readonly box: Rect; readonly fontSize: number; readonly compact: boolean } | null;
  readonly meters: Rect;
  readonly progress: Point & { readonly wrap: number };
  readonly status: Point & { readonly wrap: number };
  /** Each button's centre, in the order of `buttonWidths`. */
  readonly buttons: readonly Point[];
  /** The right edge of the content (addresses drawn past it are off the heap's box). */
  readonly right: number;
  /** Everything has its room: the heap (and a buddy round's tree) got at least its least height and the buttons are not pushed up into the words. */
  readonly fits: boolean;
  /** The progress and status lines' text size (and at 100 % text, the least the status shrinks to for its two lines), and the buttons' height. */
  readonly textSize: number;
  readonly wordsLeast: number;
  readonly buttonHeight: number;
}

/**
 * [Item 19] On a projector-sized screen (1600×900 and up) the status, progress and buttons
 * are drawn larger, so the back of the room can read them: by the screen's size over a
 * laptop's (1366×768), at most 1.5. Elsewhere 1.
 */
export function projectorScale(width: number, height: number): number {
  return width >= 1600 && height >= 900 ? Math.min(1.5, width / 1366, height / 768) : 1;
}

/** Below this width the screen is laid out as a phone's. */
const NARROW = 700;
/** From this width on, a class round puts the class panel in a column beside the heap. */
export const CLASS_COLUMN_WIDTH = 900;
/** Where the queue of next requests starts, right of the request card. */
const QUEUE_OFFSET = 300;
const BUTTON_GAP = 12;
/** The heap's box is never shorter than this. */
const MIN_HEAP = 140;
const BUTTON_ROW = 52;

/** How many rows buttons of these widths take when they wrap within `width`. */
export function countRows(widths: readonly number[], width: number, gap = BUTTON_GAP): number {
  let rows = 1;
  let x = 0;
  for (const w of widths) {
    if (x > 0 && x + w > width) {
      rows++;
      x = 0;
    }
    x += w + gap;
  }
  return rows;
}

/** Button centres from (left, top), wrapping at `right`, rows `rowStep` apart. */
function buttonCentres(widths: readonly number[], left: number, top: number, right: number, rowStep: number): Point[] {
  const centres: Point[] = [];
  let x = left;
  let y = top;
  for (const w of widths) {
    if (x + w > right) {
      x = left;
      y += rowStep;
    }
    centres.push({ x: x + w / 2, y });
    x += w + BUTTON_GAP;
  }
  return centres;
}

export function playLayout(input: PlayLayoutInput): PlayLayout {
  const { width, height } = input;
  const scale = input.scale ?? 1;
  const grow = input.textSize ?? 1;
  const buttonHeight = input.buttonHeight ?? Math.round(44 * scale);
  const rowStep = Math.max(Math.round(BUTTON_ROW * scale), buttonHeight + 8);
  const textSize = Math.round(16 * scale * grow);
  const narrow = width < NARROW;
  const pad = narrow ? 12 : 24;
  // The progress line and the status's two lines, between the meters and the buttons.
  const wordsHeight = Math.ceil(textSize * 1.25 * 3) + 10;
  // In a class on a wide screen the class panel takes a column on the right; the board keeps the rest.
  const column = input.inClass && width >= CLASS_COLUMN_WIDTH ? Math.round(Math.min(420, Math.max(260, width * 0.24))) : 0;
  const contentW = width - 2 * pad - (column ? column + pad : 0);
  const right = pad + contentW;
  const titleFont = Math.round((narrow ? 20 : 26) * grow);
  const title = { x: pad, y: 12, fontSize: titleFont, maxWidth: width - 2 * pad - (input.hasClose ? 56 : 0) - 52 };
  const cardTop = Math.max(narrow ? 56 : 64, 12 + Math.ceil(titleFont * 1.25) + 8);
  const card = { x: pad, y: cardTop, w: contentW, h: input.cardHeight };
  // The next requests sit beside the card, or on a phone on a line of their own under it.
  const queueTop = cardTop + input.cardHeight + 8;
  // The card grows with the text size: the queue starts further right.
  const queueLeft = pad + Math.round(QUEUE_OFFSET * grow);
  const queue = narrow
    ? { x: pad, y: queueTop, w: contentW, h: input.queueHeight }
    : { x: queueLeft, y: cardTop, w: Math.max(1, right - queueLeft - 60), h: input.cardHeight };
  const heapTop = narrow ? queueTop + input.queueHeight + 14 : cardTop + input.cardHeight + 24;
  const metersHeight = input.metersHeight(contentW);
  // On a narrow screen the class panel is a few lines above the meters.
  const panelFont = column ? input.baseFont : Math.min(input.baseFont, 16);
  const panelHeight = input.inClass && !column ? input.compactPanelHeight(panelFont) : 0;
  // Rows of buttons past the first take room from the heap, so every button stays on screen.
  const extraRows = (countRows(input.buttonWidths, contentW) - 1) * rowStep;
  // Under the heap: a gap, the meters, the words, the first row of buttons and the bottom margin.
  const below = 12 + 8 + wordsHeight + buttonHeight + 8 + (narrow ? 12 : 0);
  const heapRoom = height - heapTop - metersHeight - panelHeight - below - extraRows;
  const heapLeast = Math.max(MIN_HEAP, input.heapLeast ?? 0);
  const heapHeight = Math.max(heapLeast, heapRoom);
  const heap = { x: pad, y: heapTop, w: contentW, h: heapHeight };
  // A buddy round: the address line on top (the one or two rows its space needs at 2 px a
  // byte, as the line wraps), the tree and its free lists under it.
  let line: Rect = heap;
  let tree: Rect | null = null;
  if (input.buddyLine) {
    // Two rows where the space needs them and the tree keeps its room, else one (the line scrolls).
    const wanted = Math.max(1, Math.min(2, Math.ceil((input.buddyLine.spaceBytes * 2) / Math.max(1, contentW))));
    const treeLeast = input.buddyLine.treeLeast?.(contentW) ?? 0;
    const rows = wanted > 1 && heapHeight - (input.buddyLine.rowHeight * wanted + 4) - 8 < treeLeast ? 1 : wanted;
    const lineHeight = input.buddyLine.rowHeight * rows + 4;
    line = { ...heap, h: lineHeight };
    tree = { x: pad, y: heapTop + lineHeight + 8, w: contentW, h: heapHeight - lineHeight - 8 };
  }
  const panelTop = heapTop + heapHeight + 12;
  const classPanel = input.inClass
    ? { box: column ? { x: right + pad, y: cardTop, w: column, h: height - cardTop - pad } : { x: pad, y: panelTop, w: contentW, h: panelHeight }, fontSize: panelFont, compact: !column }
    : null;
  const wordsTop = panelTop + panelHeight;
  const buttonsY = Math.min(height - 8 - buttonHeight / 2 - extraRows, wordsTop + metersHeight + 8 + wordsHeight + buttonHeight / 2);
  return {
    narrow,
    title,
    close: { x: width - pad - 22, y: 34 },
    settings: { x: width - pad - 22 - (input.hasClose ? 52 : 0), y: 34 },
    card,
    queue,
    heap,
    line,
    tree,
    classPanel,
    meters: { x: pad, y: wordsTop, w: contentW, h: metersHeight },
    progress: { x: pad, y: wordsTop + metersHeight + 8, wrap: contentW },
    status: { x: pad, y: wordsTop + metersHeight + 8 + Math.max(Math.round(24 * scale), Math.ceil(textSize * 1.25) + 4), wrap: contentW },
    buttons: buttonCentres(input.buttonWidths, pad, buttonsY, right, rowStep),
    right,
    textSize,
    wordsLeast: Math.round(16 * scale),
    buttonHeight,
    fits: heapRoom >= heapLeast && (tree === null || tree.h >= (input.buddyLine?.treeLeast?.(tree.w) ?? 0)),
  };
}
