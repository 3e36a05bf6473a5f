// What the game's scenes publish for the browser tests (window.mallocade, see
// client/src/test-hook.ts), read from a page; waits on it (a scene, a condition on
// what it published, frames drawn), never on time; and the server and browser a
// test file plays against.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { MallocadeHook, PlayViewForTests } from '../../client/src/test-hook.ts';
import { launchBrowser, launchChromium, startServer, type RunningServer } from './support.ts';

/** Every scene publishes at least its name. */
export interface Published {
  readonly scene: string;
}

/** How long a wait lasts unless told: the machine is shared, and under load a frame can take a while. */
const PATIENCE_MS = 45_000;

/** What the page's hook holds, read in one go. */
interface HookReading {
  readonly view: unknown;
  readonly gallery: unknown;
  /** A frame was drawn after the last publication: the screen shows it. */
  readonly drawn: boolean;
  /**
   * A whole frame went by with no publication, and was drawn. The gallery publishes on
   * every frame that changes what it shows, so then its layout has settled.
   */
  readonly settled: boolean;
}

const NOTHING: HookReading = { view: null, gallery: null, drawn: false, settled: false };

function readHook(page: Page): Promise<HookReading> {
  return page.evaluate(() => {
    const h = (window as unknown as { mallocade?: MallocadeHook }).mallocade;
    if (!h) return { view: null, gallery: null, drawn: false, settled: false };
    return { view: h.view ?? null, gallery: h.gallery ?? null, drawn: h.frames > h.publishedAt, settled: h.frames >= h.publishedAt + 2 };
  });
}

/** What was published, for an error message (texts and probes left out: they are long). */
function describePublished(published: unknown): string {
  if (published === null || typeof published !== 'object') return String(published);
  const { texts: _texts, probes: _probes, ...rest } = published as Record<string, unknown>;
  return JSON.stringify(rest).slice(0, 1500);
}

/** Reads the hook until `passes` accepts it and returns that reading; a failure says what `what` waited for and what was published last. */
async function pollHook(page: Page, passes: (r: HookReading) => boolean, what: string, timeout: number): Promise<HookReading> {
  let last = NOTHING;
  try {
    await expect.poll(async () => passes((last = await readHook(page))), { timeout }).toBe(true);
  } catch (error) {
    throw new Error(`waiting for ${what}; last published: ${describePublished(last.view ?? last.gallery)}`, { cause: error });
  }
  return last;
}

/** The view the current scene last published (its shape is the scene's), or null. */
export async function publishedView<T>(page: Page): Promise<T | null> {
  return (await readHook(page)).view as T | null;
}

const sceneOf = (r: HookReading): string | undefined => (r.view as Published | null)?.scene;

/**
 * Waits until the page shows `scene` and what it published there passes `check`, and a
 * frame drawn since is on screen (so a screenshot shows what the test read); returns
 * that view. A failure says what the scene published last.
 */
export async function until<T extends Published>(page: Page, scene: string, check: (v: T) => boolean = () => true, timeout = PATIENCE_MS): Promise<T> {
  const r = await pollHook(page, (h) => h.drawn && sceneOf(h) === scene && check(h.view as T), scene, timeout);
  return r.view as T;
}

/** Waits until the view gallery's settled state passes `check`, and returns it. */
export async function untilGallery<T>(page: Page, check: (g: T) => boolean, timeout = PATIENCE_MS): Promise<T> {
  const r = await pollHook(page, (h) => h.settled && h.gallery !== null && check(h.gallery as T), 'the gallery', timeout);
  return r.gallery as T;
}

/** Waits until the page shows `scene`. */
export async function untilScene(page: Page, scene: string, timeout = PATIENCE_MS): Promise<void> {
  await until(page, scene, () => true, timeout);
}

/** Waits until the screen shows `scene` at the page's viewport size (the layout made for this size). */
export async function untilLaidOut<T extends Published & { readonly width?: number; readonly height?: number }>(page: Page, scene: string, timeout = PATIENCE_MS): Promise<T> {
  const size = page.viewportSize();
  if (!size) throw new Error('the page has no viewport');
  return until<T>(page, scene, (v) => v.width === size.width && v.height === size.height, timeout);
}

/** Waits until the screen shows the play scene with a view `check` accepts (returned), or the results (null). */
async function untilPlayOrResults(page: Page, check: (v: PlayViewForTests) => boolean): Promise<PlayViewForTests | null> {
  const passes = (h: HookReading): boolean => h.drawn && (sceneOf(h) === 'ResultsScene' || (sceneOf(h) === 'PlayScene' && check(h.view as PlayViewForTests)));
  const r = await pollHook(page, passes, 'the play scene or the results', PATIENCE_MS);
  return sceneOf(r) === 'PlayScene' ? (r.view as PlayViewForTests) : null;
}

/**
 * Waits until the round asks for a move (a request is pending) and returns the play
 * view, or until the round is over and the results show (null).
 */
export function untilMoveOrResults(page: Page): Promise<PlayViewForTests | null> {
  return untilPlayOrResults(page, (v) => v.pending !== null && v.phase !== 'done');
}

/** Waits until the match moved past `version`, or the results show. */
export async function untilPast(page: Page, version: number): Promise<void> {
  await untilPlayOrResults(page, (v) => v.version > version);
}

