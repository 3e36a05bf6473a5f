// Comfort settings (issue 16, item 6) in a class: at 200 % text every class screen keeps
// its words on screen and inside the buttons they label, and the HTML over the canvas (the
// join form, the dashboard's dialogs) fits the screen with no control cut. Students on a
// phone (390x844) and a laptop (1366x768): the join form, the lobby, a class round with its
// class panel, the lobby's results and "How did I do?". The host on a projector
// (1920x1080) and a laptop: the dashboard with its roster during a round, the round picker,
// the round editor, the lesson plans, and the projector view (its lobby, its board); on the
// host's screens and the projector no text overlaps another, every student's name on the
// page is drawn whole (a list pages rather than cutting names to "●…"), and no canvas text
// hides under the roster's HTML bar. The HTML over the canvas follows the text size: its
// computed font size at 200 % is twice that at 100 % (the join form on a phone, the comfort
// settings, the lesson plans). Where a button's label fits only drawn smaller than the
// chosen size, the test says which (a note, not a failure: Button.ts shrinks as its last
// resort). Screenshots: test-artifacts/comfort-class-*.png.
// A class round of every kind (small and deep buddy trees, free list, list order, mmap, slab,
// arena) on students' phones and laptops at 100, 150 and 200 %: no two texts overlap either.

import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Client, type Room } from '@colyseus/sdk';
import type { PlayViewForTests } from '../../client/src/test-hook.ts';
import { publishedView, press, until, useServerAndPeople } from './scene-support.ts';
import { expectApart, expectFits, expectHtmlFits, personWith, type Screen } from './comfort-support.ts';
import { overlappingTexts, type TextBox } from './support.ts';

const people = useServerAndPeople();

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1366, height: 768 };
const PROJECTOR = { width: 1920, height: 1080 };
const LARGE = { textSize: 2 };
const PLAIN = { textSize: 1 };

interface Probe { readonly x: number; readonly y: number; readonly label?: string; readonly fits?: boolean }
interface ClassScreen extends Screen {
  readonly buttons?: Readonly<Record<string, Probe>>;
  readonly countIn?: string;
  /** The results scene gives its size here, not as width and height. */
  readonly layout?: { readonly width?: number; readonly height?: number };
  readonly [fact: string]: unknown;
}
interface HostView extends ClassScreen {
  readonly code: string;
  readonly connected: boolean;
  readonly phase: string;
  readonly roundNo: number;
  readonly round: string;
  readonly players: readonly { readonly nickname: string }[];
  readonly pickerOpen: boolean;
  readonly plansOpen: boolean;
  readonly thumbs: readonly string[];
}
interface LobbyView extends ClassScreen {
  readonly phase: string;
  readonly nickname: string;
  readonly leaderboard: readonly unknown[];
}
type PlayView = PlayViewForTests & { readonly countIn?: string };

/** A class round for each kind of play screen: the warm-up's small buddy tree, a deep buddy tree, the free list (the fair adversary, its list order and mmap strip), slab and arena. */
const ROUND_OF_KIND = {
  'small buddy': 'warm-up',
  buddy: 'buddy-peaks',
  'free list': 'fair-duel',
  'list order': 'free-list-order',
  mmap: 'sbrk-mmap',
  slab: 'slab',
  arena: 'arenas',
} as const;

/** Labels drawn smaller than the chosen size to fit, by screen (read out at the end). */
const shrunk: string[] = [];

/** The screen as `scene` lays it out for the page's size once any 3-2-1 has gone, checked and returned; a screenshot as comfort-class-NAME. */
async function checkScreen(page: Page, scene: string, name: string): Promise<ClassScreen> {
  const size = page.viewportSize() ?? { width: 0, height: 0 };
  const view = await until<ClassScreen>(page, scene, (v) => (v.countIn ?? '') === '' && (v.width ?? v.layout?.width) === size.width && (v.height ?? v.layout?.height) === size.height);
  await expectFits(page, { ...view, width: size.width, height: size.height }, `class-${name}`);
  for (const [button, probe] of Object.entries(view.buttons ?? {})) if (probe.fits === false) shrunk.push(`${name}: ${button} "${probe.label ?? ''}"`);
  return view;
}

/** Texts that are a student's name cut short ("●…", "Gra…"): the name is not readable. */
function cutNames(texts: readonly TextBox[], names: readonly string[]): string[] {
  return texts
    .filter((t) => t.text.endsWith('…'))
    .filter((t) => {
      const start = t.text.slice(0, -1).replace(/^[●○]\s*/, '');
      return names.some((name) => name.startsWith(start));
    })
    .map((t) => `"${t.text}" at ${t.x},${t.y}`);
}

