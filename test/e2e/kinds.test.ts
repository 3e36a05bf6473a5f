// The slab and arena levels played to the results in a real browser, by clicks on the
// SlabView and ArenaView: each request goes where the par policy's hint says, and on the
// slab level every empty slab is given back first (the "Give back empty slab" button).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artifactPath } from './support.ts';
import { publishedView, untilScene, useServerAndBrowser } from './scene-support.ts';

interface Spot { target: number; x: number; y: number }

interface BoardPlay {
  scene: string;
  version: number;
  phase: string;
  kind: string;
  explaining: boolean;
  pending: { id: number; size: number; tag: string } | null;
  hints: { policy: string; target: number }[];
  kindView: { kind: string; pendingCache?: string; slabs?: { id: number; state: string; cache: string }[]; arenas?: { id: number }[] } | null;
  spots: Spot[];
  canRelease: boolean;
  releaseButton: { x: number; y: number } | null;
  boardFocus: number | null;
  status: string;
  stars?: number;
  score?: number;
}

const live = useServerAndBrowser({ width: 1280, height: 800 });

const view = (page: Page): Promise<BoardPlay | null> => publishedView<BoardPlay>(page);

/** Waits until the state moved past `version` (or the scene moved on to the results). */
async function untilPast(page: Page, version: number): Promise<void> {
  await expect.poll(() => view(page).then((n) => (n?.scene === 'PlayScene' ? n.version : Number.MAX_SAFE_INTEGER)), { timeout: 10_000 }).toBeGreaterThan(version);
}

/** Opens a level from the address bar and closes its explanation. */
async function openLevel(page: Page, level: string, kind: string): Promise<void> {
  await page.goto(`${live.server.url}/?level=${level}`);
  await untilScene(page, 'PlayScene');
  await expect.poll(() => view(page).then((v) => v?.kind), { timeout: 20_000 }).toBe(kind);
  await expect.poll(() => view(page).then((v) => v?.explaining), { timeout: 10_000 }).toBe(true);
  await page.keyboard.press('Enter');
  await expect.poll(() => view(page).then((v) => v?.explaining)).toBe(false);
}

/** Moves the board's keyboard focus with → until it is on `target`, then presses Enter. */
async function chooseByKeyboard(page: Page, v: BoardPlay, target: number): Promise<void> {
  for (let tries = 0; tries <= v.spots.length; tries++) {
    if ((await view(page))?.boardFocus === target) break;
    await page.keyboard.press('ArrowRight');
  }
  expect((await view(page))?.boardFocus).toBe(target);
  if (v.pending?.id === 5) await page.screenshot({ path: artifactPath('kinds-arena-focus.png') });
  await page.keyboard.press('Enter');
}

/** Plays every request where the `policy` hint points, by mouse or keyboard on the board; `before` may tidy up first. */
async function playByHints(page: Page, policy: string, shot: string, before?: (v: BoardPlay) => Promise<boolean>, by: 'mouse' | 'keyboard' = 'mouse'): Promise<number> {
  let clicks = 0;
  for (let step = 0; step < 80; step++) {
    const v = await view(page);
    if (!v || v.scene !== 'PlayScene') break;
    if (!v.pending || v.phase === 'done') {
      await page.waitForTimeout(100);
      continue;
    }
    if (before && (await before(v))) continue;
    const hint = v.hints.find((h) => h.policy === policy);
    if (!hint || hint.target < -1) throw new Error(`no ${policy} hint for request ${v.pending.id}`);
    const spot = v.spots.find((s) => s.target === hint.target);
    if (spot && by === 'keyboard') await chooseByKeyboard(page, v, hint.target);
    else if (spot) await page.mouse.click(spot.x, spot.y);
    else if (hint.target === -1) await page.keyboard.press('n');
    else throw new Error(`${v.kind} #${hint.target} is not on screen (spots: ${JSON.stringify(v.spots)})`);
    clicks++;
    if (clicks === 6) await page.screenshot({ path: artifactPath(shot) });
    await untilPast(page, v.version);
  }
  await untilScene(page, 'ResultsScene');
  return clicks;
}

