// The slab and arena levels played to the results in a real browser, by clicks on the
// SlabView and ArenaView: each request goes where the par policy's hint says, and on the
// slab level every empty slab is given back first (the "Give back empty slab" button).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PlayViewForTests } from '../../client/src/test-hook.ts';
import type { SlabKindView } from '../../shared/match/kind-view.ts';
import { artifactPath } from './support.ts';
import { moveFocus, publishedView, until, untilMoveOrResults, untilPast, useServerAndBrowser } from './scene-support.ts';

/** The results of a level. */
interface ResultsView {
  scene: 'ResultsScene';
  stars: number;
}

const live = useServerAndBrowser({ width: 1280, height: 800 });

const view = (page: Page): Promise<PlayViewForTests | null> => publishedView<PlayViewForTests>(page);

/** The slab board's picture, when the round is a slab round. */
const slabsOf = (v: PlayViewForTests | null): SlabKindView | null => (v?.kindView?.kind === 'slab' ? v.kindView : null);

/** Opens a level from the address bar and closes its explanation; returns the first view of the round. */
async function openLevel(page: Page, level: string, kind: string): Promise<PlayViewForTests> {
  await page.goto(`${live.server.url}/?level=${level}`);
  await until<PlayViewForTests>(page, 'PlayScene', (v) => v.kind === kind && v.explaining);
  await page.keyboard.press('Enter');
  return until<PlayViewForTests>(page, 'PlayScene', (v) => !v.explaining);
}

/** Moves the board's keyboard focus with → until it is on `target`, then presses Enter. */
async function chooseByKeyboard(page: Page, v: PlayViewForTests, target: number): Promise<void> {
  await moveFocus<PlayViewForTests>(page, 'PlayScene', 'ArrowRight', (n) => n.boardFocus, target, v.spots.length + 1);
  if (v.pending?.id === 5) await page.screenshot({ path: artifactPath('kinds-arena-focus.png') });
  await page.keyboard.press('Enter');
}

/** Plays every request where the `policy` hint points, by mouse or keyboard on the board; `before` may tidy up first. */
async function playByHints(page: Page, policy: string, shot: string, before?: (v: PlayViewForTests) => Promise<boolean>, by: 'mouse' | 'keyboard' = 'mouse'): Promise<number> {
  let clicks = 0;
  for (let step = 0; step < 80; step++) {
    const v = await untilMoveOrResults(page);
    if (!v) break;
    if (before && (await before(v))) continue;
    const hint = v.hints.find((h) => h.policy === policy);
    if (!hint || hint.target < -1) throw new Error(`no ${policy} hint for request ${v.pending?.id}`);
    const spot = v.spots.find((s) => s.target === hint.target);
    if (spot && by === 'keyboard') await chooseByKeyboard(page, v, hint.target);
    else if (spot) await page.mouse.click(spot.x, spot.y);
    else if (hint.target === -1) await page.keyboard.press('n');
    else throw new Error(`${v.kind} #${hint.target} is not on screen (spots: ${JSON.stringify(v.spots)})`);
    clicks++;
    if (clicks === 6) await page.screenshot({ path: artifactPath(shot) });
    await untilPast(page, v.version);
  }
  return clicks;
}

describe('slab and arena levels in a browser', () => {
  it('plays the slab level by clicking slabs, gives empty slabs back, and sees the results', async () => {
    const page = await live.browser.newPage();
    const first = await openLevel(page, 'slab', 'slab');
    expect(first.canRelease).toBe(true);
    expect(first.kindView?.kind).toBe('slab');
    expect(first.spots.some((s) => s.target === -1)).toBe(true);
    await page.screenshot({ path: artifactPath('kinds-slab-start.png') });

    let released = 0;
    let refused = false;
    const clicks = await playByHints(page, 'slab-fullest', 'kinds-slab-mid.png', async (v) => {
      // Once: a slab of another cache is refused, in words, and nothing changes.
      const board = slabsOf(v);
      const other = refused ? undefined : board?.slabs.find((s) => s.cache !== board.pendingCache);
      const otherSpot = other && v.spots.find((s) => s.target === other.id);
      if (other && otherSpot) {
        await page.mouse.click(otherSpot.x, otherSpot.y);
        const after = await until<PlayViewForTests>(page, 'PlayScene', (n) => n.status.includes('Refused'));
        expect(after.status).toContain(`belongs to ${other.cache}`);
        expect(after.status).not.toContain('slab/wrong_cache');
        expect(after.version).toBe(v.version);
        await page.screenshot({ path: artifactPath('kinds-slab-refused.png') });
        refused = true;
        return true;
      }
      const empty = board?.slabs.find((s) => s.state === 'empty');
      if (!empty || !v.releaseButton) return false;
      await page.mouse.click(v.releaseButton.x, v.releaseButton.y);
      await untilPast(page, v.version);
      expect(slabsOf(await view(page))?.slabs.some((s) => s.id === empty.id) ?? false).toBe(false);
      released++;
      return true;
    });
    expect(clicks).toBeGreaterThan(5);
    expect(released).toBeGreaterThan(0);
    expect(refused).toBe(true);
    const results = await until<ResultsView>(page, 'ResultsScene');
    await page.screenshot({ path: artifactPath('kinds-slab-results.png') });
    expect(results.stars).toBeGreaterThanOrEqual(1);
    await page.keyboard.press('p');
    await until<ResultsView & { showingReplay: boolean }>(page, 'ResultsScene', (v) => v.showingReplay);
    await page.screenshot({ path: artifactPath('kinds-slab-replay.png') });
  });

  it('fits the slab board on a phone held upright', async () => {
    const page = await live.browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await openLevel(page, 'slab', 'slab');
    for (let i = 0; i < 4; i++) {
      const v = await untilMoveOrResults(page);
      if (!v) throw new Error('the slab level ended after fewer than 5 moves');
      const hint = v.hints.find((h) => h.policy === 'slab-fullest');
      const spot = v.spots.find((s) => s.target === hint?.target);
      if (!spot) throw new Error(`no spot for the hint ${JSON.stringify(hint)}`);
      await page.mouse.click(spot.x, spot.y);
      await untilPast(page, v.version);
    }
    const v = await until<PlayViewForTests>(page, 'PlayScene');
    for (const spot of v.spots) expect(spot.x).toBeLessThan(390);
    expect(v.releaseButton?.x ?? 0).toBeLessThan(390);
    expect(v.releaseButton?.y ?? 0).toBeLessThan(844 - 20);
    await page.screenshot({ path: artifactPath('kinds-slab-phone.png') });
  });

  it('plays the arena level with the keyboard (← → and Enter) and sees the results', async () => {
    const page = await live.browser.newPage();
    const first = await openLevel(page, 'arenas', 'arena');
    expect(first.canRelease).toBe(false);
    expect(first.kindView).toEqual({ kind: 'arena', arenas: [] });
    const clicks = await playByHints(page, 'arena-per-tag', 'kinds-arena-mid.png', undefined, 'keyboard');
    expect(clicks).toBeGreaterThan(5);
    const results = await until<ResultsView>(page, 'ResultsScene');
    await page.screenshot({ path: artifactPath('kinds-arena-results.png') });
    expect(results.stars).toBeGreaterThanOrEqual(1);
  });
});
