// The instructor's cockpit in a real browser (issue 14): the host opens one student's
// heap from its thumbnail on the dashboard, live as the student plays, and puts it on the
// projector, named and then without the name; the projector also shows the class's best
// and worst heaps beside first fit's (here: lowest buddy's) and the class figures. The
// host and the projector are Chromium pages (the host's laptop, 1366x768; the wall,
// 1920x1080); the students are SDK clients, as in the room tests, so the test spends the
// shared machine's time on the screens it looks at. Screenshots go to test-artifacts/.

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Client, type Room } from '@colyseus/sdk';
import { artifactPath, launchChromium, overlappingTexts, startServer, textsOffScreen, type RunningServer, type TextBox } from './support.ts';
import { press, until, untilLaidOut, type Published } from './scene-support.ts';

interface Probe { x: number; y: number; label?: string; enabled?: boolean; fits?: boolean }

interface Screen extends Published {
  texts?: TextBox[];
  buttons?: Record<string, Probe>;
}

interface HostView extends Screen {
  code: string;
  connected: boolean;
  phase: string;
  roundNo: number;
  players: { nickname: string; playerId: string }[];
  thumbs: string[];
  openStudent: string | null;
  projection: string;
  round: string;
  roundTitle: string;
  roundClock: string;
  pickerOpen: boolean;
}

interface ProjectorView extends Screen {
  show: string;
  heaps: string[];
  roundClock: string;
  /** The session's podium reveal: the countdown's number and the names shown, place by place from the lowest. */
  podium: { count: number; places: string[][] } | null;
}

interface Drawn {
  cards?: { name: string; x: number; y: number }[];
  heaps?: { label: string; caption: string; live: number }[];
}

const LAPTOP = { width: 1366, height: 768 };
const WALL = { width: 1920, height: 1080 };
const PAGE_LOAD_MS = 90_000;

let server: RunningServer;
let chromium: Browser;
const contexts: BrowserContext[] = [];
const students: Room[] = [];

beforeAll(async () => {
  server = await startServer();
  chromium = await launchChromium();
});
afterEach(async () => {
  for (const room of students.splice(0)) await room.leave(true).catch(() => undefined);
  for (const c of contexts.splice(0)) await c.close().catch(() => undefined);
});
afterAll(async () => {
  await chromium?.close();
  await server?.stop();
});

async function hostAt(viewport: { width: number; height: number }): Promise<Page> {
  const context = await chromium.newContext({ viewport });
  context.setDefaultNavigationTimeout(PAGE_LOAD_MS);
  contexts.push(context);
  return context.newPage();
}

/** A student joining from their own machine (an SDK client), with the class's code. */
async function joinStudent(code: string, nickname: string): Promise<Room> {
  const found = (await (await fetch(`${server.url}/api/classes/${code}`)).json()) as { roomId: string };
  const room = await new Client(server.url.replace(/^http/, 'ws')).joinById(found.roomId, { code, nickname });
  room.onMessage('*', () => undefined);
  students.push(room);
  return room;
}

/** Places the student's pending request at `target` and waits until the server has taken it. */
async function place(room: Room, target: number): Promise<void> {
  const heap = () => [...room.state.heaps.values()][0] as { version: number; hasPending: boolean; pending: { id: number } } | undefined;
  await expect.poll(() => heap()?.hasPending, { timeout: 45_000 }).toBe(true);
  const version = heap()?.version ?? 0;
  room.send('place', { requestId: heap()?.pending.id, target, version });
  await expect.poll(() => heap()?.version, { timeout: 45_000 }).toBe(version + 1);
}

async function drawn(page: Page, view: string): Promise<Drawn> {
  return page.evaluate((name) => (window as unknown as { mallocade?: { views?: Record<string, Drawn> } }).mallocade?.views?.[name] ?? {}, view);
}

/** A screenshot of the layout made for the page's size; no text overlaps another or leaves the screen, no button label is cut. */
async function snapshot(page: Page, scene: string, name: string): Promise<void> {
  const settled = await untilLaidOut<Screen>(page, scene);
  const { width, height } = page.viewportSize() ?? { width: 0, height: 0 };
  await page.screenshot({ path: artifactPath(`cockpit-${name}.png`) });
  const texts = settled.texts ?? [];
  expect(overlappingTexts(texts), `${name}: overlapping texts`).toEqual([]);
  expect(textsOffScreen(texts, width, height), `${name}: texts off screen`).toEqual([]);
  const clipped = Object.entries(settled.buttons ?? {}).filter(([, b]) => b.fits === false).map(([n, b]) => `${n}: "${b.label}"`);
  expect(clipped, `${name}: button labels wider than their buttons`).toEqual([]);
}

