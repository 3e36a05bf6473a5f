// A large class on the dashboard (issue 14, item 9) in a real browser: 80 students (SDK
// clients, as in the room tests) join; the host's list and heap thumbnails show one page of
// them (host:page: the server sends only that page), ▶ turns to the next, the search field
// finds a student by name, the order menu puts those who placed most first. The host is a
// laptop (1366x768), then a phone (390x844, the People tab). Screenshots go to test-artifacts/.

import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Client, type Room } from '@colyseus/sdk';
import { artifactPath, overlappingTexts, textsOffScreen, type TextBox } from './support.ts';
import { press, until, untilLaidOut, useServerAndPeople, type Published } from './scene-support.ts';

interface Probe { x: number; y: number; label?: string; enabled?: boolean; fits?: boolean }
interface HostView extends Published {
  code: string;
  connected: boolean;
  phase: string;
  players: { nickname: string; playerId: string }[];
  thumbs: string[];
  roster: { offset: number; limit: number; sort: string; search: string; total: number };
  texts?: TextBox[];
  buttons?: Record<string, Probe>;
  tab: string;
}
interface ListDrawn { rows?: string[]; first?: number; total?: number; scrolls?: boolean }
interface CardsDrawn { cards?: { name: string; x: number; y: number }[] }
interface ReplayDrawn { left?: string; right?: string }
interface ResultsView extends Published {
  summary: string;
  debrief: string;
  terms: { term: string; text: string }[];
  showingReplay: boolean;
  buttons: Record<string, { x: number; y: number }>;
}

const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
const PROJECTOR = { width: 1920, height: 1080 };
/** A search field this wide shows its placeholder ("name or student ID") whole. */
const USABLE_SEARCH_PX = 160;
const CLASS_SIZE = 80;
/** The class by name: Grace Hopper, then the students by number (Student 37 is Grace). */
const BY_NAME = ['Grace Hopper', ...Array.from({ length: CLASS_SIZE }, (_, i) => `Student ${String(i).padStart(2, '0')}`).filter((n) => n !== 'Student 37')];
const PATIENCE = { timeout: 60_000 };

const people = useServerAndPeople();
const students: Room[] = [];

afterEach(async () => {
  await Promise.all(students.splice(0).map((room) => room.leave(true).catch(() => undefined)));
});

async function openClass(viewport: { width: number; height: number }): Promise<{ host: Page; code: string }> {
  const host = await people.person(viewport);
  await host.goto(people.server.url);
  await until(host, 'TitleScene');
  await host.keyboard.press('3');
  const { code } = await until<HostView>(host, 'HostScene', (v) => v.connected && v.code !== '');
  return { host, code };
}

/** `count` students join from their own machines, ten at a time; one of them is Grace Hopper. */
async function classOf(code: string, count: number): Promise<Room[]> {
  const found = (await (await fetch(`${people.server.url}/api/classes/${code}`)).json()) as { roomId: string };
  const client = new Client(people.server.url.replace(/^http/, 'ws'));
  const names = Array.from({ length: count }, (_, i) => (i === 37 ? 'Grace Hopper' : `Student ${String(i).padStart(2, '0')}`));
  const joined: Room[] = [];
  for (let i = 0; i < names.length; i += 10) {
    const batch = await Promise.all(names.slice(i, i + 10).map((nickname) => client.joinById(found.roomId, { code, nickname })));
    for (const room of batch) room.onMessage('*', () => undefined);
    joined.push(...batch);
  }
  students.push(...joined);
  return joined;
}

async function listDrawn(page: Page): Promise<ListDrawn> {
  return page.evaluate(() => (window as unknown as { mallocade?: { views?: Record<string, ListDrawn> } }).mallocade?.views?.PlayerListView ?? {});
}

async function drawn<T>(page: Page, view: string): Promise<T> {
  return page.evaluate((name) => (window as unknown as { mallocade?: { views?: Record<string, unknown> } }).mallocade?.views?.[name] ?? {}, view) as Promise<T>;
}

async function snapshot(page: Page, name: string): Promise<void> {
  const settled = await untilLaidOut<HostView>(page, 'HostScene');
  const { width, height } = page.viewportSize() ?? { width: 0, height: 0 };
  await page.screenshot({ path: artifactPath(`roster-${name}.png`) });
  const texts = settled.texts ?? [];
  expect(overlappingTexts(texts), `${name}: overlapping texts`).toEqual([]);
  expect(textsOffScreen(texts, width, height), `${name}: texts off screen`).toEqual([]);
  const clipped = Object.entries(settled.buttons ?? {}).filter(([, b]) => b.fits === false).map(([n, b]) => `${n}: "${b.label}"`);
  expect(clipped, `${name}: button labels wider than their buttons`).toEqual([]);
}

