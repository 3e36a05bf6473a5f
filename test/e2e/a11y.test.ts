// Accessibility (issue 16) in real browsers: axe-core audits every DOM screen and
// overlay (title, level select, play with its mirror, results, join, lobby, host
// dashboard) and fails on a serious or critical violation; a student plays level 1 to
// the end and a class round with the keyboard alone, through the DOM layer's buttons
// and the play screen's mirror (Tab to a hole, Enter), and the live region announces
// a placement, a free and the end. No mouse is used by the players.

import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PlayViewForTests } from '../../client/src/test-hook.ts';
import { artifactPath } from './support.ts';
import { until, useServerAndPeople, type Published } from './scene-support.ts';
import { announced, controlsUnderFocus, expectNoSeriousViolations, expectTargetsAtLeast24, focused, pressByKeyboard, recordAnnouncements, tabTo } from './a11y-support.ts';

const people = useServerAndPeople();

/** A person's browser, its live regions recorded from the first page on. */
function person(viewport = { width: 1366, height: 768 }): Promise<Page> {
  return people.person(viewport, recordAnnouncements);
}

interface HostView extends Published {
  code: string;
  connected: boolean;
  phase: string;
  players: { nickname: string }[];
}

interface LobbyView extends Published {
  phase: string;
  nickname: string;
}

/** The scene the page shows and the match's version when it is the play scene. */
function sceneAndVersion(page: Page): Promise<{ scene?: string; version?: number } | null> {
  return page.evaluate(() => (window as unknown as { mallocade?: { view?: { scene?: string; version?: number } } }).mallocade?.view ?? null);
}

/** Waits until the match moved past `version`, or another scene took over (the results, the class's lobby). */
async function untilMovedOn(page: Page, version: number): Promise<void> {
  await expect.poll(async () => {
    const v = await sceneAndVersion(page);
    return v?.scene !== 'PlayScene' || (v.version ?? -1) > version;
  }, { timeout: 45_000 }).toBe(true);
}

const isHole = (f: { key: string | null }): boolean => f.key?.startsWith('hole:') ?? false;

/**
 * Plays the round on screen with the keyboard: for each pending request, Tab to the mirror's
 * hole (`holeFor` picks its address; any hole when it gives null) and Enter; until `done`.
 */
async function playByKeyboard(page: Page, holeFor: (v: PlayViewForTests) => number | null, done: () => Promise<boolean>): Promise<number> {
  let moves = 0;
  for (let guard = 0; guard < 200 && !(await done()); guard++) {
    const v = await until<PlayViewForTests>(page, 'PlayScene', (p) => p.pending !== null && !p.explaining).catch(() => null);
    if (!v) continue;
    const address = holeFor(v);
    const want = (f: { key: string | null }): boolean => (address === null ? isHole(f) : f.key === `hole:${address}`);
    if (!want(await focused(page))) await tabTo(page, want, address === null ? 'a hole of the mirror' : `the hole at ${address}`, 80);
    await page.keyboard.press('Enter');
    await untilMovedOn(page, v.version);
    moves++;
  }
  return moves;
}

