// The podium reveal at the end of a session (`host:podium`, shared/score SC-10): the state's
// `podium` counts down 3, 2, 1, then shows the places from the lowest to the first, one
// after another, on every client; students sharing a total share a place and come up
// together. The server's wall clock is driven by the test, so each step is waited for.

import { describe, expect, it, vi } from 'vitest';
import type { Room } from '@colyseus/sdk';
import { drivenClassroom } from './classroom-server.ts';
import { playToEnd } from './play-to-end.ts';
import type { ClassroomState } from '../../server/state/classroom-state.ts';

const driven = drivenClassroom();
const { port: PORT, clock } = driven;

/** A fixed heap without a clock: a student who places every block at a free start never fails. */
const ROUND = {
  title: 'Small peaks',
  kind: 'freelist',
  options: { align: 1, overhead: 0, header: 0, minBlock: 1, growth: 'fixed', limit: 4096 },
  source: { source: 'pattern', spec: { pattern: 'peaks', peaks: 2, perPeak: 3, sizes: { kind: 'uniform', min: 4, max: 40 } } },
  seed: 7,
  clock: { per: 'none' },
};

type ClassRoom = Room<unknown, ClassroomState>;
interface Row { rank: number; name: string; total: number }

function refusalsOf(room: Room): string[] {
  const codes: string[] = [];
  room.onMessage('refused', (r: { code: string }) => codes.push(r.code));
  return codes;
}

const rowsOf = (rows: Iterable<Row>): [string, number, number][] => [...rows].map((r) => [r.name, r.rank, r.total]);

/** The names shown after `revealed` places: the podium's rows grouped by rank, the lowest place first (SC-10). */
function shownPlaces(room: ClassRoom): string[][] {
  const rows = [...room.state.podium.rows];
  const ranks = [...new Set(rows.map((r) => r.rank))].sort((a, b) => b - a);
  return ranks.slice(0, room.state.podium.revealed).map((rank) => rows.filter((r) => r.rank === rank).map((r) => r.name));
}

/** Advances the server's clock by `ms` and waits for the reveal to be at `stage`, `count`, with these places shown. */
async function step(rooms: ClassRoom[], ms: number, stage: string, count: number, places: string[][]): Promise<void> {
  clock.wall += ms;
  for (const room of rooms) {
    await vi.waitFor(() => expect([room.state.podium.stage, room.state.podium.count, room.state.podium.revealed]).toEqual([stage, count, places.length]));
    expect(shownPlaces(room)).toEqual(places);
  }
}

/** Round `roundNo`: `players` play it to the end; the host ends it for whoever sat it out (`others`). */
async function playRound(host: ClassRoom, roundId: string, players: Room[], roundNo: number, others: boolean): Promise<void> {
  host.send('host:start', { round: roundId });
  await vi.waitFor(() => expect([host.state.roundNo, host.state.phase]).toEqual([roundNo, 'playing']));
  await Promise.all(players.map((s) => playToEnd(s)));
  if (others) host.send('host:end', {});
  await vi.waitFor(() => expect(host.state.phase).toBe('results'));
}

describe('host:podium', () => {
  it('counts down, then shows third, second and first in turn on every screen; a tie stands on one place, both names', async () => {
    const created = (await driven.server().http.post('/api/classes')).data as { code: string; hostKey: string; roomId: string };
    const res = await fetch(`http://localhost:${PORT}/api/classes/${created.code}/rounds`, {
      method: 'POST', headers: { 'x-host-key': created.hostKey, 'content-type': 'application/json' }, body: JSON.stringify(ROUND),
    });
    const { id: roundId } = (await res.json()) as { id: string };
    const host = await driven.server().sdk.joinById<ClassroomState>(created.roomId, { hostKey: created.hostKey });
    const join = (nickname: string) => driven.server().sdk.joinById<ClassroomState>(created.roomId, { code: created.code, nickname });
    const [ada, grace, bo] = [await join('Ada'), await join('Grace'), await join('Bo')] as [ClassRoom, ClassRoom, ClassRoom];
    await vi.waitFor(() => expect(host.state.players.size).toBe(3));
    const hostRefusals = refusalsOf(host);
    const studentRefusals = refusalsOf(bo);

    host.send('host:podium', {});
    await vi.waitFor(() => expect(hostRefusals).toEqual(['podium/empty']));

    // Round 1: all three place every block alike; round 2: Ada and Grace again, Bo sits it out
    // (nothing toward his total): Ada and Grace tie for first, Bo third.
    await playRound(host, roundId, [ada, grace, bo], 1, false);
    await playRound(host, roundId, [ada, grace], 2, true);
    await vi.waitFor(() => expect(rowsOf(host.state.totals).map(([name, rank]) => [name, rank])).toEqual([['Ada', 1], ['Grace', 1], ['Bo', 3]]));
    const afterTwo = rowsOf(host.state.totals);
    expect(afterTwo[0]![2]).toBe(afterTwo[1]![2]);
    bo.send('host:podium', {});
    await vi.waitFor(() => expect(studentRefusals).toEqual(['host/forbidden']));
    expect(host.state.podium.stage).toBe('');

    host.send('host:podium', {});
    const screens = [host, bo];
    await step(screens, 0, 'countdown', 3, []);
    expect(rowsOf(bo.state.podium.rows)).toEqual(afterTwo);
    await step(screens, 1000, 'countdown', 2, []);
    await step(screens, 1000, 'countdown', 1, []);
    await step(screens, 1000, 'reveal', 0, [['Bo']]);
    await step(screens, 2000, 'done', 0, [['Bo'], ['Ada', 'Grace']]);

    // Round 3: only Ada plays. A new round puts the podium away.
    await playRound(host, roundId, [ada], 3, true);
    expect(host.state.podium.stage).toBe('');
    await vi.waitFor(() => expect(rowsOf(host.state.totals).map(([name, rank]) => [name, rank])).toEqual([['Ada', 1], ['Grace', 2], ['Bo', 3]]));
    host.send('host:podium', {});
    await step(screens, 0, 'countdown', 3, []);
    await step(screens, 3000, 'reveal', 0, [['Bo']]);
    await step(screens, 2000, 'reveal', 0, [['Bo'], ['Grace']]);
    await step(screens, 2000, 'done', 0, [['Bo'], ['Grace'], ['Ada']]);

    // Refused during a round; another projector choice puts it away.
    host.send('host:project', { show: 'figures' });
    await vi.waitFor(() => expect(host.state.podium.stage).toBe(''));
    expect(host.state.podium.rows.length).toBe(0);
    host.send('host:start', { round: roundId });
    await vi.waitFor(() => expect(host.state.phase).toBe('playing'));
    host.send('host:podium', {});
    await vi.waitFor(() => expect(hostRefusals).toEqual(['podium/empty', 'round/running']));
    expect(host.state.podium.stage).toBe('');
  });
});
