// Failover in a 2-process cluster (issue 15, "Done when"): both processes share a
// Redis (Colyseus's presence and room listing) and a PostgreSQL (the store). A class
// created through process A is joined through process B (the seat reservation sends
// each client to A, the process holding the room); A is killed with SIGKILL
// mid-round; looking the class up through B re-creates it there from the shared
// database, every acknowledged move restored, and the round plays on to its results.
// Needs Redis and PostgreSQL (.ci/run starts both); skipped, and says so, without them.

import { afterAll, describe, expect, it, vi } from 'vitest';
import { freePort, startServer, type RunningServer } from '../e2e/support.ts';
import { BUDDY_PEAKS_ID } from '../../server/rooms/rounds.ts';
import { LOCAL_REDIS_URL, redisAnswers } from '../../server/cluster/local-services.ts';
import { PgStorage } from '../../server/storage/pg-storage.ts';
import {
  ClassClient, chooseTarget, createClass, findClass, isReadyToPlace, joinAsHost, joinAsStudent, listenForAnswers, liveBlocks, ownHeap,
  waitForState, type ClassRoom, type MoveAnswer,
} from './classroom-driver.ts';
import { freshSchema, postgresProblem, type TestDatabase } from './pg-test-db.ts';

const redisUrl = process.env.MALLOCADE_TEST_REDIS_URL ?? process.env.REDIS_URL ?? LOCAL_REDIS_URL;
const problem = (await postgresProblem()) ?? ((await redisAnswers(redisUrl)) ? null : `no Redis at ${redisUrl}`);
if (problem) console.warn(`SKIPPED: the cluster failover test: ${problem}. Set MALLOCADE_TEST_REDIS_URL and MALLOCADE_TEST_DATABASE_URL (.ci/run does).`);

const running: RunningServer[] = [];
let database: TestDatabase | null = null;
afterAll(async () => {
  for (const server of running) await server.stop();
  await database?.drop();
});

/** One process of the cluster, on a port of its own, announcing 127.0.0.1:port as its public address. */
async function node(databaseUrl: string): Promise<{ server: RunningServer; client: ClassClient }> {
  const port = await freePort();
  // The students here play as fast as their moves are answered, faster than any person: the per-client rate is not what this tests.
  const env = { REDIS_URL: redisUrl, DATABASE_URL: databaseUrl, PUBLIC_ADDRESS: `127.0.0.1:${port}`, SKIP_CLIENT_BUILD: '1', MALLOCADE_MESSAGE_RATE: '1000,1000' };
  const server = await startServer(env, { port });
  running.push(server);
  return { server, client: new ClassClient(server.url.replace(/^http/, 'ws')) };
}

/** A student's connection: the answers to their moves and the highest acknowledged version. */
function student(room: ClassRoom) {
  let acked = 0;
  const waiting: ((answer: MoveAnswer) => void)[] = [];
  listenForAnswers(room, (answer) => {
    if (answer.type === 'ack') acked = Math.max(acked, answer.version);
    waiting.shift()?.(answer);
  });
  room.onMessage('results', () => undefined);
  const heap = () => ownHeap(room);
  const settled = async () => {
    await waitForState(room, () => (heap()?.version ?? -1) >= acked, 10_000, `version ${acked}`);
    return { version: heap()!.version, live: liveBlocks(heap()!) };
  };
  const placeOne = async (): Promise<void> => {
    await waitForState(room, () => isReadyToPlace(heap(), acked), 10_000, 'a request to place');
    const h = heap()!;
    const target = chooseTarget(h);
    if (target === null) throw new Error(`no free block fits request ${h.pending.id}`);
    const answer = new Promise<MoveAnswer>((resolve) => waiting.push(resolve));
    room.send('place', { requestId: h.pending.id, target, version: h.version });
    expect(await answer).toMatchObject({ type: 'ack' });
  };
  return {
    room,
    heap,
    settled,
    acked: () => acked,
    place: async (count: number) => {
      for (let i = 0; i < count; i++) await placeOne();
    },
    playToTheEnd: async () => {
      for (;;) {
        await settled();
        if (heap()?.phase === 'done') return;
        await placeOne();
      }
    },
  };
}

