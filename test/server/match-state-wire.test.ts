// A heap's synced state as a student's client decodes it, move by move: equal to what
// the seat shows (server/state/match-state.ts; byte counts and addresses travel as
// `number`s, in as few bytes as their value needs, and must arrive unchanged).

import { describe, expect, it } from 'vitest';
import { Decoder, Encoder, StateView } from '@colyseus/schema';
import { ClassroomState } from '../../server/state/classroom-state.ts';
import { Seat } from '../../server/rooms/seat.ts';
import { BUDDY_PEAKS_ID, resolveRound } from '../../server/rooms/rounds.ts';
import { startMatch } from '../../shared/match/match.ts';

/** The view as plain data. */
function plain(view: { toJSON(): unknown } | undefined): unknown {
  return view?.toJSON();
}

describe('a heap on the wire (server/state/match-state.ts)', () => {
  it('decodes, after every placement of a buddy round, to what the seat shows; a placement patch stays under 2 KB', () => {
    const round = resolveRound(BUDDY_PEAKS_ID);
    if (!round.ok) throw new Error(round.message);
    const match = startMatch(round.value.config, 0);
    if (!match.ok) throw new Error(match.message);
    const state = new ClassroomState();
    const encoder = new Encoder(state);
    const seat = new Seat(match.value, { showHints: false });
    state.heaps.set('p', seat.view);
    const view = new StateView();
    view.add(seat.view);
    const decoder = new Decoder(new ClassroomState());
    encoder.encodeAll();
    decoder.decode(encoder.encodeAllView(view, 1, { offset: 1 }).subarray(1));
    encoder.discardChanges();
    let moves = 0;
    while (seat.view.hasPending && moves < 55) {
      const v = seat.view;
      const target = v.regions.find((r) => r.state === 'free' && r.size >= v.pending.size)?.start ?? 0;
      expect(seat.play('place', { requestId: v.pending.id, target, version: v.version }, 1000 * moves).ok).toBe(true);
      const it = { offset: 1 };
      encoder.encode(it);
      const patch = encoder.encodeView(view, it.offset, it);
      encoder.discardChanges();
      expect(patch.length).toBeLessThan(2048);
      decoder.decode(patch.subarray(1));
      expect(plain(decoder.state.heaps.get('p'))).toEqual(plain(seat.view));
      moves++;
    }
    expect(moves).toBeGreaterThan(20);
  });
});
