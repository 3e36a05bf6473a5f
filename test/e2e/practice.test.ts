// The buddy warm-up in a real browser: a click on the address line and on the buddy
// tree places a block, a misplaced drag is refused in words, and the results and the
// replay follow.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PlayViewForTests } from '../../client/src/test-hook.ts';
import { artifactPath } from './support.ts';
import { publishedView, until, useServerAndBrowser } from './scene-support.ts';

interface ResultsView {
  scene: 'ResultsScene';
  score: number;
  terms: { term: string; points: number; text: string }[];
  contenders: { name: string; role: string; score: number }[];
}

/** The results' layout and the replay's rivals, as the results scene publishes them. */
interface ResultsLayoutView {
  scene: 'ResultsScene';
  showingReplay: boolean;
  layout: {
    width: number;
    scale: number;
    body: number;
    heading: { x: number; y: number; w: number; h: number };
    summary: { x: number; y: number; w: number; h: number };
    bars: { x: number; y: number; w: number; h: number };
    plot: { x: number; y: number; w: number; h: number };
  };
  buttons: Record<string, { x: number; y: number; w: number; h: number }>;
  rivals: { name: string; chosen: boolean; x: number; y: number; w: number; h: number }[];
}

/** What the replay panel publishes (ReplayView). */
interface ReplayReading {
  moment: number;
  lastMoment: number;
  right: string;
  leftStep: string;
  rightStep: string;
  leftBlocks: { address: number; size: number }[];
  /** The right edges of the two sides' titles (the further) and of the replay's panel. */
  titlesRight: number;
  panelRight: number;
}

const live = useServerAndBrowser({ width: 1280, height: 720 });

const view = (page: Page): Promise<PlayViewForTests | null> => publishedView<PlayViewForTests>(page);

