// Crash recovery through the real server process (issue 6, "Rejoin, persistence,
// recovery"): a class plays a round, the server is killed with SIGKILL mid-round and
// restarted on the same database; the students come back with their tokens to the
// same heaps, every acknowledged move still there, and play the round to its results.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../e2e/support.ts';
import { BUDDY_PEAKS_ID } from '../../server/rooms/rounds.ts';
import {
  ClassClient, chooseTarget, createClass, findClass, isReadyToPlace, joinAsHost, joinAsStudent, listenForAnswers, liveBlocks, ownHeap,
  waitForState, type ClassRoom, type MoveAnswer,
} from './classroom-driver.ts';

const dbFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mallocade-recovery-')), 'class.db');
// The students here play as fast as their moves are answered, faster than any person: the per-client rate is not what this tests.
const serverEnv = { MALLOCADE_DB: dbFile, SKIP_CLIENT_BUILD: '1', MALLOCADE_MESSAGE_RATE: '1000,1000' };
const running: RunningServer[] = [];

afterAll(async () => {
  for (const server of running) await server.stop();
});

async function boot(port?: number): Promise<{ server: RunningServer; client: ClassClient }> {
  const server = await startServer(serverEnv, port === undefined ? {} : { port });
  running.push(server);
  return { server, client: new ClassClient(server.url.replace(/^http/, 'ws')) };
}

/** One student's connection: their room, the answers to their moves, the highest acknowledged version. */
class Student {
  acked = 0;
  readonly room: ClassRoom;
  private readonly waiting: ((answer: MoveAnswer) => void)[] = [];

  constructor(room: ClassRoom) {
    this.room = room;
    listenForAnswers(room, (answer) => {
      if (answer.type === 'ack') this.acked = Math.max(this.acked, answer.version);
      this.waiting.shift()?.(answer);
    });
  }

  heap() {
    return ownHeap(this.room);
  }

  /** Sends a move for the pending request at the first free block that fits; resolves with the answer. */
  async send(): Promise<{ answer: Promise<MoveAnswer>; requestId: number }> {
    await waitForState(this.room, () => isReadyToPlace(this.heap(), this.acked), 10_000, 'a request to place');
    const heap = this.heap()!;
    const target = chooseTarget(heap);
    if (target === null) throw new Error(`no free block fits request ${heap.pending.id} (${heap.pending.size} bytes)`);
    const answer = new Promise<MoveAnswer>((resolve) => this.waiting.push(resolve));
    this.room.send('place', { requestId: heap.pending.id, target, version: heap.version });
    return { answer, requestId: heap.pending.id };
  }

  /** Places `count` requests one after another, each acknowledged before the next. */
  async place(count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      const answer = await (await this.send()).answer;
      expect(answer).toMatchObject({ type: 'ack' });
    }
  }

  /** Places every request left; the last move's state carries the results. */
  async playToTheEnd(): Promise<void> {
    for (;;) {
      await this.settled();
      if (this.heap()?.phase === 'done') return;
      await this.place(1);
    }
  }

  /** What the student sees once their last acknowledged move has reached the synced state. */
  async settled(): Promise<{ version: number; live: string[] }> {
    await waitForState(this.room, () => (this.heap()?.version ?? -1) >= this.acked, 10_000, `version ${this.acked}`);
    const heap = this.heap()!;
    return { version: heap.version, live: liveBlocks(heap) };
  }
}

