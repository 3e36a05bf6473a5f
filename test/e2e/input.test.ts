// Input forgives (issue 13, items 12-14, done when): Esc closes the level's explanation
// without leaving the level, and with nothing open asks before leaving ("Leave this
// level? This round's moves are lost.": Stay keeps the round, Leave goes); Enter with no
// hole chosen places the request in the first hole that fits; and the replay's first
// step shows the first placement, where the player made it.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PlayViewForTests } from '../../client/src/test-hook.ts';
import { artifactPath } from './support.ts';
import { until, untilMoveOrResults, untilPast, untilScene, useServerAndBrowser } from './scene-support.ts';

const live = useServerAndBrowser({ width: 1366, height: 768 });

type Reports = Record<string, Record<string, unknown> & { draws: number }>;

/** What the views last reported (client/src/test-hook.ts reportDrawn). */
function reports(page: Page): Promise<Reports> {
  return page.evaluate(() => (window as unknown as { mallocade: { views?: Reports } }).mallocade.views ?? {});
}

interface ReplayFacts { moment: number; lastMoment: number; leftStep: string; leftBlocks: { address: number; size: number }[] }

describe('input forgives', () => {
  it('Esc closes the explanation without leaving the level; with nothing open it asks first, and Stay keeps the round', async () => {
    const page = await live.browser.newPage();
    await page.goto(`${live.server.url}/?level=first-fit`);
    await until<PlayViewForTests>(page, 'PlayScene', (v) => v.explaining && v.pending !== null);
    await page.keyboard.press('Escape');
    const closed = await until<PlayViewForTests>(page, 'PlayScene', (v) => !v.explaining);
    expect(closed.title).toContain('First fit');
    expect((await reports(page)).LeaveConfirm?.open ?? false).toBe(false);
    // Nothing open now: Esc asks before leaving, and the level stays on screen.
    await page.keyboard.press('Escape');
    await expect.poll(() => reports(page).then((r) => r.LeaveConfirm?.open)).toBe(true);
    expect((await reports(page)).LeaveConfirm?.text).toBe("Leave this level? This round's moves are lost.");
    await until<PlayViewForTests>(page, 'PlayScene');
    await page.screenshot({ path: artifactPath('input-leave-question.png') });
    // Esc again is "Stay": the question goes, the round is still there.
    await page.keyboard.press('Escape');
    await expect.poll(() => reports(page).then((r) => r.LeaveConfirm?.open)).toBe(false);
    await until<PlayViewForTests>(page, 'PlayScene', (v) => v.pending !== null);
    // The ✕ asks too; Leave goes to the title.
    await page.getByRole('button', { name: 'Leave the level (Esc)' }).press('Enter');
    await expect.poll(() => reports(page).then((r) => r.LeaveConfirm?.open)).toBe(true);
    const leave = (await reports(page)).LeaveConfirm!.leave as { x: number; y: number };
    await page.mouse.click(leave.x, leave.y);
    await untilScene(page, 'TitleScene');
  });

  it('Enter with no hole chosen places the request in the first hole that fits; the replay\'s first step shows that placement', async () => {
    const page = await live.browser.newPage();
    await page.goto(`${live.server.url}/?level=bump-ramp`);
    await until<PlayViewForTests>(page, 'PlayScene', (v) => v.explaining);
    await page.keyboard.press('Enter');
    const first = await until<PlayViewForTests>(page, 'PlayScene', (v) => !v.explaining && v.pending !== null && v.blocks.length === 0);
    expect(first.focus).toBeNull();
    await page.keyboard.press('Enter');
    await untilPast(page, first.version);
    const placed = await until<PlayViewForTests>(page, 'PlayScene', (v) => v.blocks.length === 1);
    // The ramp's heap is empty: the first hole that fits is the room at its start.
    expect(placed.blocks).toEqual([{ id: first.pending!.id, address: 0, size: first.pending!.size }]);
    const step = await replayFirstStep(page);
    expect(step.leftBlocks).toEqual([{ address: 0, size: first.pending!.size }]);
    expect(step.leftStep).toContain(`malloc(${first.pending!.size}) → at 0`);
    await page.screenshot({ path: artifactPath('input-replay-first-step.png') });
  });

  it('Hex (X) writes every address in hex: the heap\'s mirror, a refusal, and the replay\'s steps (issue 13, item 7)', async () => {
    const page = await live.browser.newPage();
    await page.goto(`${live.server.url}/?level=bump-ramp`);
    await until<PlayViewForTests>(page, 'PlayScene', (v) => v.explaining);
    await page.keyboard.press('Escape');
    const first = await until<PlayViewForTests>(page, 'PlayScene', (v) => !v.explaining && v.pending !== null);
    await page.keyboard.press('x');
    await until<PlayViewForTests>(page, 'PlayScene', (v) => v.status.includes('in hex'));
    await page.keyboard.press('Enter');
    await untilPast(page, first.version);
    await until<PlayViewForTests>(page, 'PlayScene', (v) => v.blocks.length === 1);
    await expect.poll(() => page.locator('body').innerText()).toMatch(/Address 0x0, \d+ bytes/);
    const step = await replayFirstStep(page);
    expect(step.leftStep).toContain(`malloc(${first.pending!.size}) → at 0x0`);
    // A screen reader hears each replay step as it is stepped to.
    await expect.poll(() => page.locator('#a11y-polite').textContent()).toMatch(new RegExp(`Replay step 1 of \\d+\\. You: malloc\\(${first.pending!.size}\\) → at 0x0\\.`));
    await page.screenshot({ path: artifactPath('input-replay-hex.png') });
    // The choice is kept in this browser: it was, and goes back to decimal for the tests after this one.
    expect(await page.evaluate(() => window.localStorage.getItem('mallocade.hexAddresses'))).toBe('true');
    await page.evaluate(() => window.localStorage.setItem('mallocade.hexAddresses', 'false'));
  });
});

/** Every request left by Enter alone, to the results; then the replay's first step. */
async function replayFirstStep(page: Page): Promise<ReplayFacts> {
  for (let step = 0; step < 40; step++) {
    const v = await untilMoveOrResults(page);
    if (!v) break;
    await page.keyboard.press('Enter');
    await untilPast(page, v.version);
  }
  await until(page, 'ResultsScene');
  await page.keyboard.press('p');
  await expect.poll(() => reports(page).then((r) => r.ReplayView?.moment)).toBeGreaterThan(0);
  await page.keyboard.press('Home');
  await expect.poll(() => reports(page).then((r) => r.ReplayView?.moment)).toBe(0);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => reports(page).then((r) => r.ReplayView?.moment)).toBe(1);
  return (await reports(page)).ReplayView as unknown as ReplayFacts;
}
