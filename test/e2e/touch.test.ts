// Touch on a phone held upright (a touch screen, no mouse): the level map fits and opens a
// level with taps; the buddy warm-up played by
// tapping a hole on the heap line, then by dragging the request card with a finger onto
// the line, where it snaps to the nearest spot the allocator takes; the results follow,
// every button on screen, a tap opens the replay and another shows the next policy in it.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PlayViewForTests } from '../../client/src/test-hook.ts';
import { artifactPath, overlappingTexts, type TextBox } from './support.ts';
import { publishedView, until, untilScene, useServerAndBrowser } from './scene-support.ts';

interface ResultsView {
  scene: string;
  showingReplay: boolean;
  buttons: Record<string, { x: number; y: number; w: number; h: number }>;
  rivals: { name: string; chosen: boolean; x: number; y: number; w: number; h: number }[];
}

const PHONE = { width: 390, height: 844 };
const live = useServerAndBrowser(PHONE, { touch: true });

const view = (page: Page): Promise<PlayViewForTests | null> => publishedView<PlayViewForTests>(page);
const pointOf = (page: Page, address: number) => page.evaluate((a) => window.mallocadeProbe!.pointOf(a), address);

/** A finger put down at `from`, moved in steps to `to`, and lifted (Chrome's own touch events). */
async function touchDrag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: from.x, y: from.y }] });
  for (let i = 1; i <= 10; i++) {
    const x = from.x + ((to.x - from.x) * i) / 10;
    const y = from.y + ((to.y - from.y) * i) / 10;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

interface MapView {
  scene: string;
  selected: number;
  stops: { id: string; unlocked: boolean; at: { x: number; y: number } }[];
  play: { x: number; y: number; enabled: boolean };
  texts: TextBox[];
}

describe('touch on a phone', () => {
  it('fits the level map on the phone with no text over another, and a tap on a stop and on Play opens the level', async () => {
    const page = await live.browser.newPage();
    await page.goto(`${live.server.url}/?scene=levels`);
    await untilScene(page, 'LevelSelectScene');
    const map = (await publishedView<MapView>(page))!;
    expect(overlappingTexts(map.texts)).toEqual([]);
    for (const t of map.texts) {
      expect(t.x, t.text).toBeGreaterThanOrEqual(0);
      expect(t.x + t.w, t.text).toBeLessThanOrEqual(PHONE.width + 1);
      expect(t.y + t.h, t.text).toBeLessThanOrEqual(PHONE.height);
    }
    for (const stop of map.stops) expect(stop.at.y, stop.id).toBeLessThan(map.play.y - 60);
    await page.screenshot({ path: artifactPath('touch-phone-levels.png') });
    // A tap on the locked second stop selects it (Play is then off); a tap on the first and on Play starts level 1.
    await page.touchscreen.tap(map.stops[1]!.at.x, map.stops[1]!.at.y);
    await expect.poll(() => publishedView<MapView>(page).then((v) => [v?.selected, v?.play.enabled]), { timeout: 10_000 }).toEqual([1, false]);
    await page.touchscreen.tap(map.stops[0]!.at.x, map.stops[0]!.at.y);
    await expect.poll(() => publishedView<MapView>(page).then((v) => [v?.selected, v?.play.enabled]), { timeout: 10_000 }).toEqual([0, true]);
    await page.touchscreen.tap(map.play.x, map.play.y);
    await untilScene(page, 'PlayScene');
    await page.close();
  });

  it('plays the buddy warm-up by tapping a hole and by dragging the card with a finger', async () => {
    const page = await live.browser.newPage();
    await page.goto(`${live.server.url}/?level=warm-up`);
    await until<PlayViewForTests>(page, 'PlayScene', (v) => v.pending?.size === 1 && v.version === 0, 30_000);

    // A tap inside the 8-byte hole puts the 1-byte request at the hole's start.
    const inHole = (await pointOf(page, 3))!;
    await page.touchscreen.tap(inHole.x, inHole.y);
    await expect.poll(() => view(page).then((v) => v?.blocks), { timeout: 10_000 }).toEqual([{ id: expect.any(Number), address: 0, size: 1 }]);
    await expect.poll(() => view(page).then((v) => v?.pending?.size), { timeout: 10_000 }).toBe(4);

    // The 4-byte card dragged with a finger so that its left edge lands at 5: it snaps to 4, the start the buddy system takes.
    const card = await page.evaluate(() => (window as unknown as { mallocade: { views?: Record<string, { x: number; y: number; h: number }> } }).mallocade.views?.RequestCardView);
    if (!card) throw new Error('the request card was not drawn');
    const at5 = (await pointOf(page, 5))!;
    await touchDrag(page, { x: card.x + 3, y: card.y + card.h / 2 }, { x: at5.x + 3, y: at5.y });
    await page.screenshot({ path: artifactPath('touch-phone-placed.png') });
    await untilScene(page, 'ResultsScene');
    await page.screenshot({ path: artifactPath('touch-phone-results.png') });

    // Every button of the results fits the phone's width, and a tap on Replay opens the replay.
    const results = (await publishedView<ResultsView>(page))!;
    for (const [name, b] of Object.entries(results.buttons)) {
      expect(b.x - b.w / 2, `${name} starts on screen`).toBeGreaterThanOrEqual(0);
      expect(b.x + b.w / 2, `${name} ends on screen`).toBeLessThanOrEqual(PHONE.width);
      expect(b.y + b.h / 2, `${name} is above the bottom`).toBeLessThanOrEqual(PHONE.height);
    }
    await page.touchscreen.tap(results.buttons.replay!.x, results.buttons.replay!.y);
    await expect.poll(() => publishedView<ResultsView>(page).then((v) => v?.showingReplay), { timeout: 10_000 }).toBe(true);
    await page.screenshot({ path: artifactPath('touch-phone-replay.png') });

    // No V key on a phone: a tap on the policy's title shows the next policy beside the player's heap.
    const replay = () => page.evaluate(() => (window as unknown as { mallocade: { views?: Record<string, { right: string; nextPolicyAt: { x: number; y: number } }> } }).mallocade.views?.ReplayView ?? null);
    await expect.poll(() => replay().then((r) => r?.right), { timeout: 10_000 }).toMatch(/^lowest buddy/); // the policy's display name (policyLabel)
    const title = (await replay())!.nextPolicyAt;
    await page.touchscreen.tap(title.x, title.y);
    await expect.poll(() => replay().then((r) => r?.right), { timeout: 10_000 }).toMatch(/^LIFO buddy/);

    // Or a tap on a rival's chip compares with it directly (issue 13 item 12); the chips sit on the phone's screen.
    const chips = (await until<ResultsView>(page, 'ResultsScene', (v) => v.rivals[1]?.chosen === true)).rivals;
    for (const chip of chips) expect(chip.x + chip.w / 2, `${chip.name}'s chip ends on screen`).toBeLessThanOrEqual(PHONE.width);
    const seer = chips.find((c) => c.name === 'clairvoyant')!;
    await page.touchscreen.tap(seer.x, seer.y);
    await expect.poll(() => replay().then((r) => r?.right), { timeout: 10_000 }).toMatch(/^clairvoyant/);
    await until<ResultsView>(page, 'ResultsScene', (v) => v.rivals.find((c) => c.name === 'clairvoyant')?.chosen === true);
    await page.screenshot({ path: artifactPath('touch-phone-replay-rival.png') });
  });
});