describe('slab and arena levels in a browser', () => {
  it('plays the slab level by clicking slabs, gives empty slabs back, and sees the results', async () => {
    const page = await live.browser.newPage();
    await openLevel(page, 'slab', 'slab');
    const first = (await view(page))!;
    expect(first.canRelease).toBe(true);
    expect(first.kindView?.kind).toBe('slab');
    expect(first.spots.some((s) => s.target === -1)).toBe(true);
    await page.screenshot({ path: artifactPath('kinds-slab-start.png') });

    let released = 0;
    let refused = false;
    const clicks = await playByHints(page, 'slab-fullest', 'kinds-slab-mid.png', async (v) => {
      // Once: a slab of another cache is refused, in words, and nothing changes.
      const other = refused ? undefined : v.kindView?.slabs?.find((s) => s.cache !== v.kindView?.pendingCache);
      const otherSpot = other && v.spots.find((s) => s.target === other.id);
      if (other && otherSpot) {
        await page.mouse.click(otherSpot.x, otherSpot.y);
        await expect.poll(() => view(page).then((n) => n?.status), { timeout: 10_000 }).toContain('Refused');
        const after = (await view(page))!;
        expect(after.status).toContain(`belongs to ${other.cache}`);
        expect(after.status).toContain('slab/wrong_cache');
        expect(after.version).toBe(v.version);
        await page.screenshot({ path: artifactPath('kinds-slab-refused.png') });
        refused = true;
        return true;
      }
      const empty = v.kindView?.slabs?.find((s) => s.state === 'empty');
      if (!empty || !v.releaseButton) return false;
      await page.mouse.click(v.releaseButton.x, v.releaseButton.y);
      await untilPast(page, v.version);
      const after = await view(page);
      expect(after?.kindView?.slabs?.some((s) => s.id === empty.id) ?? false).toBe(false);
      released++;
      return true;
    });
    expect(clicks).toBeGreaterThan(5);
    expect(released).toBeGreaterThan(0);
    expect(refused).toBe(true);
    await page.waitForTimeout(500);
    await page.screenshot({ path: artifactPath('kinds-slab-results.png') });
    const results = (await view(page))!;
    expect(results.stars).toBeGreaterThanOrEqual(1);
    await page.keyboard.press('p');
    await page.waitForTimeout(500);
    await page.screenshot({ path: artifactPath('kinds-slab-replay.png') });
  });

  it('fits the slab board on a phone held upright', async () => {
    const page = await live.browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await openLevel(page, 'slab', 'slab');
    for (let i = 0; i < 4; i++) {
      const v = (await view(page))!;
      const hint = v.hints.find((h) => h.policy === 'slab-fullest');
      const spot = v.spots.find((s) => s.target === hint?.target);
      if (!spot) throw new Error(`no spot for the hint ${JSON.stringify(hint)}`);
      await page.mouse.click(spot.x, spot.y);
      await untilPast(page, v.version);
    }
    const v = (await view(page))!;
    for (const spot of v.spots) expect(spot.x).toBeLessThan(390);
    expect(v.releaseButton?.x ?? 0).toBeLessThan(390);
    expect(v.releaseButton?.y ?? 0).toBeLessThan(844 - 20);
    await page.screenshot({ path: artifactPath('kinds-slab-phone.png') });
  });

  it('plays the arena level with the keyboard (← → and Enter) and sees the results', async () => {
    const page = await live.browser.newPage();
    await openLevel(page, 'arenas', 'arena');
    const first = (await view(page))!;
    expect(first.canRelease).toBe(false);
    expect(first.kindView).toEqual({ kind: 'arena', arenas: [] });
    const clicks = await playByHints(page, 'arena-per-tag', 'kinds-arena-mid.png', undefined, 'keyboard');
    expect(clicks).toBeGreaterThan(5);
    await page.waitForTimeout(500);
    await page.screenshot({ path: artifactPath('kinds-arena-results.png') });
    const results = (await view(page))!;
    expect(results.stars).toBeGreaterThanOrEqual(1);
  });
});
