// On a phone (a touch screen, no mouse), issue 13 item 17: the play screen speaks of taps
// rather than keys, a finger held on the heap zooms in (tiny holes become big enough to
// tap), and on "sbrk versus mmap" the mmap area is drawn before the first mapping, so the
// words about large requests point at something on screen. A level's explanation speaks
// of taps too, and the ✕ asks before leaving a round (issue 13, items 13 and 17).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PlayViewForTests } from '../../client/src/test-hook.ts';
import { artifactPath } from './support.ts';
import { publishedView, until, useServerAndBrowser } from './scene-support.ts';

const PHONE = { width: 390, height: 844 };
const live = useServerAndBrowser(PHONE, { touch: true });

type Reports = Record<string, Record<string, unknown> & { draws: number }>;

function reports(page: Page): Promise<Reports> {
  return page.evaluate(() => (window as unknown as { mallocade: { views?: Reports } }).mallocade.views ?? {});
}

/** A finger held at `at` for `ms` and lifted, with the touch events' own timestamps (no waiting in the test). */
async function hold(page: Page, at: { x: number; y: number }, ms: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const t0 = Date.now() / 1000;
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: at.x, y: at.y }], timestamp: t0 });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [], timestamp: t0 + ms / 1000 });
  await cdp.detach();
}

describe('the play screen on a touch screen', () => {
  it('speaks of taps, zooms where a finger is held, and shows the mmap area before the first mapping', async () => {
    const page = await live.browser.newPage();
    await page.goto(`${live.server.url}/?level=sbrk-mmap`);
    const reading = await until<PlayViewForTests>(page, 'PlayScene', (v) => v.explaining && v.pending !== null);
    const words = reading.texts.map((t) => t.text).join('\n');
    expect(words).toContain('Tap here to start.');
    expect(words).not.toMatch(/Press Enter|\(H\)|\(E\)|\(T\)|\(M\)/);
    expect(reading.texts.map((t) => t.text)).toContain('Hints: on');
    await page.screenshot({ path: artifactPath('touch-phone-explanation.png') });

    // A tap on the explanation closes it; the help line speaks of taps.
    const box = reading.texts.find((t) => t.text.includes('Tap here to start.'))!;
    await page.touchscreen.tap(box.x + 20, box.y + 20);
    const playing = await until<PlayViewForTests>(page, 'PlayScene', (v) => !v.explaining);
    expect(playing.status).toMatch(/^Tap a hole/);

    // Nothing is mapped yet, and the mmap strip is on screen saying what goes there.
    expect((await reports(page)).HeapView?.mmap).toBe(0);
    await expect.poll(() => publishedView<PlayViewForTests>(page).then((v) => v?.texts.some((t) => /64 B or more are mapped here|64B\+ mapped here/.test(t.text)))).toBe(true);

    // A finger held on the heap zooms in there, and places nothing.
    const zoomBefore = (await reports(page)).HeapView?.zoom as number;
    const at = await page.evaluate(() => window.mallocadeProbe!.pointOf(2));
    if (!at) throw new Error('address 2 is off screen');
    await hold(page, at, 800);
    await expect.poll(() => reports(page).then((r) => r.HeapView?.zoom as number)).toBeGreaterThan(zoomBefore);
    expect((await publishedView<PlayViewForTests>(page))?.blocks).toEqual([]);
    await page.screenshot({ path: artifactPath('touch-phone-mmap-zoomed.png') });
  });

  it("says the level's explanation with taps, and the ✕ asks before leaving the round (Stay keeps it)", async () => {
    const page = await live.browser.newPage();
    await page.goto(`${live.server.url}/?level=bump-ramp`);
    const reading = await until<PlayViewForTests>(page, 'PlayScene', (v) => v.explaining && v.pending !== null);
    const words = reading.texts.map((t) => t.text).join('\n');
    expect(words).toContain('tap the free space at the break');
    expect(words).not.toMatch(/press Enter|click/i);
    await page.screenshot({ path: artifactPath('touch-phone-explanation-bump.png') });
    const box = reading.texts.find((t) => t.text.includes('Tap here to start.'))!;
    await page.touchscreen.tap(box.x + 20, box.y + 20);
    const playing = await until<PlayViewForTests>(page, 'PlayScene', (v) => !v.explaining);
    const close = playing.texts.find((t) => t.text === '✕')!;
    await page.touchscreen.tap(close.x + close.w / 2, close.y + close.h / 2);
    await expect.poll(() => reports(page).then((r) => r.LeaveConfirm?.open)).toBe(true);
    const asked = await until<PlayViewForTests>(page, 'PlayScene', (v) => v.texts.some((t) => t.text === 'Stay'));
    expect(asked.texts.map((t) => t.text)).toEqual(expect.arrayContaining(["Leave this level? This round's moves are lost.", 'Leave', 'Stay']));
    await page.screenshot({ path: artifactPath('touch-phone-leave-question.png') });
    const stay = (await reports(page)).LeaveConfirm!.stay as { x: number; y: number };
    await page.touchscreen.tap(stay.x, stay.y);
    await expect.poll(() => reports(page).then((r) => r.LeaveConfirm?.open)).toBe(false);
    await until<PlayViewForTests>(page, 'PlayScene', (v) => v.pending !== null);
  });
});
