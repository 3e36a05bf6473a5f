// Accessibility in the browser tests: the axe-core audit (its script injected into the
// page) failing on serious or critical violations, the keyboard's way to a control of
// the DOM layer (client/src/a11y/), and what the live regions announced.

import { createRequire } from 'node:module';
import fs from 'node:fs';
import { expect } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly string[];
}

/** Runs axe-core on the page as it is and fails on any serious or critical violation, naming them. */
export async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.addScriptTag({ content: AXE_SOURCE });
  const violations: Violation[] = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious, `${screen}: serious or critical axe-core violations`).toEqual([]);
}

/** What has the keyboard's focus: its text, its mirror key (data-key) and whether the layer holds it. */
export interface Focused {
  readonly text: string;
  readonly key: string | null;
  readonly inLayer: boolean;
  readonly tag: string;
}

export function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { text: el?.textContent ?? '', key: el?.dataset.key ?? null, inLayer: Boolean(el?.closest('#a11y-layer')), tag: el?.tagName ?? '' };
  });
}

/** Presses Tab until the focus is on a control that `wanted` accepts (at most `limit` presses); returns it. */
export async function tabTo(page: Page, wanted: (f: Focused) => boolean, what: string, limit = 60): Promise<Focused> {
  let now = await focused(page);
  for (let i = 0; i < limit && !wanted(now); i++) {
    await page.keyboard.press('Tab');
    now = await focused(page);
  }
  expect(wanted(now), `Tab reaches ${what} (focus on "${now.text}")`).toBe(true);
  return now;
}

/** Tabs to the layer's button whose words match `label`, and presses Enter on it. */
export async function pressByKeyboard(page: Page, label: RegExp): Promise<void> {
  await tabTo(page, (f) => f.tag === 'BUTTON' && label.test(f.text), `a button "${label.source}"`);
  await page.keyboard.press('Enter');
}

/** Records every message the game's live regions announce, from the first page of the context on. */
export async function recordAnnouncements(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const said: { text: string; urgency: string }[] = [];
    (window as unknown as { announced: typeof said }).announced = said;
    new MutationObserver((changes) => {
      for (const change of changes) {
        const region = (change.target as Element).closest?.('[aria-live]');
        if (!region) continue;
        for (const node of change.addedNodes) said.push({ text: node.textContent ?? '', urgency: region.getAttribute('aria-live') ?? '' });
      }
    }).observe(document, { childList: true, subtree: true });
  });
}

/** What the live regions have announced on this page so far. */
export function announced(page: Page): Promise<{ text: string; urgency: string }[]> {
  return page.evaluate(() => (window as unknown as { announced?: { text: string; urgency: string }[] }).announced ?? []);
}

interface Box { readonly label: string; readonly x: number; readonly y: number; readonly w: number; readonly h: number }

/** The canvas controls with DOM twins on screen now, with their boxes (client/src/a11y/layer.ts controlRects). */
export function controlBoxes(page: Page): Promise<Box[]> {
  return page.evaluate(() => [...((window as unknown as { mallocade?: { controls?: () => Box[] } }).mallocade?.controls?.() ?? [])]);
}

/** Every control on screen is a touch target of at least 24 × 24 px (WCAG 2.2, 2.5.8). */
export async function expectTargetsAtLeast24(page: Page, screen: string): Promise<void> {
  const boxes = await controlBoxes(page);
  expect(boxes.length, `${screen}: controls on screen`).toBeGreaterThan(0);
  const small = boxes.filter((b) => b.w < 24 || b.h < 24).map((b) => `${b.label}: ${b.w}×${b.h}`);
  expect(small, `${screen}: touch targets under 24 px`).toEqual([]);
}

/** The focused element's box on the page (the pill of a control the canvas does not outline). */
export async function focusedBox(page: Page): Promise<{ x: number; y: number; w: number; h: number }> {
  return page.evaluate(() => {
    const r = (document.activeElement as HTMLElement).getBoundingClientRect();
    return { x: r.x, y: r.y, w: r.width, h: r.height };
  });
}

/** The canvas controls the focused pill covers (none, or the pill hides a button). */
export async function controlsUnderFocus(page: Page): Promise<string[]> {
  const pill = await focusedBox(page);
  return (await controlBoxes(page))
    .filter((b) => pill.x < b.x + b.w && b.x < pill.x + pill.w && pill.y < b.y + b.h && b.y < pill.y + pill.h)
    .map((b) => b.label);
}
