// Comfort settings (issue 16, item 6) in a class: at 200 % text every class screen keeps
// its words on screen and inside the buttons they label, and the HTML over the canvas (the
// join form, the dashboard's dialogs) fits the screen with no control cut. Students on a
// phone (390x844) and a laptop (1366x768): the join form, the lobby, a class round with its
// class panel, the lobby's results and "How did I do?". The host on a projector
// (1920x1080) and a laptop: the dashboard with its roster during a round, the round picker,
// the round editor, the lesson plans, and the projector view (its lobby, its board). Where a
// button's label fits only drawn smaller than the chosen size, the test says which (a note,
// not a failure: Button.ts shrinks as its last resort). Screenshots: test-artifacts/comfort-class-*.png.
// A class round of every kind (small and deep buddy trees, free list, list order, mmap, slab,
// arena) on students' phones and laptops at 100, 150 and 200 %: no two texts overlap either.
// Not checked yet, because they do not fit (issue 16, item 6, open): the dashboard on a laptop
// at 200 % (the student list falls below the screen), and the HTML (join form, dialogs), which
// keeps its own size rather than the chosen one.

import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PlayViewForTests } from '../../client/src/test-hook.ts';
import { publishedView, press, until, useServerAndPeople } from './scene-support.ts';
import { expectApart, expectFits, expectHtmlFits, personWith, type Screen } from './comfort-support.ts';

const people = useServerAndPeople();

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1366, height: 768 };
const PROJECTOR = { width: 1920, height: 1080 };
const LARGE = { textSize: 2 };

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

/** The host starts the round the dashboard shows. */
async function startRound(host: Page): Promise<void> {
  const before = (await publishedView<HostView>(host))?.roundNo ?? 0;
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
    await checkScreen(host, 'HostScene', 'host-lobby-projector');
    const [projector] = await Promise.all([host.context().waitForEvent('page'), press(host, 'HostScene', 'projector')]);
    await projector.setViewportSize(PROJECTOR);
    await checkScreen(projector, 'ProjectorScene', 'projector-lobby');

    // The round picker, its editor and the lesson plans: HTML over the dashboard.
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
    const students = [await joinPlain(code, 'Ada'), await joinPlain(code, 'Grace')];
    await until<HostView>(host, 'HostScene', (v) => v.players.length === 2);
    await startRound(host);
    await playWarmUp(students[0]!);
    await until<HostView>(host, 'HostScene', (v) => v.thumbs.length === 2);
    await checkScreen(host, 'HostScene', 'host-round-projector');
    await checkScreen(projector, 'ProjectorScene', 'projector-round');
    await playWarmUp(students[1]!);
    await until<HostView>(host, 'HostScene', (v) => v.phase === 'results');
    await checkScreen(host, 'HostScene', 'host-results-projector');
    await checkScreen(projector, 'ProjectorScene', 'projector-results');
    if (shrunk.length > 0) console.info(`labels drawn smaller than 200 % to fit:\n  ${shrunk.join('\n  ')}`);
  });
});