/** Presses the editor's Preview and waits for the engine's refusal words. */
async function previewRefused(host: Page, words: string): Promise<void> {
  await host.getByRole('button', { name: 'Preview' }).click();
  await expect.poll(() => host.getByRole('alert').innerText()).toContain(words);
}

/** A host creates a class from the title screen (key 3) on the laptop. */
async function openClass(): Promise<{ host: Page; code: string }> {
  const host = await hostAt(LAPTOP);
  await host.goto(server.url);
  await until(host, 'TitleScene');
  await host.keyboard.press('3');
  const { code } = await until<HostView>(host, 'HostScene', (v) => v.connected && v.code !== '');
  return { host, code };
}

describe('the host puts heaps on the wall', () => {
  it('opens a student\'s heap from its thumbnail, live, and shows it on the projector, named and anonymous; then best and worst, and the figures', async () => {
    const { host, code } = await openClass();
    const ada = await joinStudent(code, 'Ada');
    const bob = await joinStudent(code, 'Bob');
    await until<HostView>(host, 'HostScene', (v) => v.players.length === 2);
    const [projector] = await Promise.all([host.context().waitForEvent('page'), press(host, 'HostScene', 'projector')]);
    await projector.setViewportSize(WALL);
    await until<ProjectorView>(projector, 'ProjectorScene', (v) => v.show === 'join');

    await press(host, 'HostScene', 'start'); // the warm-up: 8 buddy units, a 1-unit block then a 4
    await until<HostView>(host, 'HostScene', (v) => v.phase === 'playing' && v.thumbs.length === 2);
    await place(ada, 0);
    await place(bob, 7);

    // A click on Ada's card opens her heap on the dashboard.
    await expect.poll(async () => (await drawn(host, 'HeapThumbnailsView')).cards?.length ?? 0, { timeout: 45_000 }).toBe(2);
    const card = (await drawn(host, 'HeapThumbnailsView')).cards?.find((c) => c.name === 'Ada');
    if (!card) throw new Error('no card for Ada');
    await host.mouse.click(card.x, card.y);
    await until<HostView>(host, 'HostScene', (v) => v.openStudent !== null);
    await expect.poll(async () => (await drawn(host, 'WallHeapsView')).heaps?.[0]?.label).toBe("Ada's heap");
    expect((await drawn(host, 'WallHeapsView')).heaps?.[0]?.live).toBe(1);
    // Live: her next placement shows on the dashboard.
    await place(ada, 4);
    await expect.poll(async () => (await drawn(host, 'WallHeapsView')).heaps?.[0]?.caption ?? '', { timeout: 45_000 }).toMatch(/^done/);
    await snapshot(host, 'HostScene', 'host-student-heap-1366');

    await press(host, 'HostScene', 'spot-named');
    await until<ProjectorView>(projector, 'ProjectorScene', (v) => v.show === 'heap' && v.heaps[0] === "Ada's heap");
    await until<HostView>(host, 'HostScene', (v) => v.buttons?.['spot-named']?.label === '● On projector');
    await snapshot(projector, 'ProjectorScene', 'projector-heap-1920');
    await press(host, 'HostScene', 'spot-anonymous');
    await until<ProjectorView>(projector, 'ProjectorScene', (v) => v.heaps[0] === "A student's heap");
    const wall = await untilLaidOut<Screen>(projector, 'ProjectorScene');
    expect((wall.texts ?? []).map((t) => t.text).join(' ')).not.toContain('Ada');

    await press(host, 'HostScene', 'spot-close');
    await until<HostView>(host, 'HostScene', (v) => v.openStudent === null);
    await press(host, 'HostScene', 'wall-compare');
    const compared = await until<ProjectorView>(projector, 'ProjectorScene', (v) => v.show === 'compare' && v.heaps.length === 3);
    expect(compared.heaps[2]).toBe('lowest buddy on the same round');
    await snapshot(projector, 'ProjectorScene', 'projector-compare-1920');
    await press(host, 'HostScene', 'wall-figures');
    await until<ProjectorView>(projector, 'ProjectorScene', (v) => v.show === 'figures');
    await snapshot(projector, 'ProjectorScene', 'projector-figures-1920');
    await snapshot(host, 'HostScene', 'host-wall-row-1366');
  });
});

