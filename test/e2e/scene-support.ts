// What the game's scenes publish for the browser tests (window.mallocade.view), read
// from a page, and a wait for the scene a page should reach.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** The view the current scene last published (its shape is the scene's), or null. */
export function publishedView<T>(page: Page): Promise<T | null> {
  return page.evaluate(() => ((window as unknown as { mallocade?: { view: unknown } }).mallocade?.view ?? null)) as Promise<T | null>;
}

/** Waits until the page shows `scene`. */
export async function untilScene(page: Page, scene: string): Promise<void> {
  await expect.poll(() => publishedView<{ scene: string }>(page).then((v) => v?.scene), { timeout: 20_000 }).toBe(scene);
}
