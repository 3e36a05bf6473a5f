// The drawing components in a real browser: the view gallery (`/?scene=gallery`) served
// by the real server, at a phone held upright and at a 1920x1080 projector. Every view
// must report that it drew, no two texts may overlap or leave the screen, and the
// heap view must answer hover, clicks and the keyboard in engine terms. Screenshots
// of every page at both sizes are kept in test-artifacts/.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { artifactPath, launchBrowser, overlappingTexts, startServer, textsOffScreen, type RunningServer, type TextBox } from './support.ts';
import { untilGallery } from './scene-support.ts';

interface GalleryState {
  page: string;
  width: number;
  height: number;
  texts: TextBox[];
  log: string[];
  probes: Record<string, { x: number; y: number }>;
}

interface Hook {
  views?: Record<string, { draws: number } & Record<string, unknown>>;
  gallery?: GalleryState;
}

const SIZES = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'projector', width: 1920, height: 1080 },
] as const;

/** Each gallery page and the views it must show. */
const PAGES: Record<string, readonly string[]> = {
  play: ['HeapView', 'QueueView', 'RequestCardView', 'MetersView', 'ComparisonBarsView'],
  results: ['ComparisonBarsView', 'LinePlotView'],
  heap: ['HeapView'],
  buddy: ['BuddyView'],
  slab: ['SlabView'],
  arena: ['ArenaView'],
};

/** How long to wait for the game to answer input: the machine is shared, and under load a frame can take a while. */
const PATIENCE = { timeout: 20_000 };

let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

async function hook(page: Page): Promise<Hook> {
  return page.evaluate(() => (window as unknown as { mallocade?: Hook }).mallocade ?? {});
}

/** Where the request card's middle is drawn, rounded to a pixel, and whether it is being dragged. */
async function cardAt(page: Page): Promise<{ x: number; y: number; dragging: boolean } | null> {
  const card = (await hook(page)).views?.RequestCardView as { x: number; y: number; w: number; h: number; dragging: boolean } | undefined;
  return card ? { x: Math.round(card.x + card.w / 2), y: Math.round(card.y + card.h / 2), dragging: card.dragging } : null;
}

async function gallery(page: Page): Promise<GalleryState | null> {
  return (await hook(page)).gallery ?? null;
}

/** Whether the gallery shows `name` within the wait, with what went wrong when it does not. */
async function waitForGallery(page: Page, name: string, problems: readonly string[]): Promise<boolean> {
  try {
    await expect.poll(async () => (await gallery(page))?.page, { timeout: 15_000 }).toBe(name);
    return true;
  } catch {
    console.warn(`gallery page ${name} did not appear: ${problems.join('; ') || 'no errors seen'}`);
    return false;
  }
}

async function openPage(page: Page, name: string): Promise<GalleryState> {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(`${server.url}/?scene=gallery&page=${name}`);
  // dist/client is shared with every other running server, and one that rebuilds it
  // empties it for a moment; a page loaded in that moment is blank, so load it again.
  for (let attempt = 1; !(await waitForGallery(page, name, problems)); attempt++) {
    if (attempt === 3) throw new Error(`the gallery never showed page ${name}: ${problems.join('; ')}`);
    await page.reload();
  }
  // The published texts must be the settled layout of this page at this size.
  const size = page.viewportSize();
  return untilGallery<GalleryState>(page, (g) => g.page === name && g.width === size?.width && g.height === size.height);
}

