// A live class survives a restart (issue #12, item 1): the server is killed with SIGKILL
// mid-round and started again on the same database and port; the student, the host and
// the projector come back to their seats by themselves — nobody clicks — within a few
// seconds of the server answering /health (a new boot id: client/src/net/server-restart.ts),
// and find the student's heap and the dashboard as they were. "Back" is a new connection
// (a new session id published by each page), not a screen left over from before the crash.

import { describe, expect, it } from 'vitest';
import type { ClassRoundFactsForTests, PlayViewForTests } from '../../client/src/test-hook.ts';
import { artifactPath } from './support.ts';
import { until, type Published, press, useRestartableServer } from './scene-support.ts';

interface Probe { x: number; y: number; enabled?: boolean }
interface HostView extends Published { code: string; connected: boolean; sessionId: string; phase: string; roundNo: number; buttons?: Record<string, Probe>; players: { nickname: string }[] }
interface ProjectorView extends Published { show: string; connected: boolean; sessionId: string; playerCount: number }
type PlayView = PlayViewForTests & ClassRoundFactsForTests;

/** How soon after the restarted server answers /health every browser is back on its seat. */
const BACK_WITHIN_MS = 8000;

const live = useRestartableServer();
const person = (viewport: { width: number; height: number }) => live.person(viewport);

describe('a class through a server crash', () => {
  it('the student, the host and the projector come back by themselves after kill -9 and a restart, the heap as it was', async () => {
    const first = live.server;
    const host = await person({ width: 1920, height: 1080 });
    await host.goto(first.url);
    await until(host, 'TitleScene');
    await host.keyboard.press('3');
    const { code } = await until<HostView>(host, 'HostScene', (v) => v.connected && v.code !== '');

    const ada = await person({ width: 1280, height: 720 });
    await ada.goto(`${first.url}/?join=${code}`);
    await until(ada, 'JoinScene');
    await ada.locator('input[name=nickname]').fill('Ada');
    await ada.locator('button[type=submit]').click();
    await until<HostView>(host, 'HostScene', (v) => v.players.length === 1);

    const [projector] = await Promise.all([host.context().waitForEvent('page'), press(host, 'HostScene', 'projector')]);
    await until<ProjectorView>(projector, 'ProjectorScene', (v) => v.playerCount === 1);

    // The warm-up: Ada places its first request (1 unit at address 0).
    await press(host, 'HostScene', 'start');
    const pending = await until<PlayView>(ada, 'PlayScene', (v) => v.pending?.size === 1 && v.probes['0'] !== undefined);
    await ada.mouse.click(pending.probes['0']!.x, pending.probes['0']!.y);
    const before = await until<PlayView>(ada, 'PlayScene', (v) => v.version === 1 && v.pending?.size === 4);
    const hostBefore = await until<HostView>(host, 'HostScene', (v) => v.connected && v.phase === 'playing');
    const projectorBefore = await until<ProjectorView>(projector, 'ProjectorScene', (v) => v.connected && v.show === 'board');

    await first.kill('SIGKILL');
    // Each page notices the drop (the host's and the projector's views say not connected).
    await until<HostView>(host, 'HostScene', (v) => !v.connected);
    await until<ProjectorView>(projector, 'ProjectorScene', (v) => !v.connected);
    await live.restart();
    const healthAt = Date.now();
    const since = (): number => Date.now() - healthAt;

    // Nobody clicks: every browser finds its seat again, on a new connection, within a few
    // seconds. The three are watched at once, each timed on its own from /health.
    const timed = async <T>(back: Promise<T>): Promise<{ view: T; ms: number }> => ({ view: await back, ms: since() });
    const [student, host2, wall2] = await Promise.all([
      timed(until<PlayView>(ada, 'PlayScene', (v) => v.sessionId !== before.sessionId && v.version === 1 && v.pending?.size === 4 && v.classPhase === 'playing', 60_000)),
      timed(until<HostView>(host, 'HostScene', (v) => v.connected && v.sessionId !== hostBefore.sessionId && v.code === code && v.phase === 'playing' && v.players.length === 1, 60_000)),
      timed(until<ProjectorView>(projector, 'ProjectorScene', (v) => v.connected && v.sessionId !== projectorBefore.sessionId && v.show === 'board' && v.playerCount === 1, 60_000)),
    ]);
    console.log(`back after /health: student ${student.ms} ms, dashboard ${host2.ms} ms, projector ${wall2.ms} ms`);
    expect(student.ms, 'the student is back within a few seconds of /health').toBeLessThan(BACK_WITHIN_MS);
    expect(student.view.blocks).toEqual(before.blocks);
    expect(host2.ms, 'the dashboard is back within a few seconds of /health').toBeLessThan(BACK_WITHIN_MS);
    const dashboard = host2.view;
    expect(dashboard.roundNo).toBe(1);
    expect(wall2.ms, 'the projector is back within a few seconds of /health').toBeLessThan(BACK_WITHIN_MS);
    const wall = wall2.view;

    // Looking from one tab to the other changes nothing: both stay on the connection they came back on.
    await projector.bringToFront();
    await until<ProjectorView>(projector, 'ProjectorScene', (v) => v.connected && v.sessionId === wall.sessionId && v.show === 'board');
    await host.bringToFront();
    await until<HostView>(host, 'HostScene', (v) => v.connected && v.sessionId === dashboard.sessionId && v.phase === 'playing');
    await ada.screenshot({ path: artifactPath('restart-student-back.png') });
    await host.screenshot({ path: artifactPath('restart-host-back.png') });
  }, 360_000);
});