describe('the game in a browser (warm-up practice round)', () => {
  it('places a block where the player clicks on the line and in the buddy tree, and shows a refusal in words', async () => {
    const page = await live.browser.newPage();
    await page.goto(`${live.server.url}/?level=warm-up`);
    const first = await until<PlayViewForTests>(page, 'PlayScene', (v) => v.pending?.size === 1 && v.version === 0, 30_000);
    const pointOf = (address: number) => page.evaluate((a) => window.mallocadeProbe!.pointOf(a), address);
    // The buddy walk-through: 8 units, all free. A click anywhere in a hole places the request at the hole's start.
    const at2 = (await pointOf(2))!;
    await page.mouse.click(at2.x, at2.y);
    await expect.poll(() => view(page).then((v) => v?.blocks), { timeout: 10_000 }).toEqual([{ id: first.pending!.id, address: 0, size: 1 }]);
    await expect.poll(() => view(page).then((v) => v?.pending?.size), { timeout: 10_000 }).toBe(4);

    // Dragging the 4-unit card to address 1 (a 1-unit hole, no legal spot within reach) is refused; the real reason is shown, without the code, and nothing changes.
    // The card's left edge marks where the block starts: grab it 3 px in from the left.
    const card = await page.evaluate(() => (window as unknown as { mallocade: { views?: Record<string, { x: number; y: number; h: number }> } }).mallocade.views?.RequestCardView);
    if (!card) throw new Error('the request card was not drawn');
    const at1 = (await pointOf(1))!;
    await page.mouse.move(card.x + 3, card.y + card.h / 2);
    await page.mouse.down();
    await page.mouse.move(at1.x + 3, at1.y, { steps: 8 });
    await page.mouse.up();
    await expect.poll(() => view(page).then((v) => v?.status), { timeout: 10_000 }).toBe("Refused: 4 B doesn't fit in this 1 B hole.");
    expect((await view(page))?.blocks).toHaveLength(1);
    await page.screenshot({ path: artifactPath('practice-play.png') });

    // On a phone held upright, the buddy tree sits under the line; clicking its free 4-byte block (order 2, at 4) places the request there.
    await page.setViewportSize({ width: 390, height: 844 });
    const tree = (await until<PlayViewForTests>(page, 'PlayScene', (v) => v.width === 390 && (v.tree?.['4'] ?? null) !== null)).tree!['4']!;
    expect(tree.x).toBeGreaterThan(0);
    expect(tree.x).toBeLessThan(390);
    await page.screenshot({ path: artifactPath('practice-buddy-tree-phone.png') });
    await page.mouse.click(tree.x, tree.y);
    const results = await until<ResultsView>(page, 'ResultsScene');
    expect(results.contenders.map((c) => c.role)).toEqual(['player', 'policy', 'policy', 'reference']);
    expect(results.contenders.map((c) => c.name)).toEqual(['you', 'buddy-lowest', 'buddy-lifo', 'clairvoyant']);
    // [SC-9] The score is shown as its terms, which sum to it: 5 units live at most in a heap of 8.
    expect(results.terms.map((t) => t.term)).toEqual(['utilization', 'failures', 'fallbacks']);
    expect(results.terms[0]!.text).toBe('625 for utilization: 1000 × 5 B peak live ÷ 8 B peak heap (62.5%)');
    expect(results.terms.reduce((sum, t) => sum + t.points, 0)).toBe(results.score);
    await page.screenshot({ path: artifactPath('practice-results.png') });

    // The replay: the player's heap beside a policy's, one stream event a step ([MATCH-REPLAY-2]).
    const replay = () => page.evaluate(() => (window as unknown as { mallocade: { views?: Record<string, ReplayReading> } }).mallocade.views?.ReplayView ?? null);
    await page.keyboard.press('p');
    await expect.poll(replay, { timeout: 10_000 }).toMatchObject({ moment: 4, lastMoment: 4 });
    await page.keyboard.press('p');
    await until<ResultsView & { showingReplay: boolean }>(page, 'ResultsScene', (v) => !v.showingReplay);

    // A click on the plot at step 2 opens the replay there: both blocks placed, nothing freed yet.
    const plot = await page.evaluate(() => (window as unknown as { mallocade: { views?: Record<string, { plot: { x: number; y: number; w: number; h: number; xMax: number } }> } }).mallocade.views?.LinePlotView?.plot);
    if (!plot) throw new Error('the plot was not drawn');
    await page.mouse.click(plot.x + (plot.w * 2) / plot.xMax, plot.y + plot.h / 2);
    await expect.poll(replay, { timeout: 10_000 }).toMatchObject({ moment: 2, leftBlocks: [{ address: 0, size: 1 }, { address: 4, size: 4 }] });

    // The replay's first step shows the first placement, labelled: before it the heap is empty.
    await page.keyboard.press('Home');
    await expect.poll(replay, { timeout: 10_000 }).toMatchObject({ moment: 0, leftBlocks: [], leftStep: '' });
    await page.keyboard.press('ArrowRight');
    await expect.poll(replay, { timeout: 10_000 }).toMatchObject({
      moment: 1,
      leftBlocks: [{ address: 0, size: 1 }],
      leftStep: 'malloc(1) → at 0',
      rightStep: 'malloc(1) → at 0',
    });
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(replay, { timeout: 10_000 }).toMatchObject({ moment: 3, leftBlocks: [{ address: 4, size: 4 }], leftStep: 'free the 1-byte block at 0' });
    await page.screenshot({ path: artifactPath('practice-replay.png') });
  });

  it('scales the results up on a projector, stacks them on a phone, and lets the player choose the replay\'s rival directly', async () => {
    const page = await live.browser.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${live.server.url}/?level=warm-up`);
    await until<PlayViewForTests>(page, 'PlayScene', (v) => v.pending?.size === 1 && v.version === 0, 30_000);
    const pointOf = (address: number) => page.evaluate((a) => window.mallocadeProbe!.pointOf(a), address);
    // The buddy walk-through: the 1 at 0, the 4 at 4 (the round ends with both freed).
    const at0 = (await pointOf(0))!;
    await page.mouse.click(at0.x + 2, at0.y);
    await expect.poll(() => view(page).then((v) => v?.pending?.size), { timeout: 10_000 }).toBe(4);
    const at4 = (await pointOf(4))!;
    await page.mouse.click(at4.x + 2, at4.y);

    const laidOut = (width: number) => until<ResultsLayoutView>(page, 'ResultsScene', (v) => v.layout.width === width);
    const laptop = await laidOut(1366);
    expect(laptop.layout.scale).toBe(1);
    // [item 19] On a 1920x1080 projector the score's words and the buttons are larger, by the play screen's rule.
    await page.setViewportSize({ width: 1920, height: 1080 });
    const projector = await laidOut(1920);
    await page.screenshot({ path: artifactPath('results-projector.png') });
    expect(projector.layout.scale).toBeGreaterThan(1.3);
    expect(projector.layout.body).toBeGreaterThan(laptop.layout.body);
    expect(projector.layout.summary.h).toBeGreaterThan(laptop.layout.summary.h);
    expect(projector.buttons.again!.h).toBeGreaterThan(laptop.buttons.again!.h);
    expect(projector.buttons.replay!.w).toBeGreaterThan(laptop.buttons.replay!.w);
    // On a phone the title (wrapped) stays above the score, and the bars and the plot do not overlap.
    await page.setViewportSize({ width: 390, height: 844 });
    const phone = await laidOut(390);
    await page.screenshot({ path: artifactPath('results-phone.png') });
    expect(phone.layout.heading.y + phone.layout.heading.h).toBeLessThanOrEqual(phone.layout.summary.y);
    expect(phone.layout.bars.y + phone.layout.bars.h).toBeLessThanOrEqual(phone.layout.plot.y);
    expect(phone.layout.plot.h).toBeGreaterThanOrEqual(100);
    expect(phone.layout.plot.y + phone.layout.plot.h).toBeLessThanOrEqual(phone.buttons.again!.y - phone.buttons.again!.h / 2);

    // [item 12] The replay: a chip per rival, each built-in policy and the clairvoyant; a click on one compares with it.
    await page.setViewportSize({ width: 1366, height: 768 });
    await laidOut(1366);
    const replay = () => page.evaluate(() => (window as unknown as { mallocade: { views?: Record<string, ReplayReading> } }).mallocade.views?.ReplayView ?? null);
    await page.keyboard.press('p');
    const opened = await until<ResultsLayoutView>(page, 'ResultsScene', (v) => v.showingReplay && v.rivals.every((r) => r.x > 0));
    expect(opened.rivals.map((r) => r.name)).toEqual(['buddy-lowest', 'buddy-lifo', 'clairvoyant']);
    const seer = opened.rivals[2]!;
    await page.mouse.click(seer.x, seer.y);
    await expect.poll(() => replay().then((r) => r?.right), { timeout: 10_000 }).toMatch(/^clairvoyant/);
    await until<ResultsLayoutView>(page, 'ResultsScene', (v) => v.rivals[2]?.chosen === true);
    await page.screenshot({ path: artifactPath('results-replay-rivals.png') });
    // A number key chooses directly: 2 is the second chip.
    await page.keyboard.press('2');
    await expect.poll(() => replay().then((r) => r?.right), { timeout: 10_000 }).toMatch(/^LIFO buddy/);
    // The DOM twins: a button per rival, the chosen one pressed; Enter on a twin chooses it.
    const twin = page.getByRole('button', { name: /^Compare with the clairvoyant/ });
    await expect.poll(() => page.getByRole('button', { name: /^Compare with/ }).count()).toBe(3);
    await twin.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => replay().then((r) => r?.right), { timeout: 10_000 }).toMatch(/^clairvoyant/);
    await expect.poll(() => twin.getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByRole('button', { name: /^Compare with lowest buddy/ }).first().getAttribute('aria-pressed')).toBe('false');
    // On a phone the clairvoyant's long title wraps inside the screen, not off it (issue 13).
    await page.keyboard.press('ArrowLeft');
    await page.setViewportSize({ width: 390, height: 844 });
    await laidOut(390);
    const onPhone = await until<ResultsLayoutView>(page, 'ResultsScene', (v) => v.showingReplay && v.layout.width === 390);
    expect(onPhone.rivals[2]?.chosen).toBe(true);
    await expect.poll(() => replay().then((r) => r !== null && r.panelRight <= 390 && r.titlesRight <= r.panelRight), { timeout: 10_000 }).toBe(true);
    expect((await replay())!.right).toMatch(/^clairvoyant/);
    await page.screenshot({ path: artifactPath('results-replay-phone.png') });
    await page.close();
  });
});