describe('the host authors a round (issue 14, done when)', () => {
  it('makes a round in the editor, previews it (a refusal in the engine\'s words first), starts it with its countdown, opens a student\'s heap and shows it on the projector', async () => {
    const { host, code } = await openClass();
    const ada = await joinStudent(code, 'Ada');
    await until<HostView>(host, 'HostScene', (v) => v.players.length === 1);
    const [projector] = await Promise.all([host.context().waitForEvent('page'), press(host, 'HostScene', 'projector')]);
    await projector.setViewportSize(WALL);

    // The picker lists every round with its kind, requests and length, and searches them.
    await press(host, 'HostScene', 'chooseRound');
    const search = host.getByLabel('Search rounds');
    await expect.poll(() => host.locator('[data-round-id]').count(), { timeout: 45_000 }).toBeGreaterThan(20);
    await search.fill('fair adversary');
    await expect.poll(() => host.locator('[data-round-id]').count()).toBe(1);
    expect(await host.locator('[data-round-id]').first().innerText()).toMatch(/free list · 40 requests · about \d+ min/);
    await host.screenshot({ path: artifactPath('cockpit-picker-1366.png') });

    // The editor: a free-list round of peaks, 2 minutes for the whole round.
    await host.getByRole('button', { name: 'New round…' }).click();
    await host.getByLabel('Title').fill('Peaks by hand');
    await host.getByLabel('Alignment (free list)').fill('3');
    await previewRefused(host, 'alignment must be a power of two');
    await host.getByLabel('Alignment (free list)').fill('8');
    await host.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => host.locator('.preview-summary').innerText()).toMatch(/^24 requests · peak live \d+ bytes · about 2 min$/);
    const policies = await host.locator('.preview-policies td:first-child').allInnerTexts();
    expect(policies.length).toBeGreaterThan(4);
    expect(policies.filter((p) => p.endsWith('(best)'))).toHaveLength(1);
    await host.screenshot({ path: artifactPath('cockpit-editor-preview-1366.png'), fullPage: true });
    await host.getByRole('button', { name: 'Save and choose' }).click();
    const chosen = await until<HostView>(host, 'HostScene', (v) => !v.pickerOpen && v.round.startsWith('h-'));
    expect(chosen.roundTitle).toBe('Peaks by hand');

    await press(host, 'HostScene', 'start');
    await until<HostView>(host, 'HostScene', (v) => v.phase === 'playing' && /^Round: [12]:\d\d left$/.test(v.roundClock));
    await until<ProjectorView>(projector, 'ProjectorScene', (v) => /^Round: [12]:\d\d left$/.test(v.roundClock));
    await place(ada, 0);
    await expect.poll(async () => (await drawn(host, 'HeapThumbnailsView')).cards?.length ?? 0, { timeout: 45_000 }).toBe(1);
    const card = (await drawn(host, 'HeapThumbnailsView')).cards?.[0];
    if (!card) throw new Error('no card');
    await host.mouse.click(card.x, card.y);
    await expect.poll(async () => (await drawn(host, 'WallHeapsView')).heaps?.[0]?.live, { timeout: 45_000 }).toBe(1);
    await press(host, 'HostScene', 'spot-named');
    await until<ProjectorView>(projector, 'ProjectorScene', (v) => v.show === 'heap' && v.heaps[0] === "Ada's heap");
    await snapshot(host, 'HostScene', 'host-own-round-1366');
    await snapshot(projector, 'ProjectorScene', 'projector-own-round-1920');
  });
});

describe('the round editor\'s other settings and editing a copy (issue 14, item 1)', () => {
  it('sets header, footer, minimum block, mmap threshold, refused in the engine\'s words, and saves a changed copy of a saved round as a new round', async () => {
    const { host } = await openClass();
    await press(host, 'HostScene', 'chooseRound');
    await expect.poll(() => host.locator('[data-round-id]').count(), { timeout: 45_000 }).toBeGreaterThan(20);
    await host.getByRole('button', { name: 'New round…' }).click();
    await host.getByLabel('Title').fill('Headers');
    await host.getByLabel('Header bytes (free list)').fill('8');
    await host.getByLabel('Footer bytes (free list)').fill('-4');
    await previewRefused(host, 'the header must be from 0 to the overhead (4) bytes, not 8');
    await host.getByLabel('Footer bytes (free list)').fill('8');
    await host.getByLabel('Minimum block (bytes, free list)').fill('32');
    await host.getByLabel('mmap threshold (bytes, free list; empty: never)').fill('0');
    await previewRefused(host, 'the mmap threshold must be at least 1 byte, not 0');
    await host.getByLabel('mmap threshold (bytes, free list; empty: never)').fill('100');
    await host.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => host.locator('.preview-summary').innerText()).toMatch(/^24 requests/);
    await host.getByRole('button', { name: 'Save and choose' }).click();
    const first = await until<HostView>(host, 'HostScene', (v) => !v.pickerOpen && v.round.startsWith('h-'));

    // Its copy opens with the saved settings; changed, it is saved as a second round, the first kept.
    await press(host, 'HostScene', 'chooseRound');
    await host.getByRole('button', { name: 'Edit a copy of Headers' }).click();
    expect(await host.getByLabel('Header bytes (free list)').inputValue()).toBe('8');
    expect(await host.getByLabel('Footer bytes (free list)').inputValue()).toBe('8');
    expect(await host.getByLabel('Minimum block (bytes, free list)').inputValue()).toBe('32');
    expect(await host.getByLabel('mmap threshold (bytes, free list; empty: never)').inputValue()).toBe('100');
    await host.getByLabel('Title').fill('Headers, no mmap');
    await host.getByLabel('mmap threshold (bytes, free list; empty: never)').fill('');
    await host.screenshot({ path: artifactPath('cockpit-editor-copy-1366.png'), fullPage: true });
    await host.getByRole('button', { name: 'Save and choose' }).click();
    const second = await until<HostView>(host, 'HostScene', (v) => !v.pickerOpen && v.roundTitle === 'Headers, no mmap');
    expect(second.round).not.toBe(first.round);
    await press(host, 'HostScene', 'chooseRound');
    await host.getByLabel('Search rounds').fill('headers');
    await expect.poll(() => host.locator('[data-round-id]').allInnerTexts()).toEqual([expect.stringMatching(/^Headers\n/), expect.stringMatching(/^Headers, no mmap\n/)]);
  });
});

