// A class round starts after a visible 3-2-1 (issue 13, item 9; shared/match/SPEC.md
// MATCH-TIME-6): when the host starts a round, a student's screen (laptop and phone) and
// the projector show 3, 2, 1 over the heap and the wall while the round's clocks wait;
// then the student plays. The host is a Node SDK client here; the projector is a page
// holding the host key, as the dashboard's "Open projector view" leaves it.
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { Client, type Room } from '@colyseus/sdk';
import type { PlayViewForTests } from '../../client/src/test-hook.ts';
import { artifactPath } from './support.ts';
import { until, untilScene, useServerAndPeople } from './scene-support.ts';

const people = useServerAndPeople();

interface ProjectorView { scene: 'ProjectorScene'; countIn: string; phase: string; connected: boolean }
interface LobbyView { scene: 'ClassLobbyScene'; phase: string; nickname: string }

/** The count's words drawn on the play screen: 3, 2 or 1 in a text at least 80 px tall. */
function countWords(view: PlayViewForTests): string[] {
  return view.texts.filter((t) => ['3', '2', '1'].includes(t.text) && t.h >= 80).map((t) => t.text);
}

async function joinAs(page: Page, code: string, nickname: string): Promise<void> {
  await page.goto(`${people.server.url}/?join=${code}`);
  await untilScene(page, 'JoinScene');
  await page.locator('input[name=nickname]').fill(nickname);
  await page.locator('button[type=submit]').click();
  await until<LobbyView>(page, 'ClassLobbyScene', (v) => v.phase === 'lobby' && v.nickname === nickname);
}

describe('a class round counts in', () => {
  it('shows 3-2-1 on the students\' screens and the projector when the host starts a round, then the students play', async () => {
    const created = (await (await fetch(`${people.server.url}/api/classes`, { method: 'POST' })).json()) as { code: string; hostKey: string; roomId: string };
    const host: Room = await new Client(people.server.url.replace(/^http/, 'ws')).joinById(created.roomId, { hostKey: created.hostKey });
    try {
      const laptop = await people.person({ width: 1366, height: 768 });
      const phone = await people.person({ width: 390, height: 844 });
      const holdKey = async (context: BrowserContext): Promise<void> => {
        await context.addInitScript(({ code, key }) => localStorage.setItem(`mallocade:host:${code}`, key), { code: created.code, key: created.hostKey });
      };
      const wall = await people.person({ width: 1920, height: 1080 }, holdKey);
      await joinAs(laptop, created.code, 'Ada');
      await joinAs(phone, created.code, 'Bo');
      await wall.goto(`${people.server.url}/?projector=${created.code}`);
      await until<ProjectorView>(wall, 'ProjectorScene', (v) => v.connected);

      host.send('host:start', { round: 'warm-up' });
      // The laptop and the projector show the count while the heaps wait (watched at once: it lasts 3 s); the timer has not started.
      const counts = (v: { countIn?: string }): boolean => v.countIn !== '' && v.countIn !== undefined;
      const [counting, wallCount] = await Promise.all([
        until<PlayViewForTests>(laptop, 'PlayScene', counts).then(async (v) => { await laptop.screenshot({ path: artifactPath('count-in-laptop.png') }); return v; }),
        until<ProjectorView>(wall, 'ProjectorScene', counts).then(async (v) => { await wall.screenshot({ path: artifactPath('count-in-projector.png') }); return v; }),
      ]);
      expect(['3', '2', '1']).toContain(counting.countIn);
      // Drawn large over the heap (the count's text is 96 px; no other text on the play screen is that tall).
      expect(countWords(counting)).toEqual([counting.countIn]);
      expect(counting.phase).toBe('waiting');
      expect(['3', '2', '1']).toContain(wallCount.countIn);

      // The count ends: it is gone from the screens and the round plays, on the phone too.
      const playing = await until<PlayViewForTests>(laptop, 'PlayScene', (v) => v.countIn === '' && v.phase === 'playing' && v.pending !== null);
      expect(countWords(playing)).toEqual([]);
      await until<ProjectorView>(wall, 'ProjectorScene', (v) => v.countIn === '');
      await until<PlayViewForTests>(phone, 'PlayScene', (v) => v.countIn === '' && v.phase === 'playing' && v.pending !== null);
    } finally {
      await host.leave(true);
    }
  });
});
