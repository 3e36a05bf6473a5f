// Comfort settings (issue 16, item 6) in a real browser: the settings overlay from the
// title screen, by keyboard alone, audited by axe, kept across a reload; at 200 % text a
// student plays level 1 to its results on a laptop and a phone, and on every screen on
// the way (title, level map, the explanation, play, results) each text stays on screen
// and inside the button it labels; with reduced motion the practice round has no 3-2-1
// and the heap's flashes stand still instead of fading. Every kind's play screen (free list,
// list order, the mmap strip, buddy, slab, arena) at 100, 150 and 200 % on both: its texts
// on screen, inside their buttons and apart from one another, when the round starts and
// after a few moves.

import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PlayViewForTests } from '../../client/src/test-hook.ts';
import { artifactPath, type TextBox } from './support.ts';
import { until, untilLaidOut, untilMoveOrResults, untilPast, untilScene, useServerAndPeople } from './scene-support.ts';
import { expectNoSeriousViolations, focused } from './a11y-support.ts';
import { expectApart, expectFits, personWith as personWithIn, type Screen } from './comfort-support.ts';

const people = useServerAndPeople();

interface DialogReport {
  readonly open: boolean;
  readonly textSize: number;
  readonly motion: string;
}

const SIZES = { laptop: { width: 1366, height: 768 }, phone: { width: 390, height: 844 } } as const;

/** A level for each kind of play screen: the address line (with its list-order marks, its mmap strip), the buddy tree (small and deep), the slab and arena boards. */
const LEVEL_OF_KIND = {
  'free list': 'first-fit',
  'list order': 'free-list-order',
  mmap: 'sbrk-mmap',
  'small buddy': 'buddy-walkthrough',
  buddy: 'buddy-rounding',
  slab: 'slab',
  arena: 'arenas',
} as const;

/** Moves played (Enter: the first spot that fits; on a board, the first slab or arena) before the second check, so the heap has blocks and holes. */
const MOVES_BEFORE_SECOND_CHECK = 3;

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

  for (const [kind, level] of Object.entries(LEVEL_OF_KIND)) {
    for (const [device, size] of Object.entries(SIZES)) {
      for (const textSize of [1, 1.5, 2]) {
        it(`the ${kind} play screen fits a ${device} at ${textSize * 100} % text, its texts apart from one another`, { timeout: 90_000 }, async () => {
          const name = `${kind.replace(' ', '-')}-${device}-${textSize * 100}`;
          // Reduced motion: no 3-2-1 drawn over the board (it is judged once the round runs).
          const page = await personWith(size, { textSize, motion: 'reduce' });
          await page.goto(`${people.server.url}/?level=${level}`);
          await until<PlayViewForTests>(page, 'PlayScene', (v) => v.explaining && v.width === size.width);
          await page.keyboard.press('Enter');
          const start = await until<PlayViewForTests>(page, 'PlayScene', (v) => !v.explaining && v.phase === 'playing' && v.pending !== null);
          await expectFits(page, start, `play-${name}`);
          await expectApart(page, start, `play-${name}`);
          let last: PlayViewForTests | null = start;
          for (let move = 0; move < MOVES_BEFORE_SECOND_CHECK && last; move++) {
            // On a slab or arena board the arrows choose a slab or arena first ("+ new" when there is none).
            if (last.spots.length > 0) await page.keyboard.press('ArrowRight');
            await page.keyboard.press('Enter');
            await untilPast(page, last.version);
            last = await untilMoveOrResults(page);
          }
          // A round short enough to end meanwhile was seen at its start.
          if (!last) return;
          await expectFits(page, last, `play-${name}-moved`);
          await expectApart(page, last, `play-${name}-moved`);
        });
      }
    }
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