describe('the podium at the end of a session (issue 14, item 10)', () => {
  it('the host reveals the podium: the projector counts down, then shows the tie for second with both names, then first; at once under reduced motion', async () => {
    const { host, code } = await openClass();
    const [ada, bob, cy] = [await joinStudent(code, 'Ada'), await joinStudent(code, 'Bob'), await joinStudent(code, 'Cy')];
    await until<HostView>(host, 'HostScene', (v) => v.players.length === 3);
    const [projector] = await Promise.all([host.context().waitForEvent('page'), press(host, 'HostScene', 'projector')]);
    await projector.setViewportSize(WALL);
    await until<ProjectorView>(projector, 'ProjectorScene', (v) => v.show === 'join');
    expect((await until<HostView>(host, 'HostScene')).buttons?.['wall-podium']?.enabled).toBe(false);

    // The warm-up (buddy units: a 1-unit block, then a 4): Ada and Bob place both alike, Cy only the first.
    // Scored on the part played, Cy's one block fills the heap it needed and Ada's and Bob's leave a
    // hole: Cy first, Ada and Bob tied for second.
    await press(host, 'HostScene', 'start');
    await until<HostView>(host, 'HostScene', (v) => v.phase === 'playing');
    for (const student of [ada, bob]) {
      await place(student, 0);
      await place(student, 4);
    }
    await place(cy, 0);
    await press(host, 'HostScene', 'end');
    await press(host, 'HostScene', 'end');
    await until<HostView>(host, 'HostScene', (v) => v.phase === 'results' && v.buttons?.['wall-podium']?.enabled === true);
    await snapshot(host, 'HostScene', 'host-results-1366');

    await press(host, 'HostScene', 'wall-podium');
    const counting = await until<ProjectorView>(projector, 'ProjectorScene', (v) => v.show === 'reveal' && (v.podium?.count ?? 0) > 0);
    expect(counting.podium?.places).toEqual([]);
    await snapshot(projector, 'ProjectorScene', 'podium-countdown-1920');
    const second = await until<ProjectorView>(projector, 'ProjectorScene', (v) => (v.podium?.places.length ?? 0) >= 1);
    expect(second.podium).toEqual({ count: 0, places: [['Ada', 'Bob']] });
    await snapshot(projector, 'ProjectorScene', 'podium-second-1920');
    const all = await until<ProjectorView>(projector, 'ProjectorScene', (v) => (v.podium?.places.length ?? 0) >= 2);
    expect(all.podium).toEqual({ count: 0, places: [['Ada', 'Bob'], ['Cy']] });
    // The tie as a tie: both on steps of the second's height, left and right of the first.
    await expect.poll(async () => (await drawn(projector, 'PodiumView') as { steps?: { name: string; rank: number; height: number }[] }).steps).toEqual([
      { name: 'Ada', rank: 2, height: 0.7 }, { name: 'Cy', rank: 1, height: 1 }, { name: 'Bob', rank: 2, height: 0.7 },
    ]);
    await snapshot(projector, 'ProjectorScene', 'podium-done-1920');
    await until<HostView>(host, 'HostScene', (v) => v.buttons?.['wall-podium']?.label === '● Podium');
    await snapshot(host, 'HostScene', 'host-podium-1366');

    // Another choice puts it away; under reduced motion the next reveal shows the whole podium at once.
    await press(host, 'HostScene', 'wall-board');
    await until<ProjectorView>(projector, 'ProjectorScene', (v) => v.show === 'podium');
    await projector.emulateMedia({ reducedMotion: 'reduce' });
    await press(host, 'HostScene', 'wall-podium');
    const reduced = await until<ProjectorView>(projector, 'ProjectorScene', (v) => v.show === 'reveal');
    expect(reduced.podium).toEqual({ count: 0, places: [['Ada', 'Bob'], ['Cy']] });
  });
});