/**
 * Waits until the SDK would reconnect the page's room: it reconnects only a room that
 * has been joined for `reconnection.minUptime` (5 s by default in @colyseus/sdk 0.18),
 * and ends one dropped earlier. The page says when that holds (client/src/test-hook.ts).
 */
export async function untilReconnectable(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => window.mallocade?.reconnectable?.() ?? false), { timeout: 30_000 }).toBe(true);
}

/**
 * Presses `key` until `focusOf` reads `target` off what `scene` publishes, waiting after
 * each press for the focus to move; at most `limit` presses.
 */
export async function moveFocus<T extends Published>(page: Page, scene: string, key: string, focusOf: (v: T) => unknown, target: unknown, limit: number): Promise<void> {
  let v = await until<T>(page, scene);
  for (let i = 0; i < limit && focusOf(v) !== target; i++) {
    const before = focusOf(v);
    await page.keyboard.press(key);
    v = await until<T>(page, scene, (n) => focusOf(n) !== before);
  }
  expect(focusOf(v), `the focus after pressing ${key}`).toBe(target);
}

/** Frames the game has drawn so far. */
export function framesDrawn(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { mallocade?: MallocadeHook }).mallocade?.frames ?? 0);
}

/**
 * Waits while the game draws `count` more frames (about a second for 60 at the
 * browser's pace, longer when the machine is busy): for a check that something
 * stands still while the game runs on.
 */
export async function whileFramesDrawn(page: Page, count: number): Promise<void> {
  const from = await framesDrawn(page);
  await expect.poll(() => framesDrawn(page), { timeout: PATIENCE_MS }).toBeGreaterThanOrEqual(from + count);
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

/** How long a page may take to load: a class's three or four browsers load the game at once on a shared machine. */
const PAGE_LOAD_MS = 90_000;

export interface People {
  readonly server: RunningServer;
  /** A page in a browser of its own (a person's own machine, own storage) at this size; `prepare` sees its context first. */
  person(viewport: { width: number; height: number }, prepare?: (context: BrowserContext) => Promise<void>): Promise<Page>;
}

/**
 * The real server and one Chromium for a whole test file, each person a browser context
 * of their own (cheaper than a process each), closed after each test.
 */
export function useServerAndPeople(): People {
  let server: RunningServer | null = null;
  let chromium: Browser | null = null;
  let contexts: BrowserContext[] = [];
  beforeAll(async () => {
    server = await startServer();
    chromium = await launchChromium();
  });
  afterEach(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    contexts = [];
  });
  afterAll(async () => {
    await chromium?.close();
    await server?.stop();
  });
  return {
    get server(): RunningServer {
      if (!server) throw new Error('the server is not running yet');
      return server;
    },
    async person(viewport, prepare) {
      if (!chromium) throw new Error('Chromium is not running yet');
      const context = await chromium.newContext({ viewport });
      context.setDefaultNavigationTimeout(PAGE_LOAD_MS);
      contexts.push(context);
      await prepare?.(context);
      return context.newPage();
    },
  };
}

/** A server a test kills and starts again, and the people whose browsers live through it. */
export interface RestartablePeople {
  /** The server running now (the last one started). */
  readonly server: RunningServer;
  /** Starts the server again on the same database and port (after `server.kill`), where its clients expect it. */
  restart(): Promise<RunningServer>;
  /** A page in a browser context of its own (a person's own machine and storage) at this size. */
  person(viewport: { width: number; height: number }): Promise<Page>;
}

/**
 * For a whole test file: the real server on a SQLite file of its own (so a restarted
 * server finds what the killed one stored), and one Chromium, each person a context.
 */
export function useRestartableServer(): RestartablePeople {
  const dbFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mallocade-restart-')), 'class.db');
  const servers: RunningServer[] = [];
  const contexts: BrowserContext[] = [];
  let chromium: Browser | null = null;
  beforeAll(async () => {
    servers.push(await startServer({ MALLOCADE_DB: dbFile }));
    chromium = await launchChromium();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await chromium?.close();
    for (const s of servers) await s.stop();
  });
  return {
    get server(): RunningServer {
      const last = servers.at(-1);
      if (!last) throw new Error('the server is not running yet');
      return last;
    },
    async restart() {
      const port = this.server.port;
      servers.push(await startServer({ MALLOCADE_DB: dbFile }, { port }));
      return this.server;
    },
    async person(viewport) {
      if (!chromium) throw new Error('Chromium is not running yet');
      const context = await chromium.newContext({ viewport });
      context.setDefaultNavigationTimeout(PAGE_LOAD_MS);
      contexts.push(context);
      return context.newPage();
    },
  };
}

/** Clicks a scene's button once the scene says it is enabled (the scenes publish each button's centre). */
export async function press(page: Page, scene: string, button: string): Promise<void> {
  type Buttons = Published & { readonly buttons?: Record<string, { readonly x: number; readonly y: number; readonly enabled?: boolean }> };
  const v = await until<Buttons>(page, scene, (p) => p.buttons?.[button]?.enabled === true);
  const probe = v.buttons?.[button];
  if (!probe) throw new Error(`no button ${button}`);
  await page.mouse.click(probe.x, probe.y);
}
