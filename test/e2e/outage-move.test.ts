// A move clicked while the connection is down is delivered once it is back (issue #12,
// item 2), never shown as "Placing…" and then lost. The player, still on their play
// screen, clicks a hole that fits; the screen says the move waits for the connection;
// once the seat is back the waiting move is sent (client/src/net/unacked-moves.ts): the
// heap shows the block where they clicked, and the status ends as it would with no
// outage, "Placed.". Two outages: a practice page taken offline (the SDK reconnects to the
// same room), and a class whose server is killed with SIGKILL and started again on the
// same database and port (the student's browser finds its seat by itself on a new
// connection: client/src/net/server-restart.ts).

import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ClassRoundFactsForTests, PlayViewForTests } from '../../client/src/test-hook.ts';
import { artifactPath } from './support.ts';
import { until, untilReconnectable, type Published, press, useRestartableServer } from './scene-support.ts';

interface HostView extends Published { code: string; connected: boolean; players: { nickname: string }[] }
type PlayView = PlayViewForTests & ClassRoundFactsForTests;

const live = useRestartableServer();

/** The first hole the pending request fits in, and where to click it (a probe at its start). */
function fittingHole(v: PlayView): { start: number; x: number; y: number } | null {
  const size = v.pending?.size ?? 0;
  for (const hole of v.holes) {
    const probe = v.probes[String(hole.start)];
    if (!hole.pastBreak && hole.size >= size && probe) return { start: hole.start, x: probe.x, y: probe.y };
  }
  return null;
}

/** Clicks the first hole the pending request fits in; returns the request and the hole. */
async function clickFittingHole(page: Page): Promise<{ request: { id: number; size: number }; start: number }> {
  const v = await until<PlayView>(page, 'PlayScene', (p) => p.pending !== null && fittingHole(p) !== null);
  const hole = fittingHole(v)!;
  await page.mouse.click(hole.x, hole.y);
  return { request: v.pending!, start: hole.start };
}

/** The move waits for the connection, and says so; nothing is shown placed meanwhile. */
async function untilMoveWaits(page: Page, request: { id: number; size: number }, shot: string): Promise<void> {
  const waiting = await until<PlayView>(page, 'PlayScene', (v) => /when the connection is back/i.test(v.status));
  expect(waiting.status).toContain(`malloc(${request.size})`);
  expect(waiting.blocks.some((b) => b.id === request.id), 'nothing is shown placed while the move waits').toBe(false);
  await page.screenshot({ path: artifactPath(shot) });
}

describe('a move clicked while the connection is down', () => {
  it('in practice, offline: is sent when the network is back, the heap shows it and the status says "Placed."', async () => {
    const page = await live.person({ width: 1280, height: 720 });
    // The warm-up's first request: the round goes on after it (the second is its last).
    await page.goto(`${live.server.url}/?level=warm-up`);
    await until<PlayView>(page, 'PlayScene', (v) => v.pending !== null && fittingHole(v) !== null);
    await untilReconnectable(page);

    await page.context().setOffline(true);
    await until<PlayView>(page, 'PlayScene', (v) => /connection lost/i.test(v.status));
    const { request, start } = await clickFittingHole(page);
    await untilMoveWaits(page, request, 'outage-move-offline-waiting.png');

    await page.context().setOffline(false);
    const placed = await until<PlayView>(page, 'PlayScene', (v) => v.blocks.some((b) => b.id === request.id) && v.status === 'Placed.', 60_000);
    expect(placed.blocks.find((b) => b.id === request.id)?.address, 'the block is where the player clicked').toBe(start);
    expect(placed.pending?.id ?? -1, 'the next request is offered').not.toBe(request.id);
    await page.screenshot({ path: artifactPath('outage-move-offline-placed.png') });
  }, 180_000);

  it('in a class, the server killed: is sent once the server is back: the heap shows it and the status says "Placed."', async () => {
    const first = live.server;
    const host = await live.person({ width: 1280, height: 800 });
    await host.goto(first.url);
    await until(host, 'TitleScene');
    await host.keyboard.press('3');
    const { code } = await until<HostView>(host, 'HostScene', (v) => v.connected && v.code !== '');

    const ada = await live.person({ width: 1280, height: 720 });
    await ada.goto(`${first.url}/?join=${code}`);
    await until(ada, 'JoinScene');
    await ada.locator('input[name=nickname]').fill('Ada');
    await ada.locator('button[type=submit]').click();
    await until<HostView>(host, 'HostScene', (v) => v.players.length === 1);

    // The warm-up: its first request waits (the round goes on after it; the second is its last).
    await press(host, 'HostScene', 'start');
    const before = await until<PlayView>(ada, 'PlayScene', (v) => v.pending !== null && fittingHole(v) !== null && v.classPhase === 'playing');
    // A drop sooner than the SDK's minimum uptime ends the room at once (the lobby takes over); this outage is one the play screen lives through.
    await untilReconnectable(ada);

    await first.kill('SIGKILL');
    await until<PlayView>(ada, 'PlayScene', (v) => /connection lost/i.test(v.status));

    // While the server is down Ada clicks a hole the request fits in: the move waits, and the screen says so.
    const { request, start } = await clickFittingHole(ada);
    await untilMoveWaits(ada, request, 'outage-move-restart-waiting.png');

    await live.restart();

    // Back on a new connection, the move is delivered: the block where Ada clicked, and "Placed.".
    const placed = await until<PlayView>(ada, 'PlayScene', (v) => v.sessionId !== before.sessionId && v.blocks.some((b) => b.id === request.id) && v.status === 'Placed.', 60_000);
    expect(placed.blocks.find((b) => b.id === request.id)?.address, 'the block is where Ada clicked').toBe(start);
    expect(placed.version).toBeGreaterThan(before.version);
    expect(placed.pending?.id ?? -1, 'the next request is offered').not.toBe(request.id);
    await ada.screenshot({ path: artifactPath('outage-move-restart-placed.png') });
  }, 360_000);
});
