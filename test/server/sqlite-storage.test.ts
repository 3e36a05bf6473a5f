import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteStorage } from '../../server/storage/sqlite-storage.ts';
import type { SessionRecord } from '../../server/storage/storage.ts';

function tempDb(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mallocade-db-')), 'nested', 'test.db');
}

const session: SessionRecord = { id: 's1', code: 'K7M2QX', hostKeyHash: 'h', createdAt: 1000, status: 'open', settings: '{"locked":false}' };

describe('SQLite storage', () => {
  it('keeps sessions, players, rounds, moves and results across a reopen of the file', async () => {
    const file = tempDb();
    const first = new SqliteStorage(file);
    await first.createSession(session);
    await first.savePlayer({ sessionId: 's1', playerId: 'p1', nickname: 'Ada', tokenHash: 't', joinedAt: 1, barred: false });
    await first.startRound({ sessionId: 's1', roundNo: 1, config: '{"seed":7}', startedAt: 2, endedAt: null });
    await first.appendMove({ sessionId: 's1', roundNo: 1, playerId: 'p1', seq: 0, move: '{"address":0}', at: 3 });
    await first.appendMove({ sessionId: 's1', roundNo: 1, playerId: 'p1', seq: 1, move: '{"address":16}', at: 4 });
    await first.saveResults([{ sessionId: 's1', roundNo: 1, playerId: 'p1', result: '{"score":90}' }]);
    await first.close();

    const again = new SqliteStorage(file);
    expect(await again.findOpenSessionByCode('K7M2QX')).toEqual(session);
    expect((await again.listPlayers('s1')).map((p) => p.nickname)).toEqual(['Ada']);
    expect(await again.listRounds('s1')).toEqual([{ sessionId: 's1', roundNo: 1, config: '{"seed":7}', startedAt: 2, endedAt: null }]);
    expect((await again.listMoves('s1', 1)).map((m) => m.move)).toEqual(['{"address":0}', '{"address":16}']);
    expect(await again.listResults('s1')).toEqual([{ sessionId: 's1', roundNo: 1, playerId: 'p1', result: '{"score":90}' }]);
    await again.close();
  });

  it('refuses a second move with the same sequence number instead of overwriting the first', async () => {
    const store = new SqliteStorage(tempDb());
    await store.createSession(session);
    await store.appendMove({ sessionId: 's1', roundNo: 1, playerId: 'p1', seq: 0, move: 'first', at: 1 });
    await expect(store.appendMove({ sessionId: 's1', roundNo: 1, playerId: 'p1', seq: 0, move: 'second', at: 2 })).rejects.toThrow();
    expect((await store.listMoves('s1', 1)).map((m) => m.move)).toEqual(['first']);
    await store.close();
  });

  it('closes a session so its code no longer finds it, and ends a round only once', async () => {
    const store = new SqliteStorage(tempDb());
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
});
