// What the heap line marks where a level is about it (issue 13, item 7): on the next-fit
// level the rover, where the next search resumes; on the free-list-order level a number on
// each hole, 1 = the hole first fit tries first, in the order the player chooses to see
// (Order (O): LIFO, FIFO, by address). Read from what HeapView reports it drew.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PlayViewForTests } from '../../client/src/test-hook.ts';
import { artifactPath } from './support.ts';
import { until, untilMoveOrResults, untilPast, useServerAndBrowser } from './scene-support.ts';

const live = useServerAndBrowser({ width: 1366, height: 768 });

interface Marks { rover: number | null; listOrder: { name: string; addresses: number[] } | null }
interface HeapReport { draws: number; marks: Marks }

function heapMarks(page: Page): Promise<Marks | null> {
  return page.evaluate(() => (window as unknown as { mallocade: { views?: { HeapView?: HeapReport } } }).mallocade.views?.HeapView?.marks ?? null);
}

/** Opens a level past its explanation. */
async function openLevel(page: Page, level: string): Promise<PlayViewForTests> {
  await page.goto(`${live.server.url}/?level=${level}`);
  await until<PlayViewForTests>(page, 'PlayScene', (v) => v.explaining);
  await page.keyboard.press('Escape');
  return until<PlayViewForTests>(page, 'PlayScene', (v) => !v.explaining && v.pending !== null);
}

/** Places requests with Enter (the first hole that fits) until `done` holds of the marks; false if the round ended first. */
async function playUntil(page: Page, done: (m: Marks) => boolean): Promise<boolean> {
  for (let step = 0; step < 40; step++) {
    const marks = await heapMarks(page);
    if (marks && done(marks)) return true;
    const v = await untilMoveOrResults(page);
    if (!v) return false;
    await page.keyboard.press('Enter');
    await untilPast(page, v.version);
  }
  return false;
}

describe('the heap line marks a level\'s idea', () => {
  it('numbers the free list\'s holes on the list-order level, in LIFO, FIFO or address order as the player chooses', async () => {
    const page = await live.browser.newPage();
    await openLevel(page, 'free-list-order');
    expect(await playUntil(page, (m) => (m.listOrder?.addresses.length ?? 0) >= 2), 'two holes on the free list').toBe(true);
    const lifo = (await heapMarks(page))!.listOrder!;
    expect(lifo.name).toBe('LIFO');
    await page.screenshot({ path: artifactPath('marks-lifo.png') });
    await page.keyboard.press('o');
    await until<PlayViewForTests>(page, 'PlayScene', (v) => v.status.includes('FIFO order'));
    await expect.poll(async () => (await heapMarks(page))?.listOrder?.name).toBe('FIFO');
    const fifo = (await heapMarks(page))!.listOrder!;
    // The same holes; FIFO keeps the order they were freed in, LIFO the reverse.
    expect([...fifo.addresses].sort((a, b) => a - b)).toEqual([...lifo.addresses].sort((a, b) => a - b));
    expect(fifo.addresses).toEqual([...lifo.addresses].reverse());
    await page.keyboard.press('o');
    await expect.poll(async () => (await heapMarks(page))?.listOrder?.name).toBe('address');
    const byAddress = (await heapMarks(page))!.listOrder!.addresses;
    expect(byAddress).toEqual([...lifo.addresses].sort((a, b) => a - b));
    await page.screenshot({ path: artifactPath('marks-address.png') });
  });

  it('marks the rover on the next-fit level where the engine has it: a block placed in a hole moves it there', async () => {
    const page = await live.browser.newPage();
    await openLevel(page, 'next-fit');
    await expect.poll(async () => (await heapMarks(page))?.rover ?? null).toBe(0);
    // [FL-ROVER-2] A block placed without growing the heap moves the rover to its start.
    expect(await playUntil(page, (m) => (m.rover ?? 0) > 0), 'the rover moved').toBe(true);
    const marks = (await heapMarks(page))!;
    expect(marks.listOrder).toBeNull();
    const v = await until<PlayViewForTests>(page, 'PlayScene');
    expect(v.blocks.map((b) => b.address)).toContain(marks.rover);
    await page.screenshot({ path: artifactPath('marks-rover.png') });
  });
});