/** Canvas texts under the roster's HTML bar (Find, Sort), which would hide them. */
async function textsUnderTheBar(page: Page, texts: readonly TextBox[]): Promise<string[]> {
  const bar = await page.evaluate(() => {
    const element = document.querySelector<HTMLElement>('[role=search]');
    if (!element || element.offsetParent === null) return null;
    const boxes = [...element.querySelectorAll('label')].map((label) => label.getBoundingClientRect());
    return boxes.map((r) => ({ x: r.left, y: r.top, w: r.width, h: r.height }));
  });
  const found: string[] = [];
  for (const r of bar ?? []) {
    for (const t of texts) {
      const dx = Math.min(t.x + t.w, r.x + r.w) - Math.max(t.x, r.x);
      const dy = Math.min(t.y + t.h, r.y + r.h) - Math.max(t.y, r.y);
      if (dx > 1 && dy > 1) found.push(`"${t.text}" under the roster bar`);
    }
  }
  return found;
}

/**
 * A host's screen (the dashboard, the projector) as checkScreen checks it, and also: no
 * text overlaps another, no student's name in `names` is cut, no text hides under the roster bar.
 */
async function checkHostScreen(page: Page, scene: string, name: string, names: readonly string[]): Promise<ClassScreen> {
  const view = await checkScreen(page, scene, name);
  expect.soft(overlappingTexts(view.texts), `${name}: overlapping texts`).toEqual([]);
  expect.soft(cutNames(view.texts, names), `${name}: students' names cut`).toEqual([]);
  expect.soft(await textsUnderTheBar(page, view.texts), `${name}: texts under the roster bar`).toEqual([]);
  return view;
}

const TABS = ['join', 'round', 'students', 'class'] as const;

/** Shows the dashboard's tab `tab` when its panels are tabs (a phone, or large text on a laptop); nothing when they are side by side. */
async function showTab(host: Page, tab: (typeof TABS)[number]): Promise<void> {
  const view = await until<HostView>(host, 'HostScene');
  if (view['tab'] === 'all' || view['tab'] === tab) return;
  await press(host, 'HostScene', `tab-${tab}`);
  await until<HostView>(host, 'HostScene', (v) => v['tab'] === tab);
}

/** The dashboard checked as checkHostScreen checks it: each of its tabs in turn when its panels are tabs. */
async function checkDashboard(host: Page, name: string, names: readonly string[]): Promise<void> {
  const view = await checkHostScreen(host, 'HostScene', name, names);
  if (view['tab'] === 'all') return;
  for (const tab of TABS) {
    await showTab(host, tab);
    await checkHostScreen(host, 'HostScene', `${name}-${tab}`, names);
  }
}

/** The computed font size in px of the first element `selector` finds. */
function fontPx(page: Page, selector: string): Promise<number> {
  return page.locator(selector).first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
}

/** A class opened by a host on a projector-sized screen (key 3 on the title). */
async function openClass(host: Page): Promise<HostView> {
  await host.goto(people.server.url);
  await until(host, 'TitleScene');
  await host.keyboard.press('3');
  return until<HostView>(host, 'HostScene', (v) => v.connected && v.code !== '');
}

/** A student at 200 % opens the join link: the form is checked, they join, the lobby is checked. */
async function joinLarge(code: string, nickname: string, size: { width: number; height: number }, name: string): Promise<Page> {
  const page = await personWith(people, size, LARGE);
  await page.goto(`${people.server.url}/?join=${code}`);
  await checkScreen(page, 'JoinScene', `join-${name}`);
  await expectHtmlFits(page, 'form.mallocade-form', `class-join-form-${name}`);
  await page.locator('input[name=nickname]').fill(nickname);
  await page.locator('button[type=submit]').click();
  await until<LobbyView>(page, 'ClassLobbyScene', (v) => v.phase === 'lobby' && v.nickname === nickname);
  await checkScreen(page, 'ClassLobbyScene', `lobby-${name}`);
  return page;
}

/** A student at a text size joins from the link, without the checks on the way. */
async function joinAt(code: string, nickname: string, size: { width: number; height: number }, textSize: number): Promise<Page> {
  const page = await personWith(people, size, { textSize });
  await page.goto(`${people.server.url}/?join=${code}`);
  await until(page, 'JoinScene');
  await page.locator('input[name=nickname]').fill(nickname);
  await page.locator('button[type=submit]').click();
  await until<LobbyView>(page, 'ClassLobbyScene', (v) => v.phase === 'lobby' && v.nickname === nickname);
  return page;
}