describe('crash recovery (real server process, SIGKILL)', () => {
  it('keeps every acknowledged move through a kill -9 and a restart, and the round plays on to its results', async () => {
    const first = await boot();
    const created = await createClass(first.server.url);
    const host = await joinAsHost(first.client, created.roomId, created.hostKey);
    const joined = [];
    for (const nickname of ['Ada', 'Grace']) {
      joined.push(await joinAsStudent(first.client, await findClass(first.server.url, created.code), { code: created.code, nickname }));
    }
    const [ada, grace] = joined.map((j) => new Student(j.room)) as [Student, Student];
    host.send('host:start', { round: BUDDY_PEAKS_ID });

    await ada.place(5);
    await grace.place(9);
    const before = { ada: await ada.settled(), grace: await grace.settled() };
    expect(before.ada.version).toBe(5);
    expect(before.grace.version).toBe(9);
    expect(before.grace.live.length).toBeGreaterThan(0);

    // Ada's next move is in flight when the server dies: it may or may not have been stored.
    for (const room of [host, ada.room, grace.room]) room.reconnection.enabled = false;
    const inFlight = await ada.send();
    await first.server.kill('SIGKILL');
    const ackedBeforeKill = { ada: ada.acked, grace: grace.acked };

    const second = await boot(first.server.port);
    const roomId = await findClass(second.server.url, created.code);
    // The class comes back under the room id its clients already hold.
    expect(roomId).toBe(created.roomId);
    const back = await Promise.all(joined.map((j) => joinAsStudent(second.client, roomId, { code: created.code, token: j.welcome.token! })));
    expect(back.map((b) => b.welcome.playerId)).toEqual(joined.map((j) => j.welcome.playerId));
    const [ada2, grace2] = back.map((b) => new Student(b.room)) as [Student, Student];
    await waitForState(ada2.room, () => ada2.heap() !== undefined, 10_000, "Ada's heap");
    await waitForState(grace2.room, () => grace2.heap() !== undefined, 10_000, "Grace's heap");

    // Grace had nothing in flight: exactly the heap she saw before the kill.
    expect({ version: grace2.heap()!.version, live: liveBlocks(grace2.heap()!) }).toEqual(before.grace);
    expect(ackedBeforeKill.grace).toBe(before.grace.version);
    // Ada: every acknowledged move is there; the one in flight is either wholly there or wholly absent.
    const adaAfter = { version: ada2.heap()!.version, live: liveBlocks(ada2.heap()!) };
    expect(adaAfter.version).toBeGreaterThanOrEqual(ackedBeforeKill.ada);
    expect([before.ada.version, before.ada.version + 1]).toContain(adaAfter.version);
    if (adaAfter.version === before.ada.version) {
      expect(adaAfter.live).toEqual(before.ada.live);
      expect(ada2.heap()!.pending.id).toBe(inFlight.requestId);
    } else {
      expect(ada2.heap()!.hasPending && ada2.heap()!.pending.id === inFlight.requestId).toBe(false);
    }

    const host2 = await joinAsHost(second.client, roomId, created.hostKey);
    await waitForState(host2, () => host2.state.heaps?.size === 2, 10_000, 'the host to see both heaps');
    expect(host2.state.phase).toBe('playing');

    // A student's full results come by message (the synced state would carry them to the host once per student).
    const resultsOf = [ada2, grace2].map((s) => new Promise<string>((resolve) => s.room.onMessage('results', resolve)));
    await Promise.all([ada2.playToTheEnd(), grace2.playToTheEnd()]);
    await waitForState(host2, () => host2.state.phase === 'results', 10_000, 'the round to end');
    for (const [i, s] of [ada2, grace2].entries()) {
      const results = JSON.parse(await resultsOf[i]!) as { player: { summary: { ops: number } }; policies: unknown[] };
      expect(results.player.summary.ops).toBeGreaterThan(60);
      expect(results.policies.length).toBeGreaterThan(0);
      expect(s.heap()!.meters.placed).toBe(60);
    }
    const csv = await fetch(`${second.server.url}/api/classes/${created.code}/results.csv`, { headers: { 'x-host-key': created.hostKey } });
    const rows = (await csv.text()).trim().split('\r\n');
    expect(rows.slice(1).map((r) => r.split(',')[2]).sort()).toEqual(['Ada', 'Grace']);
    for (const room of [host2, ada2.room, grace2.room]) await room.leave();
  }, 120_000);
});
