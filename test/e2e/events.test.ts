// Every event is seen (issue 13, items 6, 8, 9): the queue lists frees as well as
// mallocs and a freed block flashes as it leaves; a malloc that fits nowhere stops the
// round on a card that says why; a request whose time runs out is announced with the
// fallback policy and its penalty.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PlayViewForTests } from '../../client/src/test-hook.ts';
import { artifactPath } from './support.ts';
import { publishedView, until, untilPast, useServerAndBrowser } from './scene-support.ts';

const live = useServerAndBrowser({ width: 1366, height: 768 });

type Reports = Record<string, Record<string, unknown> & { draws: number }>;

/** What the views last reported (client/src/test-hook.ts reportDrawn). */
function reports(page: Page): Promise<Reports> {
  return page.evaluate(() => (window as unknown as { mallocade: { views?: Reports } }).mallocade.views ?? {});
}

/** Opens a level and closes its explanation; returns once the first request is pending. */
async function openLevel(page: Page, level: string): Promise<PlayViewForTests> {
  await page.goto(`${live.server.url}/?level=${level}`);
  await until<PlayViewForTests>(page, 'PlayScene', (v) => v.explaining && v.pending !== null);
  await page.keyboard.press('Enter');
  return until<PlayViewForTests>(page, 'PlayScene', (v) => !v.explaining && v.pending !== null);
}

/** Clicks the hole that starts at `address` (a click places the request at the hole's start). */
async function placeAt(page: Page, address: number): Promise<void> {
  const before = await until<PlayViewForTests>(page, 'PlayScene', (v) => v.pending !== null && v.holes.some((h) => h.start <= address && address < h.start + h.size));
  const point = await page.evaluate((a) => window.mallocadeProbe!.pointOf(a), address);
  if (!point) throw new Error(`address ${address} is off screen`);
  await page.mouse.click(point.x + 2, point.y);
  await untilPast(page, before.version);
}

describe('every event is seen', () => {
  it('a free shown in the queue', async () => {
    const page = await live.browser.newPage();
    // First fit's lecture workload: alloc 20, 1, 15, then free the 15 (#2) and the 20 (#0), then 8, 12, 12.
    await openLevel(page, 'first-fit');
    await expect.poll(() => reports(page).then((r) => r.QueueView?.chips)).toEqual(['1 B', '15 B', 'free #2', 'free #0', '8 B', '12 B', '12 B']);
    await page.screenshot({ path: artifactPath('events-queue-frees.png') });
    await placeAt(page, 0);
    await placeAt(page, 20);
    await expect.poll(() => reports(page).then((r) => r.QueueView?.chips)).toEqual(['free #2', 'free #0', '8 B', '12 B', '12 B']);
    // The 15 goes at 21; then both frees run by themselves, and each freed block flashes where it was.
    await placeAt(page, 21);
    await expect.poll(() => reports(page).then((r) => r.HeapFlash)).toMatchObject({ kind: 'freed', start: 0, size: 20 });
    const after = await until<PlayViewForTests>(page, 'PlayScene', (v) => v.pending?.size === 8);
    expect(after.blocks.map((b) => b.id)).toEqual([1]);
    await expect.poll(() => reports(page).then((r) => r.QueueView?.chips)).toEqual(['12 B', '12 B']);
    // The same screen on a projector and on a phone.
    for (const size of [{ width: 1920, height: 1080 }, { width: 390, height: 844 }]) {
      await page.setViewportSize(size);
      await until<PlayViewForTests>(page, 'PlayScene', (v) => v.width === size.width);
      await page.screenshot({ path: artifactPath(`events-queue-${size.width}.png`) });
    }
  });

  it("a failed malloc's card", async () => {
    const page = await live.browser.newPage();
    // Best fit gone wrong: 19, 21, 19, 21, 19 side by side in 99 bytes; the 19s are freed; malloc(20) finds 57 B free in 19 B holes.
    await openLevel(page, 'best-fit-gone-wrong');
    for (const address of [0, 19, 40, 59, 80]) await placeAt(page, address);
    await expect.poll(() => reports(page).then((r) => r.FailureCard), { timeout: 20_000 }).toMatchObject({ open: true });
    const facts = (await reports(page)).FailureCard!;
    expect(facts.title).toBe('malloc(20) → NULL: 57 B free, largest hole 19 B');
    expect(facts.body).toMatch(/no single hole is big enough/);
    expect(facts.button).toBe('results');
    // The round waits on the card: the status says the failure (not "Placed."), and no results yet.
    const held = await until<PlayViewForTests>(page, 'PlayScene', (v) => v.status.startsWith('malloc(20) → NULL'));
    expect(held.texts.map((t) => t.text)).toContain('malloc(20) → NULL: 57 B free, largest hole 19 B');
    await page.screenshot({ path: artifactPath('events-failure-card.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await until<PlayViewForTests>(page, 'PlayScene', (v) => v.width === 390);
    await page.screenshot({ path: artifactPath('events-failure-card-phone.png') });
    await page.keyboard.press('Enter');
    await until(page, 'ResultsScene');
  });

  it("a timeout's announcement", async () => {
    const page = await live.browser.newPage();
    await openLevel(page, 'first-fit');
    // The clock waits for the player: a visible 3-2-1 once the explanation is closed, then it runs.
    await expect.poll(() => reports(page).then((r) => r.Countdown?.showing)).toBe('3');
    // Still held: the round has not started, until the count ends (the room then hears resume).
    expect((await publishedView<PlayViewForTests>(page))?.phase).toBe('waiting');
    await until<PlayViewForTests>(page, 'PlayScene', (v) => v.phase === 'playing');
    // Nothing is placed: when the request's 30 s run out, first fit places it, and the screen says so with the penalty.
    const told = await until<PlayViewForTests>(page, 'PlayScene', (v) => v.status.startsWith("Time's up"), 90_000);
    expect(told.status).toBe("Time's up: placed by first fit, −25.");
    expect((await reports(page)).EventBanner?.text).toBe("Time's up: placed by first fit, −25.");
    expect((await publishedView<PlayViewForTests>(page))?.blocks).toEqual([{ id: 0, address: 0, size: 20 }]);
    await page.screenshot({ path: artifactPath('events-timeout.png') });
  });
});