/** Places the student's pending request at `target` (the warm-up's first, 1 buddy unit, at 0 by default). */
async function placeFirst(room: Room, target = 0): Promise<void> {
  const heap = () => [...room.state.heaps.values()][0] as { version: number; hasPending: boolean; pending: { id: number } } | undefined;
  await expect.poll(() => heap()?.hasPending, PATIENCE).toBe(true);
  const version = heap()?.version ?? 0;
  room.send('place', { requestId: heap()?.pending.id, target, version });
  await expect.poll(() => heap()?.version, PATIENCE).toBe(version + 1);
}

describe('a class of 80 on the dashboard', () => {
  it('pages, searches and sorts the student list and the heaps; the host holds one page', async () => {
    const { host, code } = await openClass(LAPTOP);
    const rooms = await classOf(code, CLASS_SIZE);
    const first = await until<HostView>(host, 'HostScene', (v) => v.roster.total === CLASS_SIZE && v.players.length === v.roster.limit);
    const limit = first.roster.limit;
    expect(limit).toBeGreaterThan(2);
    expect(limit).toBeLessThan(CLASS_SIZE);
    expect(first.players[0]?.nickname).toBe('Grace Hopper');
    expect(first.players[1]?.nickname).toBe('Student 00');
    await expect.poll(async () => (await listDrawn(host)).total, PATIENCE).toBe(CLASS_SIZE);
    await snapshot(host, 'first-page-1366');

    // ▶: the next page of students, drawn from where the first ended.
    await press(host, 'HostScene', 'page-next');
    const second = await until<HostView>(host, 'HostScene', (v) => v.roster.offset === limit && v.players[0]?.nickname === BY_NAME[limit]);
    expect(second.players).toHaveLength(limit);
    await expect.poll(async () => (await listDrawn(host)).first, PATIENCE).toBe(limit);
    expect((await listDrawn(host)).rows?.[0]).toMatch(/^Student \d\d /);

    // The search field: a student found by part of their name, back on the first page.
    await host.getByRole('searchbox', { name: 'Find' }).fill('hopper');
    const found = await until<HostView>(host, 'HostScene', (v) => v.roster.search === 'hopper' && v.roster.total === 1 && v.players.length === 1);
    expect(found.players[0]?.nickname).toBe('Grace Hopper');
    expect(found.roster.offset).toBe(0);
    await snapshot(host, 'search-1366');
    await host.getByRole('searchbox', { name: 'Find' }).fill('');
    await until<HostView>(host, 'HostScene', (v) => v.roster.total === CLASS_SIZE && v.players.length === limit);

    // A round: two students place; ordered by placed, they come first, their heaps with them.
    await press(host, 'HostScene', 'start');
    await until<HostView>(host, 'HostScene', (v) => v.phase === 'playing');
    const last = rooms[CLASS_SIZE - 1]!;
    const fifty = rooms[50]!;
    await placeFirst(last);
    await placeFirst(fifty);
    await host.getByRole('combobox', { name: 'Sort' }).selectOption('placed');
    const sorted = await until<HostView>(host, 'HostScene', (v) => v.roster.sort === 'placed' && v.players.slice(0, 2).map((p) => p.nickname).join() === 'Student 50,Student 79');
    expect(sorted.thumbs.slice(0, 2)).toEqual(['Student 50', 'Student 79']);
    expect(sorted.thumbs.length).toBeLessThanOrEqual(limit);
    await snapshot(host, 'sorted-playing-1366');
  });

  it('on a phone, the People tab pages and searches the same way', async () => {
    const { host, code } = await openClass(PHONE);
    await classOf(code, 40);
    await press(host, 'HostScene', 'tab-students');
    const first = await until<HostView>(host, 'HostScene', (v) => v.tab === 'students' && v.roster.total === 40 && v.players.length === v.roster.limit);
    expect(first.roster.limit).toBeLessThan(40);
    await snapshot(host, 'people-390');
    await press(host, 'HostScene', 'page-next');
    await until<HostView>(host, 'HostScene', (v) => v.roster.offset === first.roster.limit);
    await host.getByRole('searchbox', { name: 'Find' }).fill('student 1');
    const found = await until<HostView>(host, 'HostScene', (v) => v.roster.search === 'student 1' && v.roster.total === 10);
    expect(found.roster.offset).toBe(0);
    expect(found.players[0]?.nickname).toBe('Student 10');
    await snapshot(host, 'people-search-390');
  });

  it('with 300 students, each size has one paging control (◀ ▶) and a search field wide enough to use: laptop, phone, projector', async () => {
    const { host, code } = await openClass(LAPTOP);
    await classOf(code, 300);
    for (const [name, size] of [['1366', LAPTOP], ['390', PHONE], ['1920', PROJECTOR]] as const) {
      await host.setViewportSize(size);
      if (size === PHONE) await press(host, 'HostScene', 'tab-students');
      const shown = await until<HostView>(host, 'HostScene', (v) => v.roster.total === 300 && v.players.length === v.roster.limit && v.buttons?.['page-next']?.enabled === true);
      await expect.poll(async () => (await listDrawn(host)).total, PATIENCE).toBe(300);
      // The page is what the list shows: the list has no ▲ ▼ of its own beside ◀ ▶.
      expect((await listDrawn(host)).rows, name).toHaveLength(shown.roster.limit);
      expect((await listDrawn(host)).scrolls, name).toBe(false);
      const search = await host.getByRole('searchbox', { name: 'Find' }).boundingBox();
      expect(search?.width ?? 0, `${name}: the search field's width`).toBeGreaterThanOrEqual(USABLE_SEARCH_PX);
      const sort = await host.getByRole('combobox', { name: 'Sort' }).boundingBox();
      const next = shown.buttons?.['page-next'];
      // ◀ ▶ stay clear of the HTML fields (which would take their clicks).
      expect(sort && next ? sort.x + sort.width < next.x - 26 || sort.y + sort.height < next.y - 22 : false, `${name}: the sort menu clear of ▶`).toBe(true);
      await snapshot(host, `people-300-${name}`);
      await press(host, 'HostScene', 'page-next');
      await until<HostView>(host, 'HostScene', (v) => v.roster.offset === shown.roster.limit);
      await press(host, 'HostScene', 'page-prev');
      await until<HostView>(host, 'HostScene', (v) => v.roster.offset === 0);
    }
  });

  it('[SC-11] replays a finished student\'s round for the host in words about that student, not "you"', async () => {
    const { host, code } = await openClass(LAPTOP);
    const rooms = await classOf(code, 40);
    await until<HostView>(host, 'HostScene', (v) => v.roster.total === 40);
    await press(host, 'HostScene', 'start');
    await until<HostView>(host, 'HostScene', (v) => v.phase === 'playing');
    // Grace plays the warm-up to its end: the 1-unit block at 0, the 4-unit block at 4.
    const grace = rooms[37]!;
    await placeFirst(grace, 0);
    await placeFirst(grace, 4);
    await host.getByRole('searchbox', { name: 'Find' }).fill('hopper');
    await until<HostView>(host, 'HostScene', (v) => v.roster.total === 1 && v.thumbs[0] === 'Grace Hopper');
    await expect.poll(async () => (await drawn<CardsDrawn>(host, 'HeapThumbnailsView')).cards?.map((c) => c.name), PATIENCE).toEqual(['Grace Hopper']);
    const card = (await drawn<CardsDrawn>(host, 'HeapThumbnailsView')).cards?.[0];
    if (!card) throw new Error('no card for Grace Hopper');
    await host.mouse.click(card.x, card.y);
    await press(host, 'HostScene', 'spot-replay');

    const results = await until<ResultsView>(host, 'ResultsScene', (v) => v.terms.length > 0);
    expect(results.terms.find((t) => t.term === 'fallbacks')?.text).toContain('placements made for Grace Hopper when time ran out');
    expect(results.summary).toMatch(/^Grace Hopper's score /);
    expect(results.summary).toMatch(/Grace Hopper is \d+ (ahead|behind)/);
    expect(results.debrief).toMatch(/^Grace Hopper's heap /);
    const words = [results.summary, results.debrief, ...results.terms.map((t) => t.text)].join(' ');
    expect(words).not.toMatch(/\byour?\b/i);
    // The dashboard sleeps under the results: its HTML search bar goes with it, and stays
    // gone when the class changes underneath (a classmate places).
    await placeFirst(rooms[0]!, 0);
    await until<ResultsView>(host, 'ResultsScene');
    await expect.poll(() => host.getByRole('searchbox', { name: 'Find' }).isVisible(), PATIENCE).toBe(false);
    await host.screenshot({ path: artifactPath('roster-host-results-1366.png') });

    // The replay: her heap, by name, beside a policy's, step by step.
    await host.mouse.click(results.buttons.replay!.x, results.buttons.replay!.y);
    await until<ResultsView>(host, 'ResultsScene', (v) => v.showingReplay);
    await expect.poll(async () => (await drawn<ReplayDrawn>(host, 'ReplayView')).left, PATIENCE).toBe('Grace Hopper');
    await host.screenshot({ path: artifactPath('roster-host-replay-1366.png') });
    // Back to the class: the dashboard and its search bar again.
    await host.keyboard.press('B');
    await until<HostView>(host, 'HostScene', (v) => v.roster.total === 1);
    await expect.poll(() => host.getByRole('searchbox', { name: 'Find' }).isVisible(), PATIENCE).toBe(true);
  });
});