/** The host chooses a round in the picker by its id. */
async function pickRound(host: Page, id: string): Promise<void> {
  await press(host, 'HostScene', 'chooseRound');
  const choice = host.locator(`[data-round-id="${id}"]`);
  await expect.poll(() => choice.count(), { timeout: 45_000 }).toBe(1);
  await choice.click();
  await until<HostView>(host, 'HostScene', (v) => v.round === id && !v.pickerOpen);
}

/** The host ends the running round (a second press confirms) and waits for the results. */
async function endRound(host: Page): Promise<void> {
  await press(host, 'HostScene', 'end');
  await until<HostView>(host, 'HostScene', (v) => v.buttons?.end?.label === 'Sure? End');
  await press(host, 'HostScene', 'end');
  await until<HostView>(host, 'HostScene', (v) => v.phase === 'results');
}

/** A student who joins at the default size (the host's class needs people in it). */
async function joinPlain(code: string, nickname: string): Promise<Page> {
  const page = await people.person(LAPTOP);
  await page.goto(`${people.server.url}/?join=${code}`);
  await until(page, 'JoinScene');
  await page.locator('input[name=nickname]').fill(nickname);
  await page.locator('button[type=submit]').click();
  await until<LobbyView>(page, 'ClassLobbyScene', (v) => v.phase === 'lobby');
  return page;
}

/** Students who join from their own machines (SDK clients): a class large enough for the roster to page. */
const sdkStudents: Room[] = [];
afterAll(async () => {
  await Promise.all(sdkStudents.map((room) => room.leave(true).catch(() => undefined)));
});

/** The class's room, looked up once (the server limits code lookups per address). */
const roomIds = new Map<string, string>();

async function joinBySdk(code: string, nickname: string): Promise<void> {
  if (!roomIds.has(code)) {
    const answer = await fetch(`${people.server.url}/api/classes/${code}`);
    expect(answer.status, 'the class is found by its code').toBe(200);
    roomIds.set(code, ((await answer.json()) as { roomId: string }).roomId);
  }
  const room = await new Client(people.server.url.replace(/^http/, 'ws')).joinById(roomIds.get(code) ?? '', { code, nickname });
  room.onMessage('*', () => undefined);
  sdkStudents.push(room);
}

/** The host starts the round the dashboard shows. */
async function startRound(host: Page): Promise<void> {
  const before = (await publishedView<HostView>(host))?.roundNo ?? 0;
  await showTab(host, 'round');
  await press(host, 'HostScene', 'start');
  await until<HostView>(host, 'HostScene', (v) => v.phase === 'playing' && v.roundNo === before + 1);
}

/** The warm-up (buddy, 8 units) by mouse: 1 unit at 0, 4 at 4; the last student's moves end the round. */
async function playWarmUp(page: Page): Promise<void> {
  for (const [size, address] of [[1, '0'], [4, '4']] as const) {
    const v = await until<PlayView>(page, 'PlayScene', (p) => p.pending?.size === size && p.probes[address] !== undefined);
    await page.mouse.click(v.probes[address]!.x, v.probes[address]!.y);
  }
}

/** The open dialog's box (ui/DomDialog.ts). */
const DIALOG = '.mallocade-dialog [role=dialog]';

