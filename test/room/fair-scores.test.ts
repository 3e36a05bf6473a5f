// Fair live scores (issue 12, items 7 and 8), through a real server and SDK clients: the live
// board compares students at the same point of the stream (shared/score/SPEC.md SC-7, SC-8),
// and ending a round early scores everyone on the part they played (shared/match MATCH-TIME-2,
// MATCH-RES-4), in the results messages and the CSV alike.

import { describe, expect, it, vi } from 'vitest';
import type { Room } from '@colyseus/sdk';
import { applyMove, hintsFor, startMatch, stopMatch, type MatchState } from '../../shared/match/match.ts';
import { roundPace, standingOf, type RoundPace } from '../../shared/match/pace.ts';
import { resolveRound, BUDDY_PEAKS_ID } from '../../shared/levels/rounds.ts';
import { appServer } from './app-server.ts';

const colyseus = appServer();

/** Waits on the server's state; generous, as a class round's patches come late on a busy machine. */
function waitFor<T>(check: () => T): Promise<T> {
  return vi.waitFor(check, { timeout: 20_000, interval: 50 });
}

interface Created { code: string; hostKey: string; roomId: string }
interface BoardRow { rank: number; name: string; score: number; vsBest: number }
interface Results { player: { card: { score: number }; totals: { requests: number } }; best: { name: string; card: { score: number } }; relative: { delta: number } }

const round = resolveRound(BUDDY_PEAKS_ID);
if (!round.ok) throw new Error(round.message);
/** Buddy, four peaks: a fixed seeded stream of 60 requests, the same for every student. */
const config = round.value.config;
const pacePlayed = roundPace(config);
if (!pacePlayed.ok) throw new Error(pacePlayed.message);
const pace: RoundPace = pacePlayed.value;

async function joinStudent(code: string, nickname: string): Promise<Room> {
  const found = (await colyseus().http.get(`/api/classes/${code}`)).data as { roomId: string };
  const room = await colyseus().sdk.joinById(found.roomId, { code, nickname });
  await new Promise((resolve) => room.onMessage('welcome', resolve));
  return room;
}

/** A new class with its host and three students joined. */
async function classOf(names: readonly [string, string, string]): Promise<{ created: Created; host: Room; students: [Room, Room, Room] }> {
  const created = (await colyseus().http.post('/api/classes')).data as Created;
  const host = await colyseus().sdk.joinById(created.roomId, { hostKey: created.hostKey });
  const students: [Room, Room, Room] = [await joinStudent(created.code, names[0]), await joinStudent(created.code, names[1]), await joinStudent(created.code, names[2])];
  return { created, host, students };
}

/**
 * A student who plays `moves` requests as the round's reference policy would (a copy of the
 * match kept here says where), each move waited for. Returns the copy, as the server has it.
 */
async function playAsReference(room: Room, moves: number): Promise<MatchState> {
  const started = startMatch(config, 0);
  if (!started.ok) throw new Error(started.message);
  let mine = started.value;
  await waitFor(() => expect(room.state.heaps.size).toBe(1));
  const heap = () => [...room.state.heaps.values()][0];
  for (let i = 0; i < moves; i++) {
    await waitFor(() => expect(heap()?.version).toBe(mine.version));
    const pending = mine.pending;
    const target = hintsFor(mine).find((h) => h.policy === pace.policy)?.target;
    if (!pending || target === undefined || target === null) throw new Error('the reference has no spot');
    room.send('place', { requestId: pending.requestId, target, version: mine.version });
    const next = applyMove(mine, { type: 'place', requestId: pending.requestId, target, version: mine.version }, 0);
    if (!next.ok) throw new Error(next.message);
    mine = next.value;
  }
  await waitFor(() => expect(heap()?.version).toBe(mine.version));
  return mine;
}

function boardOf(room: Room): BoardRow[] {
  return [...room.state.leaderboard].map((r: BoardRow) => ({ rank: r.rank, name: r.name, score: r.score, vsBest: r.vsBest }));
}

