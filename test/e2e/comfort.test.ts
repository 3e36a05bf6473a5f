// Comfort settings (issue 16, item 6) in a real browser: the settings overlay from the
// title screen, by keyboard alone, audited by axe, kept across a reload; at 200 % text a
// student plays level 1 to its results on a laptop and a phone, and on every screen on
// the way (title, level map, the explanation, play, results) each text stays on screen
// and inside the button it labels; with reduced motion the practice round has no 3-2-1
// and the heap's flashes stand still instead of fading.

import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PlayViewForTests } from '../../client/src/test-hook.ts';
import { artifactPath, type TextBox } from './support.ts';
import { until, untilLaidOut, untilMoveOrResults, untilPast, untilScene, useServerAndPeople } from './scene-support.ts';
import { expectNoSeriousViolations, focused } from './a11y-support.ts';
import { expectFits, personWith as personWithIn, type Screen } from './comfort-support.ts';

const people = useServerAndPeople();

interface DialogReport {
  readonly open: boolean;
  readonly textSize: number;
  readonly motion: string;
}

const SIZES = { laptop: { width: 1366, height: 768 }, phone: { width: 390, height: 844 } } as const;

/** A browser whose comfort settings start as `comfort` (as if chosen on an earlier visit). */
const personWith = (size: { width: number; height: number }, comfort: Record<string, unknown>): Promise<Page> => personWithIn(people, size, comfort);

function dialog(page: Page): Promise<DialogReport | null> {
  return page.evaluate(() => ((window as unknown as { mallocade?: { views?: Record<string, unknown> } }).mallocade?.views?.ComfortDialog as DialogReport | undefined) ?? null);
}

/** The biggest text drawn by the play screen's request card and status, to see that 200 % is really larger. */
const tallest = (texts: readonly TextBox[]): number => Math.max(...texts.map((t) => t.h));

describe('comfort settings', () => {
  it('are set from the title by keyboard alone, pass axe, and survive a reload', async () => {
    const page = await people.person(SIZES.laptop);
    await page.goto(people.server.url);
    await untilScene(page, 'TitleScene');
    const before = await untilLaidOut<Screen>(page, 'TitleScene');
    await page.keyboard.press('4');
    await expect.poll(() => dialog(page).then((d) => d?.open)).toBe(true);
    // The focus starts on the chosen text size; the arrows choose within the group.
    expect(await focused(page)).toMatchObject({ tag: 'INPUT' });
    await expectNoSeriousViolations(page, 'comfort settings');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => dialog(page).then((d) => d?.textSize)).toBe(2);
    // Tab to the motion group (its chosen radio: "As my system asks"), one step right: reduced.
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => dialog(page).then((d) => d?.motion)).toBe('reduce');
    await page.screenshot({ path: artifactPath('comfort-dialog.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog(page).then((d) => d?.open)).toBe(false);
    // Still the title (Esc closed the overlay only), its words now larger.
    const after = await until<Screen>(page, 'TitleScene', (v) => tallest(v.texts) > tallest(before.texts));
    await expectFits(page, after, 'title-laptop-200');

    await page.reload();
    await untilScene(page, 'TitleScene');
    await page.keyboard.press('4');
    await expect.poll(() => dialog(page)).toMatchObject({ open: true, textSize: 2, motion: 'reduce' });
    expect(await page.locator('input[name=comfort-text]:checked').getAttribute('value')).toBe('2');
    await page.keyboard.press('Escape');
  });

  for (const [name, size] of Object.entries(SIZES)) {
    it(`at 200 % text fit on a ${name}: title, level map, explanation, play and results`, async () => {
      const page = await personWith(size, { textSize: 2 });
      await page.goto(people.server.url);
      await expectFits(page, await untilLaidOut<Screen>(page, 'TitleScene'), `title-${name}-200`);
      await page.keyboard.press('1');
      await expectFits(page, await untilLaidOut<Screen>(page, 'LevelSelectScene'), `levels-${name}-200`);
      await page.keyboard.press('Enter');
      const explaining = await until<PlayViewForTests>(page, 'PlayScene', (v) => v.explaining && v.width === size.width);
      await expectFits(page, explaining, `explanation-${name}-200`);
      await page.keyboard.press('Enter');
      let checked = false;
      for (let step = 0; step < 60; step++) {
        const v = await untilMoveOrResults(page);
        if (!v) break;
        if (!checked && v.phase === 'playing') {
          await expectFits(page, v, `play-${name}-200`);
          checked = true;
        }
        await page.keyboard.press('Enter');
        await untilPast(page, v.version);
      }
      expect(checked, 'the round was seen while playing').toBe(true);
      const results = await until<Screen & { layout: { width?: number } }>(page, 'ResultsScene', (v) => v.layout.width === size.width);
      await expectFits(page, { ...results, width: size.width, height: size.height }, `results-${name}-200`);
    });
  }

  it('with reduced motion start the round without a 3-2-1 and flash the heap without fading', async () => {
    const page = await personWith(SIZES.laptop, { motion: 'reduce' });
    await page.goto(`${people.server.url}/?level=bump-ramp`);
    await until<PlayViewForTests>(page, 'PlayScene', (v) => v.explaining);
    await page.keyboard.press('Enter');
    // The clock runs at once: no count word is ever drawn.
    await until<PlayViewForTests>(page, 'PlayScene', (v) => v.phase === 'playing');
    const countdown = await page.evaluate(() => (window as unknown as { mallocade: { views?: Record<string, { showing?: unknown; skipped?: unknown }> } }).mallocade.views?.Countdown ?? null);
    expect(countdown).toMatchObject({ showing: null, skipped: true });
    const v = await untilMoveOrResults(page);
    if (!v) throw new Error('the round ended before a move');
    await page.keyboard.press('Enter');
    await untilPast(page, v.version);
    const flash = await page.evaluate(() => (window as unknown as { mallocade: { views?: Record<string, { fades?: unknown }> } }).mallocade.views?.HeapFlash ?? null);
    expect(flash).toMatchObject({ fades: false });
  });
});
