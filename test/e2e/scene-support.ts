// What the game's scenes publish for the browser tests (window.mallocade.view), read
// from a page, a wait for the scene a page should reach, and the server and browser
// a test file plays against.
import { afterAll, beforeAll, expect } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser, startServer, type RunningServer } from './support.ts';

/** The view the current scene last published (its shape is the scene's), or null. */
export function publishedView<T>(page: Page): Promise<T | null> {
  return page.evaluate(() => ((window as unknown as { mallocade?: { view: unknown } }).mallocade?.view ?? null)) as Promise<T | null>;
}

/** Waits until the page shows `scene`. */
export async function untilScene(page: Page, scene: string): Promise<void> {
  await expect.poll(() => publishedView<{ scene: string }>(page).then((v) => v?.scene), { timeout: 20_000 }).toBe(scene);
}

/**
 * The real server and one browser for a whole test file, started before its tests and
 * stopped after them. Read `.server` and `.browser` inside the tests.
 */
export function useServerAndBrowser(
  viewport = { width: 1280, height: 800 },
  options: { readonly touch?: boolean } = {},
): { readonly server: RunningServer; readonly browser: BrowserContext } {
  let server: RunningServer | null = null;
  let browser: BrowserContext | null = null;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser(viewport, options);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get server(): RunningServer {
      if (!server) throw new Error('the server is not running yet');
      return server;
    },
    get browser(): BrowserContext {
      if (!browser) throw new Error('the browser is not running yet');
      return browser;
    },
  };
}
