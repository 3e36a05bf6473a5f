// A solo player: from the title to the level map, level 1 played to the end with
// the mouse, then again with the keyboard only, and the results both times.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PlayViewForTests } from '../../client/src/test-hook.ts';
import { artifactPath, overlappingTexts, textsOffScreen, type TextBox } from './support.ts';
import { moveFocus, publishedView, until, untilLaidOut, untilMoveOrResults, untilPast, untilScene, useServerAndBrowser, whileFramesDrawn } from './scene-support.ts';
import { CHAPTERS } from '../../shared/levels/chapters.ts';

/** What the level map publishes. */
interface MapView {
  scene: 'LevelSelectScene';
  width: number;
  height: number;
  stops: { id: string; chapter: number }[];
  chapters: { title: string; shown: string }[];
  texts: TextBox[];
}

/** The results of a level. */
interface ResultsView {
  scene: 'ResultsScene';
  score: number;
  stars: number;
  thresholds: number[] | null;
}

const live = useServerAndBrowser({ width: 1280, height: 800 });

const view = (page: Page): Promise<PlayViewForTests | null> => publishedView<PlayViewForTests>(page);

/** Plays the ramp to the end; `place` puts the pending request at the break. */
async function playToResults(page: Page, place: (v: PlayViewForTests) => Promise<void>): Promise<ResultsView> {
  for (let step = 0; step < 40; step++) {
    const v = await untilMoveOrResults(page);
    if (!v) break;
    await place(v);
    await untilPast(page, v.version);
  }
  return until<ResultsView>(page, 'ResultsScene');
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
    const explained = await until<PlayViewForTests>(page, 'PlayScene', (v) => v.explaining);
    expect(explained.title).toContain('Level 1');
    await page.screenshot({ path: artifactPath('level1-explanation.png') });
    // The clock stands still while the player reads: the round has not started (it starts after a 3-2-1
    // once the explanation is closed, shared/match/SPEC.md MATCH-TIME-4) and the time left does not move.
    await expect.poll(() => view(page).then((v) => v?.phase), { timeout: 10_000 }).toBe('waiting');
    const timeLeft = () => page.evaluate(() => (window as unknown as { mallocade: { views?: Record<string, { readings?: { timer?: { remaining: number } | null } }> } }).mallocade.views?.MetersView?.readings?.timer?.remaining ?? null);
    const whileReading = await timeLeft();
    expect(whileReading).toBeGreaterThan(0);
    await whileFramesDrawn(page, 60);
    expect(await timeLeft()).toBe(whileReading);
    await page.keyboard.press('Enter');
    await expect.poll(() => view(page).then((v) => v?.explaining)).toBe(false);
    await expect.poll(() => view(page).then((v) => v?.phase), { timeout: 10_000 }).toBe('playing');
    await expect.poll(timeLeft, { timeout: 10_000 }).toBeLessThan(whileReading!);

    // Mouse: click the room past the break for every request (a ramp never frees, so that is the best place).
    const byMouse = await playToResults(page, async (v) => {
      const hole = v.holes.find((h) => h.pastBreak);
      if (!hole) throw new Error('no room past the break');
      const point = await page.evaluate((a) => window.mallocadeProbe!.pointOf(a), hole.start);
      if (!point) throw new Error('the break is off screen');
      await page.mouse.click(point.x + 2, point.y);
    });
    await page.screenshot({ path: artifactPath('level1-results-mouse.png') });
    expect(byMouse.thresholds).toHaveLength(3);
    expect(byMouse.stars).toBeGreaterThanOrEqual(2);

    // Keyboard only: R plays again, Enter closes the explanation, ← focuses the last hole (past the break), Enter places.
    await page.keyboard.press('r');
    await until<PlayViewForTests>(page, 'PlayScene', (v) => v.explaining);
    await page.keyboard.press('Enter');
    const byKeyboard = await playToResults(page, async (v) => {
      const target = v.holes.findIndex((h) => h.pastBreak);
      await moveFocus<PlayViewForTests>(page, 'PlayScene', 'ArrowLeft', (n) => n.focus, target, v.holes.length + 1);
      await page.keyboard.press('Enter');
    });
    expect(byKeyboard.stars).toBeGreaterThanOrEqual(2);

    // The level map now shows the stars and opens level 2.
    await page.keyboard.press('l');
    const map = await until<{ scene: string; stops: { id: string; unlocked: boolean; stars: number }[] }>(page, 'LevelSelectScene');
    expect(map.stops[0]?.stars).toBeGreaterThanOrEqual(2);
    expect(map.stops[1]?.unlocked).toBe(true);
    expect(map.stops[2]?.unlocked).toBe(false);
  });

  it('groups the level map under the lecture\'s chapter titles, whole and apart, at laptop, phone and projector sizes', async () => {
    const page = await live.browser.newPage();
    await page.goto(live.server.url);
    await untilScene(page, 'TitleScene');
    await page.keyboard.press('1');
    for (const [name, size] of [['laptop', { width: 1366, height: 768 }], ['phone', { width: 390, height: 844 }], ['projector', { width: 1920, height: 1080 }]] as const) {
      await page.setViewportSize(size);
      const map = await untilLaidOut<MapView>(page, 'LevelSelectScene');
      await page.screenshot({ path: artifactPath(`levels-map-chapters-${name}.png`) });
      expect(map.chapters.map((c) => c.title), name).toEqual(CHAPTERS.map((c) => c.title));
      expect(map.chapters.map((c) => c.shown), `${name}: a chapter title was cut`).toEqual(CHAPTERS.map((c) => c.title));
      for (const title of CHAPTERS.map((c) => c.title)) expect(map.texts.map((t) => t.text), name).toContain(title);
      expect(map.stops.map((s) => CHAPTERS[s.chapter]?.levels.includes(s.id)), name).not.toContain(false);
      expect(overlappingTexts(map.texts), `${name}: overlapping texts`).toEqual([]);
      expect(textsOffScreen(map.texts, size.width, size.height), `${name}: texts off screen`).toEqual([]);
    }
    await page.close();
  });
});