describe('fair live scores', () => {
  it('[SC-7] [SC-8] the board compares students at the same point: one far ahead does not rank below one who placed a request', async () => {
    const { host, students: [ahead, newcomer, idle] } = await classOf(['Ahead', 'Newcomer', 'Idle']);
    host.send('host:start', { round: BUDDY_PEAKS_ID });
    const aheadMatch = await playAsReference(ahead, 20);
    const newcomerMatch = await playAsReference(newcomer, 1);
    // The reference's own prefix score falls here: the old board ranked Ahead last.
    expect(pace.scores[20]).toBeLessThan(pace.scores[1] ?? 0);

    await waitFor(() => expect(boardOf(idle).map((r) => r.name).sort()).toEqual(['Ahead', 'Newcomer']));
    const board = boardOf(idle);
    const row = (name: string) => board.find((r) => r.name === name);
    expect(row('Ahead')).toEqual({ rank: 1, name: 'Ahead', score: standingOf(pace, aheadMatch).score, vsBest: 0 });
    expect(row('Newcomer')).toEqual({ rank: 1, name: 'Newcomer', score: standingOf(pace, newcomerMatch).score, vsBest: 0 });
    // Idle has not played: no rank, and not on the board (SC-8); the host sees the same figures per player.
    await waitFor(() => expect([...host.state.players.values()].map((p: { nickname: string; rank: number; vsBest: number }) => [p.nickname, p.rank, p.vsBest]).sort())
      .toEqual([['Ahead', 1, 0], ['Idle', 0, 0], ['Newcomer', 1, 0]]));
    for (const room of [host, ahead, newcomer, idle]) await room.leave();
  });

  it('[MATCH-TIME-2] [MATCH-RES-4] ending early scores each student on the part they played, the results and the CSV agreeing', async () => {
    const { created, host, students: [ahead, behind, idle] } = await classOf(['Ahead', 'Behind', 'Idle']);
    const results = new Map<string, Promise<Results>>();
    for (const [name, room] of [['Ahead', ahead], ['Behind', behind]] as const) {
      results.set(name, new Promise((resolve) => room.onMessage('results', (json: string) => resolve(JSON.parse(json) as Results))));
    }
    host.send('host:start', { round: BUDDY_PEAKS_ID });
    const aheadMatch = await playAsReference(ahead, 20);
    // Behind places the first request of 1 unit at the far end of the heap: the extent used jumps.
    await waitFor(() => expect([...behind.state.heaps.values()][0]?.pending?.size).toBeGreaterThan(0));
    const behindStart = startMatch(config, 0);
    if (!behindStart.ok) throw new Error(behindStart.message);
    const far = 2 ** 8 - (behindStart.value.pending?.size ?? 1);
    const behindPlaced = applyMove(behindStart.value, { type: 'place', requestId: 0, target: far, version: 0 }, 0);
    if (!behindPlaced.ok) throw new Error(behindPlaced.message);
    behind.send('place', { requestId: 0, target: far, version: 0 });
    await waitFor(() => expect([...behind.state.heaps.values()][0]?.version).toBe(1));

    host.send('host:end', {});
    await waitFor(() => expect(host.state.phase).toBe('results'));
    const expected = new Map([['Ahead', aheadMatch], ['Behind', behindPlaced.value]].map(([name, match]) => {
      const stopped = stopMatch(match as MatchState, 0);
      if (!stopped.ok) throw new Error(stopped.message);
      return [name as string, standingOf(pace, stopped.value)];
    }));
    const aheadFigure = expected.get('Ahead');
    const behindFigure = expected.get('Behind');
    // Scored on what they played: nobody is zeroed by concessions, and Behind's bad spot costs points.
    expect(aheadFigure).toMatchObject({ played: 20, vsBest: 0 });
    expect(aheadFigure?.score).toBe(pace.scores[20]);
    expect(behindFigure?.played).toBe(1);
    expect(behindFigure?.score).toBeGreaterThan(0);
    expect(behindFigure?.vsBest).toBeLessThan(0);

    for (const [name, figure] of expected) {
      const r = await results.get(name)!;
      expect(r.player.totals.requests).toBe(figure.played);
      expect(r.player.card.score).toBe(figure.score);
      expect(r.best.name).toBe(pace.policy);
      expect(r.best.card.score).toBe(figure.reference);
      expect(r.relative.delta).toBe(figure.vsBest);
    }
    // Nothing was placed for anyone by the fallback.
    for (const room of [ahead, behind]) expect([...room.state.heaps.values()][0]?.meters.fallbacks).toBe(0);

    await waitFor(() => expect(boardOf(idle).map((r) => [r.rank, r.name, r.vsBest])).toEqual([[1, 'Ahead', 0], [2, 'Behind', behindFigure?.vsBest]]));
    const csv = await colyseus().http.get(`/api/classes/${created.code}/results.csv`, { headers: { 'x-host-key': created.hostKey } });
    const lines = String(csv.data).replace(/^\uFEFF/, '').trim().split(/\r\n/);
    expect(lines[0]).toBe('round,round title,nickname,student id,utilization,fragmentation,failures,fallbacks,played,score,vs best,rank,total,late');
    const rows = new Map(lines.slice(1).map((l) => l.split(',')).map((cells) => [cells[2], cells]));
    const any = expect.any(String);
    const title = round.value.title;
    expect(rows.get('Ahead')).toEqual(['1', title, 'Ahead', '', any, any, '0', '0', '20', String(aheadFigure?.score), '0', '1', String(aheadFigure?.score), '']);
    expect(rows.get('Behind')).toEqual(['1', title, 'Behind', '', any, any, '0', '0', '1', String(behindFigure?.score), String(behindFigure?.vsBest), '2', String(behindFigure?.score), '']);
    // Idle played nothing: a row with no rank, never above a real score (SC-8), and nothing toward the total (SC-10).
    expect(rows.get('Idle')).toEqual(['1', title, 'Idle', '', any, any, '0', '0', '0', '1000', '0', '', '0', '']);
    for (const room of [host, ahead, behind, idle]) await room.leave();
  });
});
