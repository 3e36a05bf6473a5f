// Accessibility of the host's side (issue 16) in a real browser, with the keyboard alone:
// axe-core audits the dashboard, the round picker and editor dialog and the projector
// (failing on a serious or critical violation); the host opens a student's heap through
// its thumbnail's DOM twin and gives them no time limit (host:time, MATCH-TIME-5), and
// the student's synced request then has no deadline while the other student's runs.
// The students are SDK clients: what is checked is the host's path and what reaches them.

import { afterEach, describe, expect, it } from 'vitest';
import { Client, type Room } from '@colyseus/sdk';
import { artifactPath } from './support.ts';
import { until, useServerAndPeople, type Published } from './scene-support.ts';
import { expectNoSeriousViolations, expectTargetsAtLeast24, pressByKeyboard, tabTo } from './a11y-support.ts';

const people = useServerAndPeople();
const students: Room[] = [];
afterEach(async () => {
  for (const room of students.splice(0)) await room.leave(true).catch(() => undefined);
});

interface HostView extends Published {
  code: string;
  connected: boolean;
  phase: string;
  roundTitle: string;
  players: { nickname: string }[];
  openStudent: string | null;
  buttons?: Record<string, { label: string; enabled: boolean }>;
  texts?: { text: string }[];
}

/** A student joining from their own machine (an SDK client), with the class's code. */
async function joinStudent(code: string, nickname: string): Promise<Room> {
  const found = (await (await fetch(`${people.server.url}/api/classes/${code}`)).json()) as { roomId: string };
  const room = await new Client(people.server.url.replace(/^http/, 'ws')).joinById(found.roomId, { code, nickname });
  room.onMessage('*', () => undefined);
  students.push(room);
  return room;
}

interface Pending { hasPending: boolean; pending: { id: number; deadline: number } }
const heapOf = (room: Room): Pending | undefined => [...(room.state as { heaps: Map<string, Pending> }).heaps.values()][0];

describe('accessibility on the host\'s side', () => {
  it('the round editor and the projector pass axe-core; with the keyboard alone the host opens a student\'s heap and gives them no time limit', async () => {
    const host = await people.person({ width: 1366, height: 768 });
    await host.goto(people.server.url);
    await until(host, 'TitleScene');
    await pressByKeyboard(host, /Host a class/);
    const { code } = await until<HostView>(host, 'HostScene', (v) => v.connected && v.code !== '');
    const ada = await joinStudent(code, 'Ada');
    await joinStudent(code, 'Bo');
    const bo = students[1]!;
    await until<HostView>(host, 'HostScene', (v) => v.players.length === 2);

    // The round picker and its editor: an HTML dialog, audited open.
    await pressByKeyboard(host, /Choose or make a round/);
    await expect.poll(() => host.locator('[role=dialog] li').count(), { timeout: 20_000 }).toBeGreaterThan(1);
    await expectNoSeriousViolations(host, 'round picker');
    await tabTo(host, (f) => f.tag === 'BUTTON' && /New round/.test(f.text), 'the editor\'s button');
    await host.keyboard.press('Enter');
    await expect.poll(() => host.locator('[role=dialog] select').count()).toBeGreaterThan(0);
    await expectNoSeriousViolations(host, 'round editor');
    await host.keyboard.press('Escape');
    await expect.poll(() => host.locator('[role=dialog]').isVisible()).toBe(false);

    // The projector, opened from the dashboard by the keyboard.
    const [projector] = await Promise.all([host.context().waitForEvent('page'), pressByKeyboard(host, /Open projector view/)]);
    await projector.setViewportSize({ width: 1920, height: 1080 });
    await until(projector, 'ProjectorScene');
    await expectNoSeriousViolations(projector, 'projector, join');

    // A round with a clock on every request: ▶ to it, then Start.
    await pressByKeyboard(host, /Next round/);
    await until<HostView>(host, 'HostScene', (v) => v.roundTitle === 'Buddy: four peaks');
    await pressByKeyboard(host, /^Start/);
    await until<HostView>(host, 'HostScene', (v) => v.phase === 'playing');
    await expect.poll(() => [ada, bo].map((s) => (heapOf(s)?.pending.deadline ?? 0) > 0), { timeout: 45_000 }).toEqual([true, true]);
    await until(projector, 'ProjectorScene');
    await expectNoSeriousViolations(projector, 'projector, round on');

    await pressByKeyboard(host, /^Open Ada's heap/);
    await until<HostView>(host, 'HostScene', (v) => v.openStudent !== null && v.buttons?.['time-standard']?.label === '● Standard');
    await expectNoSeriousViolations(host, 'host dashboard, a student\'s heap open');
    await expectTargetsAtLeast24(host, 'host dashboard, a student\'s heap open');
    await pressByKeyboard(host, /Give this student no time limit/);
    const given = await until<HostView>(host, 'HostScene', (v) => v.buttons?.['time-none']?.label === '● No limit');
    expect(given.buttons?.['time-standard']?.label).toBe('Standard');
    expect(given.texts?.map((t) => t.text)).toContain('Time for Ada: no time limit');
    await host.screenshot({ path: artifactPath('a11y-host-time-1366.png') });
    // Ada's request now has no deadline; Bo's clock still runs.
    await expect.poll(() => heapOf(ada)?.pending.deadline, { timeout: 20_000 }).toBe(0);
    expect(heapOf(bo)?.pending.deadline ?? 0).toBeGreaterThan(0);
    const layer = await host.locator('#a11y-layer').textContent();
    expect(layer).toContain('Time for Ada: no time limit');
  });
});