describe('accessibility', () => {
  it('title, level select, play with its mirror and results pass axe-core; level 1 is played to the end with the keyboard alone', async () => {
    const page = await person();
    await page.goto(people.server.url);
    await until(page, 'TitleScene');
    expect(await page.locator('canvas').getAttribute('role')).toBe('img');
    expect(await page.locator('canvas').getAttribute('aria-label')).toMatch(/Title/);
    await expectNoSeriousViolations(page, 'title');
    await expectTargetsAtLeast24(page, 'title');

    await pressByKeyboard(page, /Practise alone/);
    await until(page, 'LevelSelectScene');
    await expectNoSeriousViolations(page, 'level select');
    await expectTargetsAtLeast24(page, 'level select');

    await pressByKeyboard(page, /^Level 1:/);
    await until<PlayViewForTests>(page, 'PlayScene', (v) => v.explaining);
    await expectNoSeriousViolations(page, 'play, explanation open');
    await pressByKeyboard(page, /Close the explanation/);
    await until<PlayViewForTests>(page, 'PlayScene', (v) => !v.explaining && v.pending !== null);
    await expectNoSeriousViolations(page, 'play with its mirror');
    const mirror = await page.locator('[data-a11y-mirror]').textContent();
    expect(mirror).toMatch(/Place malloc\(\d+\), request \d+/);
    expect(mirror).toMatch(/Next: malloc\(\d+\)/);
    expect(mirror).toMatch(/utilization: /);
    await expectTargetsAtLeast24(page, 'play');
    await tabTo(page, isHole, 'a hole of the mirror');
    await page.screenshot({ path: artifactPath('a11y-play-keyboard.png') });
    // The focused hole's words show as a pill in a corner: it covers no button (on a laptop bottom-left held Sound).
    expect(await controlsUnderFocus(page), 'buttons under the focus pill').toEqual([]);

    const moves = await playByKeyboard(page, () => null, async () => (await sceneAndVersion(page))?.scene === 'ResultsScene');
    expect(moves).toBeGreaterThan(0);
    await until(page, 'ResultsScene');
    await expectNoSeriousViolations(page, 'results');
    await expectTargetsAtLeast24(page, 'results');
    const said = await announced(page);
    expect(said.some((a) => /Placed: #\d+/.test(a.text)), 'a placement announced').toBe(true);
    expect(said.some((a) => a.urgency === 'assertive' && /Round over\. Your score/.test(a.text)), 'the end and the score announced, assertively').toBe(true);
    await pressByKeyboard(page, /Replay/);
    await expectNoSeriousViolations(page, 'replay');
  });

  it('join, lobby and host dashboard pass axe-core; a class round is played with the keyboard alone, its placements, frees and end announced', async () => {
    const host = await person({ width: 1920, height: 1080 });
    await host.goto(people.server.url);
    await until(host, 'TitleScene');
    await pressByKeyboard(host, /Host a class/);
    const created = await until<HostView>(host, 'HostScene', (v) => v.connected && v.code !== '');
    await expectNoSeriousViolations(host, 'host dashboard');
    await expectTargetsAtLeast24(host, 'host dashboard');

    const student = await person();
    await student.goto(people.server.url);
    await until(student, 'TitleScene');
    await pressByKeyboard(student, /Join a class/);
    await until(student, 'JoinScene');
    await expectNoSeriousViolations(student, 'join');
    await tabTo(student, (f) => f.tag === 'INPUT', 'the code field');
    await student.keyboard.type(created.code);
    await student.keyboard.press('Tab');
    await student.keyboard.type('Ada');
    await student.keyboard.press('Enter');
    await until<LobbyView>(student, 'ClassLobbyScene', (v) => v.phase === 'lobby' && v.nickname === 'Ada');
    await expectNoSeriousViolations(student, 'lobby');
    await until<HostView>(host, 'HostScene', (v) => v.players.some((p) => p.nickname === 'Ada'));

    await pressByKeyboard(host, /^Start/);
    await until<HostView>(host, 'HostScene', (v) => v.phase === 'playing');
    await expectNoSeriousViolations(host, 'host dashboard, round on');
    // The warm-up: a buddy heap of 8 units; 1 unit at 0, then 4 at 4; its frees then empty the heap.
    await until<PlayViewForTests>(student, 'PlayScene', (v) => v.pending?.size === 1);
    await expectNoSeriousViolations(student, 'class play with its mirror');
    const order = [0, 4];
    await playByKeyboard(student, (v) => (v.pending?.size === 1 ? order[0]! : order[1]!), async () => (await sceneAndVersion(student))?.scene === 'ClassLobbyScene');
    await until<LobbyView>(student, 'ClassLobbyScene', (v) => v.phase === 'results');
    await expectNoSeriousViolations(student, 'lobby after the round');
    await expect.poll(async () => (await announced(student)).map((a) => `${a.urgency}: ${a.text}`).join('\n'), { timeout: 20_000 }).toMatch(/assertive: Round over/);
    const said = (await announced(student)).map((a) => a.text).join('\n');
    expect(said).toMatch(/Placed: #0 \(1 B\) at 0\b/);
    expect(said).toMatch(/Placed: #1 \(4 B\) at 4\b/);
    expect(said).toMatch(/free\(#\d+\)/);
  });
});
