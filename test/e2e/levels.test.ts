// A solo player: from the title to the level map, level 1 played to the end with
// the mouse, then again with the keyboard only, and the results both times.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artifactPath } from './support.ts';
import { publishedView, untilScene, useServerAndBrowser } from './scene-support.ts';

interface PlayView {
  scene: string;
  version: number;
  phase: string;
  pending: { id: number; size: number } | null;
  holes: { start: number; size: number; pastBreak: boolean }[];
  focus: number | null;
  explaining: boolean;
  title: string;
  score?: number;
  stars?: number;
  thresholds?: number[] | null;
}

const live = useServerAndBrowser({ width: 1280, height: 800 });

const view = (page: Page): Promise<PlayView | null> => publishedView<PlayView>(page);

/** Plays the ramp to the end; `place` puts the pending request at the break. */
async function playToResults(page: Page, place: (v: PlayView) => Promise<void>): Promise<void> {
  for (let step = 0; step < 40; step++) {
    const v = await view(page);
    if (!v || v.scene !== 'PlayScene') break;
    if (!v.pending || v.phase === 'done') {
      await page.waitForTimeout(100);
      continue;
    }
    await place(v);
    await expect.poll(() => view(page).then((n) => (n?.scene === 'PlayScene' ? n.version : Number.MAX_SAFE_INTEGER)), { timeout: 10_000 }).toBeGreaterThan(v.version);
  }
  await untilScene(page, 'ResultsScene');
}

describe('solo play in a browser', () => {
  it('finishes level 1 with the mouse and again with the keyboard, and sees the results', async () => {
    const page = await live.browser.newPage();
    await page.goto(live.server.url);
    await untilScene(page, 'TitleScene');
    await page.keyboard.press('1');
    await untilScene(page, 'LevelSelectScene');
    await page.screenshot({ path: artifactPath('levels-map.png') });
    await page.keyboard.press('Enter');
    await untilScene(page, 'PlayScene');
    await expect.poll(() => view(page).then((v) => v?.explaining), { timeout: 10_000 }).toBe(true);
    expect((await view(page))?.title).toContain('Level 1');
    await page.screenshot({ path: artifactPath('level1-explanation.png') });
    // The clock stands still while the player reads: the round is paused and the time left does not move.
    await expect.poll(() => view(page).then((v) => v?.phase), { timeout: 10_000 }).toBe('paused');
    const timeLeft = () => page.evaluate(() => (window as unknown as { mallocade: { views?: Record<string, { readings?: { timer?: { remaining: number } | null } }> } }).mallocade.views?.MetersView?.readings?.timer?.remaining ?? null);
    const whileReading = await timeLeft();
    expect(whileReading).toBeGreaterThan(0);
    await page.waitForTimeout(1200);
    expect(await timeLeft()).toBe(whileReading);
    await page.keyboard.press('Enter');
    await expect.poll(() => view(page).then((v) => v?.explaining)).toBe(false);
    await expect.poll(() => view(page).then((v) => v?.phase), { timeout: 10_000 }).toBe('playing');
    await expect.poll(timeLeft, { timeout: 10_000 }).toBeLessThan(whileReading!);

    // Mouse: click the room past the break for every request (a ramp never frees, so that is the best place).
    await playToResults(page, async (v) => {
      const hole = v.holes.find((h) => h.pastBreak);
      if (!hole) throw new Error('no room past the break');
      const point = await page.evaluate((a) => window.mallocadeProbe!.pointOf(a), hole.start);
      if (!point) throw new Error('the break is off screen');
      await page.mouse.click(point.x + 2, point.y);
    });
    const byMouse = (await view(page))!;
    await page.screenshot({ path: artifactPath('level1-results-mouse.png') });
    expect(byMouse.thresholds).toHaveLength(3);
    expect(byMouse.stars).toBeGreaterThanOrEqual(2);

    // Keyboard only: R plays again, Enter closes the explanation, ← focuses the last hole (past the break), Enter places.
    await page.keyboard.press('r');
    await untilScene(page, 'PlayScene');
    await expect.poll(() => view(page).then((v) => v?.explaining), { timeout: 10_000 }).toBe(true);
    await page.keyboard.press('Enter');
    await playToResults(page, async (v) => {
      const target = v.holes.findIndex((h) => h.pastBreak);
      for (let tries = 0; tries < v.holes.length + 1; tries++) {
        const now = await view(page);
        if (now?.focus === target) break;
        await page.keyboard.press('ArrowLeft');
      }
      await page.keyboard.press('Enter');
    });
    const byKeyboard = (await view(page))!;
    expect(byKeyboard.stars).toBeGreaterThanOrEqual(2);

    // The level map now shows the stars and opens level 2.
    await page.keyboard.press('l');
    await untilScene(page, 'LevelSelectScene');
    const map = (await view(page)) as unknown as { stops: { id: string; unlocked: boolean; stars: number }[] };
    expect(map.stops[0]?.stars).toBeGreaterThanOrEqual(2);
    expect(map.stops[1]?.unlocked).toBe(true);
    expect(map.stops[2]?.unlocked).toBe(false);
  });
});
