// What the comfort browser tests share (comfort.test.ts for practice, comfort-class.test.ts
// for a class): a browser whose comfort settings were chosen on an earlier visit, and the
// check that every text of a screen stays on it and inside the canvas button it labels
// (and, on the play screens, that no two texts overlap);
// for the HTML over the canvas (forms, dialogs), that nothing is wider than its box or the screen.

import { expect } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { artifactPath, overlappingTexts, textsOffScreen, type TextBox } from './support.ts';
import type { People, Published } from './scene-support.ts';

export interface Screen extends Published {
  readonly width: number;
  readonly height: number;
  readonly texts: readonly TextBox[];
}

interface Rect {
  readonly label: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** A browser of its own whose comfort settings start as `comfort` (as if chosen on an earlier visit). */
export function personWith(people: People, size: { width: number; height: number }, comfort: Record<string, unknown>): Promise<Page> {
  return people.person(size, async (context: BrowserContext) => {
    await context.addInitScript((stored) => {
      if (window.localStorage.getItem('mallocade:comfort') === null) window.localStorage.setItem('mallocade:comfort', stored);
    }, JSON.stringify(comfort));
  });
}

/** Where the canvas buttons with DOM twins are (client/src/test-hook.ts reportControlsForTests). */
function controls(page: Page): Promise<Rect[]> {
  return page.evaluate(() => [...((window as unknown as { mallocade?: { controls?: () => Rect[] } }).mallocade?.controls?.() ?? [])]);
}

/** Texts whose middle is on a control but which stick out of it. */
function textsOutOfTheirControls(texts: readonly TextBox[], rects: readonly Rect[]): string[] {
  const out: string[] = [];
  for (const t of texts) {
    const cx = t.x + t.w / 2;
    const cy = t.y + t.h / 2;
    const under = rects.find((r) => cx >= r.x && cx <= r.x + r.w && cy >= r.y && cy <= r.y + r.h);
    if (!under) continue;
    if (t.x < under.x - 1 || t.y < under.y - 1 || t.x + t.w > under.x + under.w + 1 || t.y + t.h > under.y + under.h + 1) {
      out.push(`"${t.text}" (${t.x},${t.y} ${t.w}x${t.h}) sticks out of "${under.label}" (${Math.round(under.x)},${Math.round(under.y)} ${Math.round(under.w)}x${Math.round(under.h)})`);
    }
  }
  return out;
}

/** Every text of the screen on screen and inside the control it sits on; a screenshot as `comfort-NAME.png`. */
export async function expectFits(page: Page, view: Screen, name: string): Promise<void> {
  await page.screenshot({ path: artifactPath(`comfort-${name}.png`) });
  expect(view.texts.length, `${name} shows text`).toBeGreaterThan(0);
  // A view not shown is parked far off the canvas (the results' replay while the charts show): not a text drawn off screen.
  const drawn = view.texts.filter((t) => t.x > -5000 && t.y > -5000);
  expect.soft(textsOffScreen(drawn, view.width, view.height), `${name}: texts off screen`).toEqual([]);
  expect.soft(textsOutOfTheirControls(view.texts, await controls(page)), `${name}: texts out of their buttons`).toEqual([]);
}

/** Texts that reach into a control they do not label (their middle is outside it). */
function textsUnderControls(texts: readonly TextBox[], rects: readonly Rect[]): string[] {
  const out: string[] = [];
  for (const t of texts) {
    const cx = t.x + t.w / 2;
    const cy = t.y + t.h / 2;
    for (const r of rects) {
      if (cx >= r.x && cx <= r.x + r.w && cy >= r.y && cy <= r.y + r.h) continue;
      const dx = Math.min(t.x + t.w, r.x + r.w) - Math.max(t.x, r.x);
      const dy = Math.min(t.y + t.h, r.y + r.h) - Math.max(t.y, r.y);
      if (dx > 1 && dy > 1) out.push(`"${t.text}" reaches into "${r.label}"`);
    }
  }
  return out;
}

/** No two texts of the screen overlap, and none reaches into a button it does not label (checked on the play screens, whose views share the heap's room). */
export async function expectApart(page: Page, view: Screen, name: string): Promise<void> {
  const drawn = view.texts.filter((t) => t.x > -5000 && t.y > -5000);
  expect.soft(overlappingTexts(drawn), `${name}: overlapping texts`).toEqual([]);
  expect.soft(textsUnderControls(drawn, await controls(page)), `${name}: texts under buttons`).toEqual([]);
}

/**
 * The HTML laid over the canvas (`selector`: a form, a dialog's box) fits the screen's
 * width and nothing in it is cut: no element wider than the box can show, no control's
 * words wider than the control. A screenshot as `comfort-NAME.png`.
 */
export async function expectHtmlFits(page: Page, selector: string, name: string): Promise<void> {
  await page.screenshot({ path: artifactPath(`comfort-${name}.png`) });
  const problems = await page.locator(selector).first().evaluate((box) => {
    const found: string[] = [];
    const screen = document.documentElement.clientWidth;
    const outer = box.getBoundingClientRect();
    if (outer.left < -0.5 || outer.right > screen + 0.5) found.push(`the box (${Math.round(outer.left)}..${Math.round(outer.right)}) leaves the screen (${screen} px)`);
    if (box.scrollWidth > box.clientWidth + 1) found.push(`the box scrolls sideways (${box.scrollWidth} > ${box.clientWidth})`);
    for (const e of box.querySelectorAll<HTMLElement>('button, input, select, label, h2, p, li')) {
      if (e.offsetParent === null) continue;
      const r = e.getBoundingClientRect();
      const words = (e.textContent ?? '').trim().slice(0, 40) || e.getAttribute('name') || e.tagName;
      if (r.left < outer.left - 0.5 || r.right > outer.right + 0.5) found.push(`"${words}" sticks out of the box sideways`);
      if ((e.tagName === 'BUTTON' || e.tagName === 'INPUT') && e.scrollWidth > e.clientWidth + 1) found.push(`"${words}" is cut (${e.scrollWidth} > ${e.clientWidth})`);
    }
    return found;
  });
  expect.soft(problems, `${name}: HTML that does not fit`).toEqual([]);
}
