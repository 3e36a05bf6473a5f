// Closing a class in real browsers (issue #12, item 11): the host presses "Close class"
// and confirms while a round runs; two students playing it (laptop and phone) and the
// projector (1920x1080) read "The class was closed by the host." at once — not a
// lost connection, and nothing tries to reconnect — and the dashboard says the class is
// closed, with its results still to download. Screenshots in test-artifacts/.

import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artifactPath, overlappingTexts, textsOffScreen, type TextBox } from './support.ts';
import { press, until, useServerAndPeople, type Published } from './scene-support.ts';

interface Probe { x: number; y: number; label?: string; enabled?: boolean; fits?: boolean }
interface Screen extends Published { texts?: TextBox[]; buttons?: Record<string, Probe>; problem?: string; [fact: string]: unknown }
interface HostView extends Screen { code: string; connected: boolean; phase: string; players: { nickname: string }[] }
interface StudentView extends Screen { mode: string; phase: string; nickname: string }

const PROJECTOR = { width: 1920, height: 1080 };
const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1366, height: 768 };
const CLOSED = 'The class was closed by the host.';

const people = useServerAndPeople();

async function joinFromLink(code: string, nickname: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await people.person(viewport);
  await page.goto(`${people.server.url}/?join=${code}`);
  await until(page, 'JoinScene');
  await page.locator('input[name=nickname]').fill(nickname);
  await page.locator('button[type=submit]').click();
  await until<StudentView>(page, 'ClassLobbyScene', (v) => v.phase === 'lobby' && v.nickname === nickname);
  return page;
}

/** Saves a screenshot and checks that no text overlaps another or leaves the screen. */
async function snapshot(page: Page, view: Screen, name: string): Promise<void> {
  const { width, height } = page.viewportSize() ?? { width: 0, height: 0 };
  await page.screenshot({ path: artifactPath(`class-close-${name}.png`) });
  const texts = view.texts ?? [];
  expect(overlappingTexts(texts), `${name}: overlapping texts`).toEqual([]);
  expect(textsOffScreen(texts, width, height), `${name}: texts off screen`).toEqual([]);
}

const shows = (view: Screen, words: string): boolean => (view.texts ?? []).some((t) => t.text.includes(words));

describe('closing a class', () => {
  it('the host closes the class mid-round; students and the projector are told the host closed it, and nothing reconnects', async () => {
    const host = await people.person(PROJECTOR);
    await host.goto(people.server.url);
    await until(host, 'TitleScene');
    await host.keyboard.press('3');
    const { code } = await until<HostView>(host, 'HostScene', (v) => v.connected && v.code !== '');
    const [projector] = await Promise.all([host.context().waitForEvent('page'), press(host, 'HostScene', 'projector')]);
    await projector.setViewportSize(PROJECTOR);
    await until<Screen>(projector, 'ProjectorScene', (v) => v.show !== '' && v.connected === true);
    const ada = await joinFromLink(code, 'Ada', LAPTOP);
    const bo = await joinFromLink(code, 'Bo', PHONE);
    await until<HostView>(host, 'HostScene', (v) => v.players.length === 2);
    await press(host, 'HostScene', 'start');
    for (const student of [ada, bo]) await until(student, 'PlayScene');

    // One press asks; the second closes.
    await press(host, 'HostScene', 'closeClass');
    await until<HostView>(host, 'HostScene', (v) => v.buttons?.closeClass?.label === 'Sure? Close class');
    await press(host, 'HostScene', 'closeClass');

    const adaClosed = await until<StudentView>(ada, 'ClassLobbyScene', (v) => v.mode === 'closed' && shows(v, CLOSED));
    expect(adaClosed.buttons?.rejoin).toBeUndefined();
    const wall = await until<Screen>(projector, 'ProjectorScene', (v) => (v.problem ?? '').includes(CLOSED) && shows(v, CLOSED));
    expect(wall.problem).not.toMatch(/Reconnecting/);
    const dashboard = await until<HostView>(host, 'HostScene', (v) => (v.problem ?? '').includes('can no longer join') && v.buttons?.results?.enabled === true);
    expect(dashboard.buttons?.retry).toBeUndefined();
    // The token is forgotten: this browser would join the code's next class as someone new.
    expect(await ada.evaluate((c) => window.localStorage.getItem(`mallocade:token:${c}`), code)).toBeNull();

    await snapshot(ada, adaClosed, 'student-laptop');
    await snapshot(projector, wall, 'projector');
    await snapshot(host, dashboard, 'host');
    await snapshot(bo, await until<StudentView>(bo, 'ClassLobbyScene', (v) => v.mode === 'closed' && shows(v, CLOSED)), 'student-phone');
  });
});
