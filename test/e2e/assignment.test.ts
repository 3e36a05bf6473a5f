// Homework in a real browser (issue 14 item 13): a student opens an assignment's link on a
// phone, is asked for the student ID the class wants, plays its round alone with the
// keyboard, and their attempt reaches the class's CSV with their ID. The host's side
// (class, plan, assignment) is made over HTTP and the SDK. Screenshots go to test-artifacts/.

import { describe, expect, it } from 'vitest';
import { Client } from '@colyseus/sdk';
import type { PlayViewForTests } from '../../client/src/test-hook.ts';
import { artifactPath } from './support.ts';
import { moveFocus, until, untilMoveOrResults, untilPast, useServerAndBrowser, type Published } from './scene-support.ts';

const live = useServerAndBrowser({ width: 390, height: 844 });

interface AssignmentView extends Published {
  message: string;
}

const RAMP = {
  title: 'Three blocks', kind: 'freelist', options: { align: 1, overhead: 0, header: 0, minBlock: 1, growth: 'fixed', limit: 128 },
  source: { source: 'pattern', spec: { pattern: 'ramp', count: 3, sizes: { kind: 'uniform', min: 8, max: 24 } } },
};

describe('an assignment in a browser', () => {
  it('asks a newcomer for the student ID, plays the round alone, and the attempt reaches the CSV', async () => {
    const { url } = live.server;
    const created = (await (await fetch(`${url}/api/classes`, { method: 'POST' })).json()) as { code: string; hostKey: string; roomId: string };
    const post = async (route: string, body: unknown): Promise<{ id: string }> => {
      const res = await fetch(`${url}/api/classes/${created.code}${route}`, { method: 'POST', headers: { 'x-host-key': created.hostKey, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return (await res.json()) as { id: string };
    };
    const host = await new Client(url.replace(/^http/, 'ws')).joinById(created.roomId, { hostKey: created.hostKey });
    host.send('host:student-id', { ask: 'id' });
    const plan = await post('/plans', { title: 'Week 3', rounds: [{ settings: RAMP }] });
    const homework = await post('/assignments', { planId: plan.id, deadline: Date.now() + 86_400_000 });

    const page = await live.browser.newPage();
    await page.goto(`${url}/?assignment=${homework.id}`);
    await page.waitForSelector('button[name=round-0]', { timeout: 90_000 });
    await page.fill('input[name=nickname]', 'Ada');
    await page.click('button[name=round-0]');
    // No ID: the server refuses, and the page says why.
    await until<AssignmentView>(page, 'AssignmentScene', (v) => v.message === 'this class asks for your student ID');
    await page.screenshot({ path: artifactPath('assignment-asks-id.png') });
    await page.fill('input[name=nickname]', 'Ada');
    await page.fill('input[name=studentId]', 'S-1001');
    await page.click('button[name=round-0]');

    const focusedStart = (v: PlayViewForTests): number | null => (v.focus !== null ? (v.holes[v.focus]?.start ?? null) : null);
    for (let step = 0; step < 10; step++) {
      const v = await untilMoveOrResults(page);
      if (!v) break;
      const hole = v.holes.find((h) => h.size >= (v.pending?.size ?? 0));
      if (!hole) throw new Error(`no hole for ${JSON.stringify(v.pending)}`);
      await moveFocus<PlayViewForTests & Published>(page, 'PlayScene', 'ArrowRight', focusedStart, hole.start, 8);
      await page.keyboard.press('Enter');
      await untilPast(page, v.version);
    }
    await until(page, 'ResultsScene');
    await page.screenshot({ path: artifactPath('assignment-results.png') });

    await expect.poll(async () => {
      const csv = await (await fetch(`${url}/api/classes/${created.code}/results.csv`, { headers: { 'x-host-key': created.hostKey } })).text();
      return csv.trim().split('\r\n').slice(1).map((l) => l.split(',')).map((r) => [r[1], r[2], r[3], r[13]]);
    }, { timeout: 30_000 }).toEqual([['Assignment: Week 3 · Three blocks', 'Ada', 'S-1001', '']]);
    await host.leave();
  });
});
