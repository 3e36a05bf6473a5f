// The storage contract (server/storage/storage.ts), run against every store: the
// embedded SQLite file and PostgreSQL. The PostgreSQL run needs a server
// (test/server/pg-test-db.ts); without one it is skipped, and says so. .ci/run
// provides one, so CI always runs both.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStorage } from '../../server/storage/sqlite-storage.ts';
import { MIGRATIONS, PgStorage } from '../../server/storage/pg-storage.ts';
import { DuplicateCodeError, type SessionRecord, type Storage } from '../../server/storage/storage.ts';
import { readSettings } from '../../server/rooms/class-store.ts';
import { freshSchema, postgresProblem, type TestDatabase } from './pg-test-db.ts';

/** A place for one store's data, and how to open a store on it (again, to test durability). */
interface StoreKind {
  /** A fresh, empty place; `open()` may be called several times on it. */
  fresh(): Promise<{ open(): Storage }>;
}

const session: SessionRecord = { id: 's1', code: 'K7M2QX', hostKeyHash: 'h', createdAt: 1000, status: 'open', settings: '{"locked":false}' };

function storageContract(name: string, kind: StoreKind): void {
  describe(`${name} storage (contract)`, () => {
    it('keeps sessions, players, rounds, moves and results across a reopen', async () => {
      const place = await kind.fresh();
      const first = place.open();
      await first.createSession(session);
      await first.savePlayer({ sessionId: 's1', playerId: 'p1', nickname: 'Ada', tokenHash: 't', joinedAt: 1, barred: false });
      await first.startRound({ sessionId: 's1', roundNo: 1, config: '{"seed":7}', startedAt: 2, endedAt: null });
      await first.appendMove({ sessionId: 's1', roundNo: 1, playerId: 'p1', seq: 0, move: '{"address":0}', at: 3 });
      await first.appendMove({ sessionId: 's1', roundNo: 1, playerId: 'p1', seq: 1, move: '{"address":16}', at: 4 });
      await first.saveResults([{ sessionId: 's1', roundNo: 1, playerId: 'p1', result: '{"score":90}' }]);
      await first.close();

      const again = place.open();
      expect(await again.findOpenSessionByCode('K7M2QX')).toEqual(session);
      expect(await again.getSession('s1')).toEqual(session);
      expect(await again.listPlayers('s1')).toEqual([{ sessionId: 's1', playerId: 'p1', nickname: 'Ada', tokenHash: 't', joinedAt: 1, barred: false, kicked: false, studentId: '' }]);
      expect(await again.listRounds('s1')).toEqual([{ sessionId: 's1', roundNo: 1, config: '{"seed":7}', startedAt: 2, endedAt: null }]);
      expect(await again.listMoves('s1', 1)).toEqual([
        { sessionId: 's1', roundNo: 1, playerId: 'p1', seq: 0, move: '{"address":0}', at: 3 },
        { sessionId: 's1', roundNo: 1, playerId: 'p1', seq: 1, move: '{"address":16}', at: 4 },
      ]);
      expect(await again.listResults('s1')).toEqual([{ sessionId: 's1', roundNo: 1, playerId: 'p1', result: '{"score":90}' }]);
      await again.close();
    });

    it('keeps a kicked player and where each seat of a round started (once per seat)', async () => {
      const place = await kind.fresh();
      const store = place.open();
      await store.createSession(session);
      await store.savePlayer({ sessionId: 's1', playerId: 'p1', nickname: 'Ada', tokenHash: 't', joinedAt: 1, barred: false });
      await store.savePlayer({ sessionId: 's1', playerId: 'p1', nickname: 'Ada', tokenHash: 't', joinedAt: 1, barred: false, kicked: true });
      await store.startSeat({ sessionId: 's1', roundNo: 1, playerId: 'p2', startedAt: 5000 });
      await store.startSeat({ sessionId: 's1', roundNo: 1, playerId: 'p1', startedAt: 1_796_000_000_123 });
      await store.startSeat({ sessionId: 's1', roundNo: 1, playerId: 'p1', startedAt: 9 });
      await store.startSeat({ sessionId: 's1', roundNo: 2, playerId: 'p1', startedAt: 7 });
      await store.close();
      const again = place.open();
      expect((await again.listPlayers('s1'))[0]?.kicked).toBe(true);
      expect(await again.listSeats('s1', 1)).toEqual([
        { sessionId: 's1', roundNo: 1, playerId: 'p1', startedAt: 1_796_000_000_123 },
        { sessionId: 's1', roundNo: 1, playerId: 'p2', startedAt: 5000 },
      ]);
      await again.close();
    });

    it('[MATCH-TIME-5] keeps a student\'s time allowance across a reopen; standard is the default and is not written out', async () => {
      const place = await kind.fresh();
      const store = place.open();
      await store.createSession(session);
      await store.savePlayer({ sessionId: 's1', playerId: 'p1', nickname: 'Ada', tokenHash: 't', joinedAt: 1, barred: false, timeAllowance: 'x1.5' });
      await store.savePlayer({ sessionId: 's1', playerId: 'p1', nickname: 'Ada', tokenHash: 't', joinedAt: 1, barred: false, timeAllowance: 'none' });
      await store.savePlayer({ sessionId: 's1', playerId: 'p2', nickname: 'Bo', tokenHash: 'u', joinedAt: 2, barred: false });
      await store.close();
      const again = place.open();
      const players = await again.listPlayers('s1');
      expect(players.map((p) => [p.playerId, p.timeAllowance])).toEqual([['p1', 'none'], ['p2', undefined]]);
      await again.close();
    });

    it('keeps timestamps past 2^31 milliseconds exactly (a wall clock today)', async () => {
      const store = (await kind.fresh()).open();
      const at = 1_796_000_000_123;
      await store.createSession({ ...session, createdAt: at });
      await store.startRound({ sessionId: 's1', roundNo: 1, config: '{}', startedAt: at + 1, endedAt: null });
      await store.endRound('s1', 1, at + 2);
      await store.appendMove({ sessionId: 's1', roundNo: 1, playerId: 'p1', seq: 0, move: 'm', at: at + 3 });
      expect((await store.getSession('s1'))?.createdAt).toBe(at);
      expect(await store.listRounds('s1')).toEqual([{ sessionId: 's1', roundNo: 1, config: '{}', startedAt: at + 1, endedAt: at + 2 }]);
      expect((await store.listMoves('s1', 1))[0]?.at).toBe(at + 3);
      await store.close();
    });

    it('refuses a second move with the same sequence number instead of overwriting the first', async () => {
      const store = (await kind.fresh()).open();
      await store.createSession(session);
      await store.appendMove({ sessionId: 's1', roundNo: 1, playerId: 'p1', seq: 0, move: 'first', at: 1 });
      await expect(store.appendMove({ sessionId: 's1', roundNo: 1, playerId: 'p1', seq: 0, move: 'second', at: 2 })).rejects.toThrow();
      expect((await store.listMoves('s1', 1)).map((m) => m.move)).toEqual(['first']);
      await store.close();
    });

    it('stores moves appended at once (one batch), refusing only a duplicate among them, and a close first stores what was asked', async () => {
      const place = await kind.fresh();
      const store = place.open();
      await store.createSession(session);
      const move = (playerId: string, seq: number, text: string) => ({ sessionId: 's1', roundNo: 1, playerId, seq, move: text, at: seq });
      const answers = await Promise.allSettled([move('p1', 0, 'a'), move('p2', 0, 'b'), move('p1', 0, 'dup'), move('p1', 1, 'c')].map((m) => store.appendMove(m)));
      expect(answers.map((a) => a.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
      void store.appendMove(move('p2', 1, 'd'));
      await store.close();
      const again = place.open();
      expect((await again.listMoves('s1', 1)).map((m) => m.move)).toEqual(['a', 'c', 'b', 'd']);
      await again.close();
    });

    it('lists each player\'s moves in sequence order, players in the same order in every store', async () => {
      const store = (await kind.fresh()).open();
      await store.createSession(session);
      for (const playerId of ['p2-b', 'P1-a', 'p10-c', 'p1-d']) {
        for (const seq of [1, 0]) await store.appendMove({ sessionId: 's1', roundNo: 1, playerId, seq, move: `${playerId}/${seq}`, at: seq });
      }
      expect((await store.listMoves('s1', 1)).map((m) => m.move)).toEqual([
        'P1-a/0', 'P1-a/1', 'p1-d/0', 'p1-d/1', 'p10-c/0', 'p10-c/1', 'p2-b/0', 'p2-b/1',
      ]);
      await store.close();
    });

    it('closes a session so its code no longer finds it, and ends a round only once', async () => {
      const store = (await kind.fresh()).open();
      await store.createSession(session);
      await store.startRound({ sessionId: 's1', roundNo: 1, config: '{}', startedAt: 2, endedAt: null });
      await store.endRound('s1', 1, 50);
      await store.endRound('s1', 1, 99);
      expect((await store.listRounds('s1'))[0]?.endedAt).toBe(50);
      await store.updateSession('s1', { status: 'closed' });
      expect(await store.findOpenSessionByCode('K7M2QX')).toBeNull();
      expect((await store.getSession('s1'))?.status).toBe('closed');
      await store.close();
    });

    it('refuses a second open session with the same code (DuplicateCodeError), and frees the code once the first closes', async () => {
      const store = (await kind.fresh()).open();
      await store.createSession(session);
      await expect(store.createSession({ ...session, id: 's2' })).rejects.toBeInstanceOf(DuplicateCodeError);
      expect((await store.listOpenSessions()).map((s) => s.id)).toEqual(['s1']);
      await store.updateSession('s1', { status: 'closed' });
      await store.createSession({ ...session, id: 's2', createdAt: 2000 });
      expect((await store.findOpenSessionByCode('K7M2QX'))?.id).toBe('s2');
      // A closed session is still found by its code among every session that had it, newest first.
      expect((await store.listSessionsByCode('K7M2QX')).map((s) => [s.id, s.status])).toEqual([['s2', 'open'], ['s1', 'closed']]);
      expect(await store.listSessionsByCode('NOPE22')).toEqual([]);
      await store.close();
    });

    it('updates settings and a player\'s bar in place, and saves results again over the old ones', async () => {
      const store = (await kind.fresh()).open();
      await store.createSession(session);
      await store.updateSession('s1', { settings: '{"locked":true}' });
      const ada = { sessionId: 's1', playerId: 'p1', nickname: 'Ada', tokenHash: 't', joinedAt: 1, barred: false };
      await store.savePlayer(ada);
      await store.savePlayer({ ...ada, barred: true });
      await store.saveResults([{ sessionId: 's1', roundNo: 1, playerId: 'p1', result: 'old' }]);
      await store.saveResults([{ sessionId: 's1', roundNo: 1, playerId: 'p1', result: 'new' }]);
      expect((await store.getSession('s1'))?.settings).toBe('{"locked":true}');
      expect(await store.listPlayers('s1')).toEqual([{ ...ada, barred: true, kicked: false, studentId: '' }]);
      expect((await store.listResults('s1')).map((r) => r.result)).toEqual(['new']);
      await store.close();
    });

    it('keeps a player\'s private student identifier across a reopen, and updates it in place (CLASS-SID-3)', async () => {
      const place = await kind.fresh();
      const first = place.open();
      await first.createSession(session);
      const ada = { sessionId: 's1', playerId: 'p1', nickname: 'Ada', tokenHash: 't', joinedAt: 1, barred: false, kicked: false, studentId: 'ST-0042' };
      await first.savePlayer(ada);
      await first.savePlayer({ ...ada, playerId: 'p2', nickname: 'Grace', joinedAt: 2, studentId: 'grace@uni.example' });
      await first.savePlayer({ ...ada, studentId: 'ST-0043' });
      await first.close();
      const again = place.open();
      expect((await again.listPlayers('s1')).map((p) => [p.nickname, p.studentId])).toEqual([['Ada', 'ST-0043'], ['Grace', 'grace@uni.example']]);
      await again.close();
    });

    it('keeps a class\'s lesson plans, oldest first, a second save replacing the first (across a reopen)', async () => {
      const place = await kind.fresh();
      const first = place.open();
      await first.saveLessonPlan({ sessionId: 's1', planId: 'p-2', plan: '{"title":"Week 2"}', createdAt: 1_796_000_000_002 });
      await first.saveLessonPlan({ sessionId: 's1', planId: 'p-1', plan: '{"title":"Week 1"}', createdAt: 1_796_000_000_001 });
      await first.saveLessonPlan({ sessionId: 's1', planId: 'p-2', plan: '{"title":"Week 2, again"}', createdAt: 3 });
      await first.close();
      const again = place.open();
      expect((await again.listLessonPlans('s1')).map((p) => [p.planId, p.plan, p.createdAt])).toEqual([
        ['p-1', '{"title":"Week 1"}', 1_796_000_000_001], ['p-2', '{"title":"Week 2, again"}', 1_796_000_000_002],
      ]);
      expect(await again.listLessonPlans('s2')).toEqual([]);
      await again.close();
    });

    it('keeps assignments (found by id, listed per session) and every attempt at them, across a reopen', async () => {
      const place = await kind.fresh();
      const first = place.open();
      const week = { id: 'a-1', sessionId: 's1', assignment: '{"title":"Week 3"}', createdAt: 1_796_000_000_000 };
      await first.createAssignment(week);
      await first.createAssignment({ id: 'a-2', sessionId: 's2', assignment: '{}', createdAt: 5 });
      await first.saveAttempt({ assignmentId: 'a-1', roundIndex: 1, playerId: 'p1', finishedAt: 30, result: '{"score":1}' });
      await first.saveAttempt({ assignmentId: 'a-1', roundIndex: 0, playerId: 'p1', finishedAt: 20, result: '{"score":2}' });
      await first.saveAttempt({ assignmentId: 'a-1', roundIndex: 0, playerId: 'p1', finishedAt: 1_796_000_000_010, result: '{"score":3}' });
      await first.saveAttempt({ assignmentId: 'a-2', roundIndex: 0, playerId: 'p9', finishedAt: 1, result: '{}' });
      await first.close();
      const again = place.open();
      expect(await again.getAssignment('a-1')).toEqual(week);
      expect(await again.getAssignment('a-3')).toBeNull();
      expect(await again.listAssignments('s1')).toEqual([week]);
      expect((await again.listAttempts('a-1')).map((a) => [a.roundIndex, a.finishedAt, a.result])).toEqual([
        [0, 20, '{"score":2}'], [0, 1_796_000_000_010, '{"score":3}'], [1, 30, '{"score":1}'],
      ]);
      await again.close();
    });

    it('keeps a session\'s settings across a reopen, a podium reveal in them as it was stored (issue 14, item 10)', async () => {
      const place = await kind.fresh();
      const first = place.open();
      await first.createSession(session);
      const podium = { startedAt: 1_796_000_003_000, rows: [{ rank: 1, name: 'Zoë 🦊', total: 1875, rounds: 2 }, { rank: 1, name: 'Ada', total: 1875, rounds: 2 }, { rank: 3, name: 'Bo', total: 900, rounds: 1 }] };
      await first.updateSession('s1', { settings: JSON.stringify({ ...readSettings(session.settings), podium }) });
      await first.close();
      const again = place.open();
      expect(readSettings((await again.getSession('s1'))?.settings ?? '{}').podium).toEqual(podium);
      await again.close();
    });

    it('keeps the rounds a host made, per session, oldest first, a second save replacing the first (across a reopen)', async () => {
      const place = await kind.fresh();
      const first = place.open();
      await first.createSession(session);
      await first.saveHostRound({ sessionId: 's1', roundId: 'r-b', settings: '{"title":"B"}', createdAt: 1_796_000_000_200 });
      await first.saveHostRound({ sessionId: 's1', roundId: 'r-a', settings: '{"title":"A"}', createdAt: 1_796_000_000_100 });
      await first.saveHostRound({ sessionId: 's2', roundId: 'r-a', settings: '{"title":"other class"}', createdAt: 5 });
      await first.saveHostRound({ sessionId: 's1', roundId: 'r-b', settings: '{"title":"B2"}', createdAt: 9 });
      await first.close();
      const again = place.open();
      expect(await again.listHostRounds('s1')).toEqual([
        { sessionId: 's1', roundId: 'r-a', settings: '{"title":"A"}', createdAt: 1_796_000_000_100 },
        { sessionId: 's1', roundId: 'r-b', settings: '{"title":"B2"}', createdAt: 1_796_000_000_200 },
      ]);
      expect(await again.listHostRounds('nobody')).toEqual([]);
      await again.close();
    });
  });
}

function tempDbFile(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mallocade-db-')), 'nested', 'test.db');
}

storageContract('SQLite', {
  fresh: async () => {
    const file = tempDbFile();
    return { open: () => new SqliteStorage(file) };
  },
});

const pgProblem = await postgresProblem();
if (pgProblem) console.warn(`SKIPPED: the PostgreSQL storage tests: ${pgProblem}. Set MALLOCADE_TEST_DATABASE_URL (.ci/run does).`);
const schemas: TestDatabase[] = [];
afterAll(async () => {
  for (const db of schemas) await db.drop();
});

describe.skipIf(pgProblem !== null)('PostgreSQL', () => {
  storageContract('PostgreSQL', {
    fresh: async () => {
      const db = await freshSchema('contract');
      schemas.push(db);
      return { open: () => new PgStorage(db.url, 2) };
    },
  });

  it('records each migration once in schema_migrations, also when several processes open an empty database at once', async () => {
    const db = await freshSchema('migrate');
    schemas.push(db);
    const stores = [new PgStorage(db.url, 1), new PgStorage(db.url, 1), new PgStorage(db.url, 1)];
    await Promise.all(stores.map((s) => s.listOpenSessions()));
    await Promise.all(stores.map((s) => s.close()));
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const versions = (await client.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).rows.map((r) => r.version);
    await client.end();
    expect(versions).toEqual(MIGRATIONS.map((m) => m.version));
    expect(versions[0]).toBe(1);
  });
});
