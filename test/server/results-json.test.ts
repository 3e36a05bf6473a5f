// A finished seat's `results` message (server/rooms/results-json.ts): the round's results as
// shared/match/results.ts computes them, every timeline thinned to at most 121 points, the
// replay beside them; on a fixed stream the contenders' part is the same text for every
// student who finished (written once), while each student's own part is theirs.

import { describe, expect, it } from 'vitest';
import { startMatch } from '../../shared/match/match.ts';
import { roundResults } from '../../shared/match/results.ts';
import { policiesFor } from '../../shared/match/kinds.ts';
import { Seat } from '../../server/rooms/seat.ts';
import { BUDDY_PEAKS_ID, resolveRound } from '../../server/rooms/rounds.ts';
import { chooseAnyTarget } from './classroom-driver.ts';

/** A seat on buddy-peaks played to its end, each request at the `pick`-th free block that fits (the first when fewer). */
function finishedSeat(pick: number): Seat {
  const round = resolveRound(BUDDY_PEAKS_ID);
  if (!round.ok) throw new Error(round.message);
  const started = startMatch(round.value.config, 0);
  if (!started.ok) throw new Error(started.message);
  const seat = new Seat(started.value);
  for (let move = 1; !seat.isFinished && move < 500; move++) {
    const v = seat.view;
    const fits = v.regions.filter((r) => r.state === 'free' && r.size >= 2 ** Math.ceil(Math.log2(Math.max(1, v.pending.size))));
    const target = fits[Math.min(pick, fits.length - 1)]?.start ?? chooseAnyTarget(v);
    expect(seat.place({ requestId: v.pending.id, target, version: v.version }, move * 10).ok).toBe(true);
  }
  expect(seat.isFinished).toBe(true);
  return seat;
}

interface Timed { name: string; timeline: unknown[] }
interface ResultsMessage { player: Timed; policies: Timed[]; best: Timed; clairvoyant: Timed; debrief: string; replay: { log: unknown[] } }

const withoutTimeline = ({ timeline: _timeline, ...rest }: Timed) => rest;

describe('the results message', () => {
  it('carries the round’s results with thinned timelines and the replay', () => {
    const seat = finishedSeat(0);
    const message = JSON.parse(seat.results()) as ResultsMessage;
    const direct = roundResults(seat.match, { timeline: true });
    if (!direct.ok) throw new Error(direct.message);
    expect(message.policies.map((p) => p.name)).toEqual(direct.value.policies.map((p) => p.name));
    expect(message.policies.length).toBe(policiesFor('buddy').length);
    expect(message.policies.map(withoutTimeline)).toEqual(JSON.parse(JSON.stringify(direct.value.policies.map((p) => withoutTimeline(p as unknown as Timed)))));
    expect(withoutTimeline(message.player)).toEqual(JSON.parse(JSON.stringify(withoutTimeline(direct.value.player as unknown as Timed))));
    expect(message.debrief).toBe(direct.value.debrief);
    for (const c of [message.player, message.best, message.clairvoyant, ...message.policies]) {
      expect(c.timeline.length).toBeGreaterThan(0);
      expect(c.timeline.length).toBeLessThanOrEqual(121);
    }
    expect(message.replay.log).toHaveLength(seat.match.log.length);
  });

  it('gives two students of a fixed-stream round the same contenders and each their own heap', () => {
    const [a, b] = [finishedSeat(0), finishedSeat(1)];
    const [ma, mb] = [JSON.parse(a.results()) as ResultsMessage, JSON.parse(b.results()) as ResultsMessage];
    expect(mb.policies).toEqual(ma.policies);
    expect(mb.clairvoyant).toEqual(ma.clairvoyant);
    expect(mb.best).toEqual(ma.best);
    expect(mb.player).not.toEqual(ma.player);
  });
});
