// Restoring a class round after a restart (issue #12, item 3): every acknowledged move
// survives for every student — a late joiner replays from their own seat's start, not
// the round's (from the round's start their first move would be late and their heap lost).

import { describe, expect, it } from 'vitest';
import { applyMove, startMatch, type LoggedMove, type MatchState } from '../../shared/match/match.ts';
import { resolveRound } from '../../server/rooms/rounds.ts';
import { BUDDY_PEAKS_ID } from '../../shared/levels/rounds.ts';
import { restoreLastRound, writeRound } from '../../server/rooms/class-store.ts';
import { SqliteStorage } from '../../server/storage/sqlite-storage.ts';
import type { PlayerRecord } from '../../server/storage/storage.ts';

const round = resolveRound(BUDDY_PEAKS_ID);
if (!round.ok) throw new Error(round.message);
const { config } = round.value;

/** Plays `count` requests at the lowest free region that fits, one second apart from `startMs`. */
function play(startMs: number, count: number): { match: MatchState; log: LoggedMove[]; times: number[] } {
  const started = startMatch(config, startMs);
  if (!started.ok) throw new Error(started.message);
  let match = started.value;
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const pending = match.pending;
    if (!pending) break;
    const size = 2 ** Math.ceil(Math.log2(pending.size));
    const target = match.heap.find((r) => r.state === 'free' && r.size >= size)?.start;
    if (target === undefined) throw new Error('no free block fits');
    const at = startMs + 1000 * (i + 1);
    const next = applyMove(match, { type: 'place', requestId: pending.requestId, target, version: match.version }, at);
    if (!next.ok) throw new Error(next.message);
    match = next.value;
    times.push(at);
  }
  return { match, log: [...match.log], times };
}

describe('restoring a class round', () => {
  it("replays a late joiner from their own seat's start: every acknowledged move is there", async () => {
    const storage = new SqliteStorage(':memory:');
    const roundStart = 1_000;
    // Grace joined two minutes in: four times the round's 30 s per request.
    const graceStart = roundStart + 120_000;
    await storage.startRound({ sessionId: 's', roundNo: 1, config: writeRound({ config, title: 't', hints: false }), startedAt: roundStart, endedAt: null });
    const grace: PlayerRecord = { sessionId: 's', playerId: 'grace', nickname: 'Grace', tokenHash: 'h', joinedAt: graceStart, barred: false };
    await storage.savePlayer(grace);
    await storage.startSeat({ sessionId: 's', roundNo: 1, playerId: 'grace', startedAt: graceStart });
    const played = play(graceStart, 5);
    for (const [seq, move] of played.log.entries()) {
      await storage.appendMove({ sessionId: 's', roundNo: 1, playerId: 'grace', seq, move: JSON.stringify(move), at: played.times[seq] ?? 0 });
    }
    const restored = await restoreLastRound(storage, 's', [grace]);
    const match = restored?.matches.get('grace');
    expect(match?.version).toBe(5);
    expect(match?.heap).toEqual(played.match.heap);
    expect(match?.pending?.requestId).toBe(played.match.pending?.requestId);
    await storage.close();
  });
});