describe.each(SIZES)('the view gallery on a $name ($width x $height)', (size) => {
  let browser: BrowserContext;

  beforeAll(async () => {
    browser = await launchBrowser({ width: size.width, height: size.height });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(Object.keys(PAGES))('draws every view of the %s page with no overlapping or clipped text', async (name) => {
    const page = await browser.newPage();
    const state = await openPage(page, name);
    await page.screenshot({ path: artifactPath(`views-${name}-${size.name}.png`) });
    const views = (await hook(page)).views ?? {};
    for (const view of PAGES[name] ?? []) expect(views[view]?.draws ?? 0, `${view} drew`).toBeGreaterThan(0);
    expect(state.width).toBe(size.width);
    expect(state.texts.length).toBeGreaterThan(0);
    expect(overlappingTexts(state.texts)).toEqual([]);
    expect(textsOffScreen(state.texts, size.width, size.height)).toEqual([]);
    await page.close();
  });
});

describe('the heap view answers the mouse and the keyboard in engine terms', () => {
  let browser: BrowserContext;

  beforeAll(async () => {
    browser = await launchBrowser({ width: 1280, height: 720 });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function log(page: Page): Promise<string[]> {
    return (await gallery(page))?.log ?? [];
  }

  it('reports the hovered block, the clicked hole and the hole chosen with arrows and Enter', async () => {
    const page = await browser.newPage();
    const state = await openPage(page, 'play');
    const { block1, hole16 } = state.probes;
    if (!block1 || !hole16) throw new Error('the play page published no probes');
    await page.mouse.move(block1.x, block1.y);
    await expect.poll(() => log(page), PATIENCE).toContain('hover live 0');
    await page.screenshot({ path: artifactPath('views-play-hover.png') });
    await page.mouse.click(hole16.x, hole16.y);
    await expect.poll(() => log(page), PATIENCE).toContain('holeclick 0 20');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => log(page), PATIENCE).toContain('holefocus 0');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.mouse.move(1, 1);
    await page.screenshot({ path: artifactPath('views-play-keyboard.png') });
    await page.keyboard.press('Enter');
    // Holes in address order: 16, 52, 88, then the room past the break.
    await expect.poll(() => log(page), PATIENCE).toContain('holechoose 2 88');
    // From hole 2, left goes to 1, then 0, then wraps round to the room past the break.
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await expect.poll(() => log(page), PATIENCE).toContain('holechoose 3 128');
    await page.close();
  });

  it('reports where the request card is dropped, and the gallery judges the spot', async () => {
    const page = await browser.newPage();
    const state = await openPage(page, 'play');
    const { card, hole52, block3 } = state.probes;
    if (!card || !hole52 || !block3) throw new Error('the play page published no probes');
    const dragTo = async (target: { x: number; y: number }): Promise<void> => {
      await page.mouse.move(card.x, card.y);
      await page.mouse.down();
      await page.mouse.move(target.x, target.y, { steps: 8 });
      await page.mouse.up();
    };
    await dragTo(hole52);
    await expect.poll(() => log(page), PATIENCE).toContain('drop 52 legal');
    // The card went home (it glides back); now onto block 3, which the gallery's stand-in refuses.
    await expect.poll(() => cardAt(page), PATIENCE).toEqual({ x: Math.round(card.x), y: Math.round(card.y), dragging: false });
    await page.mouse.move(card.x, card.y);
    await page.mouse.down();
    await page.mouse.move(block3.x, block3.y, { steps: 8 });
    await page.screenshot({ path: artifactPath('views-play-drag-refused.png') });
    await page.mouse.up();
    await expect.poll(() => log(page), PATIENCE).toContain('drop 40 refused');
    await page.close();
  });

  it('reports a picked buddy block, a new slab and a new arena in engine terms', async () => {
    const page = await browser.newPage();
    const buddy = await openPage(page, 'buddy');
    // The buddy sample leaves the 32-byte block at address 32 free (order 1).
    const free = buddy.probes.free;
    if (!free) throw new Error('the buddy page published no probe');
    await page.mouse.click(free.x, free.y);
    await expect.poll(() => log(page), PATIENCE).toContain('pick block 32 order 1 free');
    const slab = await openPage(page, 'slab');
    if (!slab.probes.newSlab) throw new Error('the slab page published no probe');
    await page.mouse.click(slab.probes.newSlab.x, slab.probes.newSlab.y);
    await expect.poll(() => log(page), PATIENCE).toContain('pick slab -1 inode_cache');
    const arena = await openPage(page, 'arena');
    if (!arena.probes.newArena) throw new Error('the arena page published no probe');
    await page.mouse.click(arena.probes.newArena.x, arena.probes.newArena.y);
    await expect.poll(() => log(page), PATIENCE).toContain('pick arena -1');
    await page.close();
  });

  it('zooms a large heap with the keyboard and the mouse wheel, and colours it by age', async () => {
    const page = await browser.newPage();
    await openPage(page, 'heap');
    const bytesPerRow = async (): Promise<number> => Number((await hook(page)).views?.HeapView?.bytesPerRow ?? 0);
    const before = await bytesPerRow();
    await page.keyboard.press('+');
    await expect.poll(bytesPerRow, PATIENCE).toBeLessThan(before);
    await page.keyboard.press('0');
    await expect.poll(bytesPerRow, PATIENCE).toBe(before);
    await page.mouse.move(300, 150);
    await page.mouse.wheel(0, -400);
    await page.mouse.wheel(0, -400);
    await expect.poll(bytesPerRow, PATIENCE).toBeLessThan(before);
    await page.keyboard.press('c');
    await page.keyboard.press('c');
    await expect.poll(async () => (await hook(page)).views?.HeapView?.colourBy, PATIENCE).toBe('age');
    const zoomed = await untilGallery<GalleryState>(page, (g) => g.page === 'heap');
    await page.screenshot({ path: artifactPath('views-heap-zoomed.png') });
    expect(overlappingTexts(zoomed.texts)).toEqual([]);
    await page.close();
  });
});
