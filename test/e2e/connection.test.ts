// A lost connection in the browser, shown and recovered by itself: the page is taken
// offline (Chromium's network emulation: the page hears "offline", the SDK closes its
// socket and every new connection fails until the network is back), the scene says
// so, and once the network returns the SDK reconnects to the same room and seat.
// A student in a class (the host, a Node SDK client here, sees them drop and come
// back, and starts a round they then play) and a solo practice round (the round goes
// on where it was).

import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Client, type Room } from '@colyseus/sdk';
import type { PlayViewForTests } from '../../client/src/test-hook.ts';
import { publishedView, until, untilPast, untilReconnectable, untilScene, useServerAndBrowser, whileFramesDrawn } from './scene-support.ts';
import type { TextBox } from './support.ts';

const env = useServerAndBrowser({ width: 1280, height: 800 });

interface LobbyView {
  scene: 'ClassLobbyScene';
  mode: string;
  phase: string;
  nickname: string;
  dropped: boolean;
  version: number;
  pending: { id: number; size: number } | null;
  blocks: { id: number; address: number; size: number }[];
  probes: Record<string, { x: number; y: number }>;
  texts: TextBox[];
}

interface PlayerRow { nickname: string; connected: boolean }

/** Takes the page's network away: Chromium fires "offline" and refuses new connections. */
async function goOffline(page: Page): Promise<void> {
  await page.context().setOffline(true);
}

async function goOnline(page: Page): Promise<void> {
  await page.context().setOffline(false);
}

describe('a lost connection in the browser', () => {
  it('a student in a class sees the connection lost, comes back by itself to the same seat, and plays the next round', async () => {
    const res = await fetch(`${env.server.url}/api/classes`, { method: 'POST' });
    expect(res.ok).toBe(true);
    const created = (await res.json()) as { code: string; hostKey: string; roomId: string };
    const host: Room = await new Client(env.server.url.replace(/^http/, 'ws')).joinById(created.roomId, { hostKey: created.hostKey });
    const players = (): PlayerRow[] => [...(host.state as { players: Map<string, PlayerRow> }).players.values()].map((p) => ({ nickname: p.nickname, connected: p.connected }));
    const page = await env.browser.newPage();
    try {
      await page.goto(`${env.server.url}/?join=${created.code}`);
      await untilScene(page, 'JoinScene');
      await page.locator('input[name=nickname]').fill('Edsger');
      await page.locator('button[type=submit]').click();
      await until<LobbyView>(page, 'ClassLobbyScene', (v) => v.phase === 'lobby' && v.nickname === 'Edsger');
      await expect.poll(players, { timeout: 10_000 }).toEqual([{ nickname: 'Edsger', connected: true }]);
      await untilReconnectable(page);

      await goOffline(page);
      const lost = await until<LobbyView>(page, 'ClassLobbyScene', (v) => v.dropped);
      expect(lost.texts.map((t) => t.text)).toContain('Connection lost: reconnecting…');
      // The server saw the socket go: the host's list shows the student disconnected.
      await expect.poll(players, { timeout: 20_000 }).toEqual([{ nickname: 'Edsger', connected: false }]);
      // Still offline after the game has drawn a second's frames: the page does not claim it is back.
      await whileFramesDrawn(page, 60);
      expect((await publishedView<LobbyView>(page))?.dropped).toBe(true);

      await goOnline(page);
      const back = await until<LobbyView>(page, 'ClassLobbyScene', (v) => !v.dropped, 40_000);
      expect(back).toMatchObject({ scene: 'ClassLobbyScene', mode: 'class', nickname: 'Edsger' });
      await expect.poll(players, { timeout: 10_000 }).toEqual([{ nickname: 'Edsger', connected: true }]);

      // The same seat is live: a round started now reaches the student, and their move is accepted.
      host.send('host:start', { round: 'warm-up' });
      const playing = await until<PlayViewForTests>(page, 'PlayScene', (v) => v.pending?.size === 1 && v.probes['0'] !== undefined);
      await page.mouse.click(playing.probes['0']!.x, playing.probes['0']!.y);
      await until<PlayViewForTests>(page, 'PlayScene', (v) => v.version === 1 && v.blocks.length === 1);
    } finally {
      await page.close();
      await host.leave(true);
    }
  });

  it('a solo practice round says the connection is lost, says it is back, and goes on where it was', async () => {
    const page = await env.browser.newPage();
    try {
      await page.goto(`${env.server.url}/?level=warm-up`);
      await until<PlayViewForTests>(page, 'PlayScene', (v) => v.pending?.size === 1 && v.version === 0);
      const pointOf = async (address: number) => {
        const p = await page.evaluate((a) => window.mallocadeProbe!.pointOf(a), address);
        if (!p) throw new Error(`address ${address} is not on screen`);
        return p;
      };
      const at0 = await pointOf(0);
      await page.mouse.click(at0.x, at0.y);
      await until<PlayViewForTests>(page, 'PlayScene', (v) => v.version === 1 && v.pending?.size === 4);
      await untilReconnectable(page);

      await goOffline(page);
      await until<PlayViewForTests>(page, 'PlayScene', (v) => v.status.startsWith('Connection lost'));
      // Offline for a second's frames, and the round still says so.
      await whileFramesDrawn(page, 60);
      expect((await publishedView<PlayViewForTests>(page))?.status).toMatch(/^Connection lost/);
      await goOnline(page);
      const back = await until<PlayViewForTests>(page, 'PlayScene', (v) => v.status === 'Back online.', 40_000);
      expect(back.blocks).toEqual([{ id: expect.any(Number), address: 0, size: 1 }]);
      expect(back.pending?.size).toBe(4);

      // The round goes on: the 4-unit request is placed at 4 (aligned) and accepted.
      const at4 = await pointOf(4);
      await page.mouse.click(at4.x, at4.y);
      await untilPast(page, 1);
    } finally {
      await page.close();
    }
  });
});