describe.skipIf(problem !== null)('a 2-process cluster (Redis presence and driver, PostgreSQL)', () => {
  it('joins a class created through A through B, and after A is killed with SIGKILL the class goes on on B with every acknowledged move', async () => {
    database = await freshSchema('cluster');
    const [a, b] = [await node(database.url), await node(database.url)];
    const created = await createClass(a.server.url);
    // Any process finds the class, and answers the room A holds.
    expect(await findClass(b.server.url, created.code)).toBe(created.roomId);

    // Everyone joins through B: the seat reservation carries A's public address, so the websocket goes to A.
    const host = await joinAsHost(b.client, created.roomId, created.hostKey);
    const joined: Awaited<ReturnType<typeof joinAsStudent>>[] = [];
    for (const nickname of ['Ada', 'Grace']) joined.push(await joinAsStudent(b.client, created.roomId, { code: created.code, nickname }));
    const [ada, grace] = joined.map((j) => student(j.room));
    host.send('host:start', { round: BUDDY_PEAKS_ID });
    await ada!.place(4);
    await grace!.place(7);
    const before = { ada: await ada!.settled(), grace: await grace!.settled() };
    expect([before.ada.version, before.grace.version]).toEqual([4, 7]);

    // Every acknowledged move is in the shared store before A dies.
    const store = new PgStorage(database.url, 1);
    const stored = await store.listMoves(created.sessionId, 1);
    await store.close();
    expect(stored.filter((m) => m.playerId === joined[0]!.welcome.playerId)).toHaveLength(4);
    expect(stored.filter((m) => m.playerId === joined[1]!.welcome.playerId)).toHaveLength(7);

    for (const room of [host, ada!.room, grace!.room]) room.reconnection.enabled = false;
    await a.server.kill('SIGKILL');

    // A's listing lingers in Redis; the lookup through B finds A gone and re-creates the class on B.
    const roomId = await findClass(b.server.url, created.code);
    // B re-creates the class under the id its clients already hold (derived from the session).
    expect(roomId).toBe(created.roomId);
    const back = await Promise.all(joined.map((j) => joinAsStudent(b.client, roomId, { code: created.code, token: j.welcome.token! })));
    expect(back.map((r) => r.welcome.playerId)).toEqual(joined.map((j) => j.welcome.playerId));
    const [ada2, grace2] = back.map((r) => student(r.room));
    await waitForState(ada2!.room, () => ada2!.heap() !== undefined, 10_000, "Ada's heap");
    await waitForState(grace2!.room, () => grace2!.heap() !== undefined, 10_000, "Grace's heap");
    expect({ version: ada2!.heap()!.version, live: liveBlocks(ada2!.heap()!) }).toEqual(before.ada);
    expect({ version: grace2!.heap()!.version, live: liveBlocks(grace2!.heap()!) }).toEqual(before.grace);
    // A second lookup, through either survivor, answers the same room: one live room per class.
    expect(await findClass(b.server.url, created.code)).toBe(roomId);

    const host2 = await joinAsHost(b.client, roomId, created.hostKey);
    await waitForState(host2, () => host2.state.heaps?.size === 2, 10_000, 'the host to see both heaps');
    expect(host2.state.phase).toBe('playing');
    await Promise.all([ada2!.playToTheEnd(), grace2!.playToTheEnd()]);
    await waitForState(host2, () => host2.state.phase === 'results', 10_000, 'the round to end');
    // The phase turns to results before the results are written; the CSV has them once they are.
    const csvNames = async () => {
      const csv = await fetch(`${b.server.url}/api/classes/${created.code}/results.csv`, { headers: { 'x-host-key': created.hostKey } });
      const [header, ...rows] = (await csv.text()).replace(/^\uFEFF/, '').trim().split('\r\n').map((r) => r.split(','));
      const nickname = header?.indexOf('nickname') ?? -1;
      return rows.map((r) => r[nickname]).sort();
    };
    await vi.waitFor(async () => expect(await csvNames()).toEqual(['Ada', 'Grace']), { timeout: 10_000, interval: 200 });
    for (const room of [host2, ada2!.room, grace2!.room]) await room.leave();
  }, 120_000);
});
