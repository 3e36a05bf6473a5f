import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { artifactPath, launchBrowser, startServer, type RunningServer } from './support.ts';

interface SliceView {
  version: number;
  phase: string;
  pending: { id: number; size: number } | null;
  heapSize: number;
  blocks: { id: number; address: number; size: number }[];
  status: string;
}

let server: RunningServer;
let browser: BrowserContext;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function view(page: Page): Promise<SliceView | null> {
  return page.evaluate(() => (window as unknown as { mallocade?: { view: SliceView } }).mallocade?.view ?? null);
}

describe('the game in a browser (warm-up practice round)', () => {
  it('places a block where the player clicks and shows a refusal in words', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/?level=warm-up`);
    await expect.poll(() => view(page), { timeout: 30_000 }).toMatchObject({ pending: { size: 1 }, version: 0 });
    const canvas = page.locator('canvas');
    const box = await canvas.boundingBox();
    if (!box) throw new Error('no canvas');
    const first = (await view(page))!;
    // The heap spans the canvas width minus 24px margins; click a quarter of the way in.
    const heapLeft = 24;
    const heapWidth = box.width - 48;
    const heapY = Math.max(120, box.height * 0.35) + 36;
    const unitX = (address: number): number => box.x + heapLeft + ((address + 0.5) / first.heapSize) * heapWidth;
    // The buddy walk-through: 8 units; place the 1-unit request at address 2.
    await page.mouse.click(unitX(2), box.y + heapY);
    await expect.poll(() => view(page).then((v) => v?.blocks), { timeout: 10_000 }).toEqual([{ id: first.pending!.id, address: 2, size: 1 }]);
    await expect.poll(() => view(page).then((v) => v?.pending?.size), { timeout: 10_000 }).toBe(4);

    // A 4-unit block cannot start at address 1 (it is inside the split half and misaligned): refused, with the reason shown.
    await page.mouse.click(unitX(1), box.y + heapY);
    await expect.poll(() => view(page).then((v) => v?.status), { timeout: 10_000 }).toMatch(/^Refused: .+\(place\/misaligned\)$/);
    expect((await view(page))?.blocks).toHaveLength(1);
    await page.screenshot({ path: artifactPath('slice-play.png') });
  });
});