describe('comfort settings in a class, at 200 % text', { timeout: 360_000 }, () => {
  it('fit a student\'s screens on a phone and a laptop: join form, lobby, a class round with its panel, results', async () => {
    const host = await people.person(PROJECTOR);
    const { code } = await openClass(host);
    const ada = await joinLarge(code, 'Ada', PHONE, 'phone');
    const grace = await joinLarge(code, 'Grace', LAPTOP, 'laptop');
    await until<HostView>(host, 'HostScene', (v) => v.players.length === 2);
    await startRound(host);
    for (const [page, name] of [[ada, 'phone'], [grace, 'laptop']] as const) {
      await until<PlayView>(page, 'PlayScene', (v) => v.pending !== null && (v.countIn ?? '') === '');
      await checkScreen(page, 'PlayScene', `play-${name}`);
    }
    await playWarmUp(ada);
    await playWarmUp(grace);
    for (const [page, name] of [[ada, 'phone'], [grace, 'laptop']] as const) {
      await until<LobbyView>(page, 'ClassLobbyScene', (v) => v.phase === 'results' && v.leaderboard.length === 2);
      await checkScreen(page, 'ClassLobbyScene', `lobby-results-${name}`);
      await page.keyboard.press('r');
      await until<ClassScreen>(page, 'ResultsScene');
      await checkScreen(page, 'ResultsScene', `results-${name}`);
    }
    if (shrunk.length > 0) console.info(`labels drawn smaller than 200 % to fit:\n  ${shrunk.join('\n  ')}`);
  });

  it('fit a class round of every kind on a student\'s phone and laptop at 100, 150 and 200 %, texts apart from one another', { timeout: 600_000 }, async () => {
    const host = await people.person(PROJECTOR);
    const { code } = await openClass(host);
    const students: { page: Page; name: string }[] = [];
    for (const textSize of [1, 1.5, 2]) {
      for (const [device, size] of [['phone', PHONE], ['laptop', LAPTOP]] as const) {
        const name = `${device}-${textSize * 100}`;
        students.push({ page: await joinAt(code, `S${students.length + 1}`, size, textSize), name });
      }
    }
    await until<HostView>(host, 'HostScene', (v) => v.players.length === students.length);
    for (const [kind, id] of Object.entries(ROUND_OF_KIND)) {
      await pickRound(host, id);
      await startRound(host);
      const roundNo = (await publishedView<HostView>(host))?.roundNo;
      for (const { page, name } of students) {
        await until<PlayView>(page, 'PlayScene', (v) => v.roundNo === roundNo && v.pending !== null && (v.countIn ?? '') === '');
        const screen = `round-${kind.replace(' ', '-')}-${name}`;
        await expectApart(page, await checkScreen(page, 'PlayScene', screen), `class-${screen}`);
      }
      await endRound(host);
    }
  });

  it('fit the host\'s dashboard, its dialogs and the projector on a projector', async () => {
    const host = await personWith(people, PROJECTOR, LARGE);
    const { code } = await openClass(host);
    const names = ['Ada', 'Grace Hopper'];
    await checkDashboard(host, 'host-lobby-projector', names);
    await showTab(host, 'join');
    const [projector] = await Promise.all([host.context().waitForEvent('page'), press(host, 'HostScene', 'projector')]);
    await projector.setViewportSize(PROJECTOR);
    await checkHostScreen(projector, 'ProjectorScene', 'projector-lobby', names);

    // The round picker, its editor and the lesson plans: HTML over the dashboard.
    await showTab(host, 'round');
    await press(host, 'HostScene', 'chooseRound');
    await expect.poll(() => host.locator('[data-round-id]').count(), { timeout: 45_000 }).toBeGreaterThan(20);
    await expectHtmlFits(host, DIALOG, 'class-picker-projector');
    await host.getByRole('button', { name: 'New round…' }).click();
    await expect.poll(() => host.getByLabel('Title').count()).toBe(1);
    await expectHtmlFits(host, DIALOG, 'class-editor-projector');
    await host.keyboard.press('Escape');
    await until<HostView>(host, 'HostScene', (v) => !v.pickerOpen);
    await press(host, 'HostScene', 'lessonPlans');
    await host.locator(DIALOG).getByRole('button', { name: 'New plan…' }).click();
    await expect.poll(() => host.locator(`${DIALOG} li[data-round-id]`).count(), { timeout: 45_000 }).toBeGreaterThan(20);
    await expectHtmlFits(host, DIALOG, 'class-plans-projector');
    await host.keyboard.press('Escape');
    await until<HostView>(host, 'HostScene', (v) => !v.plansOpen);

    // A round with students in it: the roster, their heaps, the projector's board.
    const students = [await joinPlain(code, names[0]!), await joinPlain(code, names[1]!)];
    await until<HostView>(host, 'HostScene', (v) => (v['roster'] as { total: number }).total === 2);
    await startRound(host);
    await playWarmUp(students[0]!);
    await until<HostView>(host, 'HostScene', (v) => v.thumbs.length === 2);
    await checkDashboard(host, 'host-round-projector', names);
    await checkHostScreen(projector, 'ProjectorScene', 'projector-round', names);
    await playWarmUp(students[1]!);
    await until<HostView>(host, 'HostScene', (v) => v.phase === 'results');
    await checkDashboard(host, 'host-results-projector', names);
    await checkHostScreen(projector, 'ProjectorScene', 'projector-results', names);
    if (shrunk.length > 0) console.info(`labels drawn smaller than 200 % to fit:\n  ${shrunk.join('\n  ')}`);
  });

  it('fit the host\'s dashboard on a laptop at 200 % and 150 %: the roster pages, names whole, its dialogs', async () => {
    const host = await personWith(people, LAPTOP, LARGE);
    const { code } = await openClass(host);
    const names = ['Ada', 'Grace Hopper', 'Katherine Johnson', 'Edsger', 'Barbara Liskov', 'Frances Allen', 'Alan', 'Donald Knuth', 'Radia Perlman', 'Ken', 'Dennis', 'Margaret Hamilton'];
    await checkDashboard(host, 'host-lobby-laptop', names);
    for (const name of names) await joinBySdk(code, name);
    await until<HostView>(host, 'HostScene', (v) => (v['roster'] as { total: number }).total === names.length);
    await startRound(host);
    await until<HostView>(host, 'HostScene', (v) => v.thumbs.length > 0);
    await checkDashboard(host, 'host-round-laptop', names);
    // The list shows what fits, and the rest is a page away (◀ ▶), each page checked.
    await showTab(host, 'students');
    const round = await until<HostView>(host, 'HostScene', (v) => v.players.length === Math.min(names.length, (v['roster'] as { limit: number }).limit));
    const roster = round['roster'] as { total: number; limit: number };
    expect(roster.limit, 'a page holds at least one student').toBeGreaterThan(0);
    expect(roster.limit, `${names.length} students do not fit one page at 200 % on a laptop`).toBeLessThan(roster.total);
    await press(host, 'HostScene', 'page-next');
    await until<HostView>(host, 'HostScene', (v) => (v['roster'] as { offset: number }).offset === roster.limit && v.players.length > 0);
    await checkHostScreen(host, 'HostScene', 'host-round-laptop-page-2', names);
    await showTab(host, 'round');

    // The dialogs over the dashboard at 200 %, then the whole dashboard again at 150 % (chosen, reloaded).
    await press(host, 'HostScene', 'lessonPlans');
    await host.locator(DIALOG).getByRole('button', { name: 'New plan…' }).click();
    await expect.poll(() => host.locator(`${DIALOG} li[data-round-id]`).count(), { timeout: 45_000 }).toBeGreaterThan(20);
    await expectHtmlFits(host, DIALOG, 'class-plans-laptop');
    const plansAt200 = { heading: await fontPx(host, `${DIALOG} h2`), button: await fontPx(host, `${DIALOG} button`) };
    await host.keyboard.press('Escape');
    await host.evaluate(() => window.localStorage.setItem('mallocade:comfort', JSON.stringify({ textSize: 1.5 })));
    await host.reload();
    await until<HostView>(host, 'HostScene', (v) => v.connected && v.phase === 'playing' && v.thumbs.length > 0);
    await checkDashboard(host, 'host-round-laptop-150', names);
    await showTab(host, 'round');
    await press(host, 'HostScene', 'lessonPlans');
    await host.locator(DIALOG).getByRole('button', { name: 'New plan…' }).click();
    await expect.poll(() => host.locator(`${DIALOG} li[data-round-id]`).count(), { timeout: 45_000 }).toBeGreaterThan(20);
    await expectHtmlFits(host, DIALOG, 'class-plans-laptop-150');
    expect(await fontPx(host, `${DIALOG} h2`), 'the plans\' heading at 150 % is three quarters of that at 200 %').toBeCloseTo(plansAt200.heading * 0.75, 0);
    expect(await fontPx(host, `${DIALOG} button`), 'the plans\' buttons at 150 % are three quarters of those at 200 %').toBeCloseTo(plansAt200.button * 0.75, 0);
    if (shrunk.length > 0) console.info(`labels drawn smaller than 200 % to fit:\n  ${shrunk.join('\n  ')}`);
  });

  it('sizes the HTML over the canvas by the text size: the join form and the comfort settings on a phone', async () => {
    const sizes: Record<string, Record<string, number>> = {};
    for (const [comfort, name] of [[PLAIN, '100'], [LARGE, '200']] as const) {
      const page = await personWith(people, PHONE, comfort);
      await page.goto(`${people.server.url}/?join=ABCDEF`);
      await until(page, 'JoinScene');
      await expectHtmlFits(page, 'form.mallocade-form', `class-join-form-phone-${name}`);
      const form = { label: await fontPx(page, 'form.mallocade-form label'), input: await fontPx(page, 'form.mallocade-form input'), submit: await fontPx(page, 'form.mallocade-form button') };
      await page.goto(people.server.url);
      await until(page, 'TitleScene');
      await page.keyboard.press('4');
      await expect.poll(() => page.locator(DIALOG).count()).toBe(1);
      await expectHtmlFits(page, DIALOG, `class-comfort-dialog-phone-${name}`);
      sizes[name] = { ...form, dialogHeading: await fontPx(page, `${DIALOG} h2`), dialogLabel: await fontPx(page, `${DIALOG} label`) };
    }
    for (const [part, px] of Object.entries(sizes['100'] ?? {})) {
      expect(sizes['200']?.[part], `${part}: at 200 % twice its size at 100 % (${px} px)`).toBeCloseTo(px * 2, 0);
    }
  });
});
