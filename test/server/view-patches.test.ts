// The classroom's patches go only to the clients they change something for
// (server/state/view-patches.ts): a change in one student's heap reaches that student
// and the host, and sends nothing to the other students; a shared change reaches all.

import { describe, expect, it, vi } from 'vitest';
import { ClientState, SchemaSerializer, type Client } from '@colyseus/core';
import { Decoder, Encoder, StateView } from '@colyseus/schema';
import { ClassFigures, ClassroomState, PlayerInfo, syncLeaderboard } from '../../server/state/classroom-state.ts';
import { MatchState, syncNumbers, syncRegions } from '../../server/state/match-state.ts';
import { ViewPatchSerializer } from '../../server/state/view-patches.ts';

interface FakeClient {
  readonly client: Client;
  readonly frames: Uint8Array[];
}

function fakeClient(view: StateView): FakeClient {
  const frames: Uint8Array[] = [];
  const client = { state: ClientState.JOINED, view, raw: (bytes: Uint8Array) => frames.push(bytes.slice()) } as unknown as Client;
  return { client, frames };
}

function classWithTwoStudents() {
  const state = new ClassroomState();
  const serializer = new ViewPatchSerializer<ClassroomState>();
  serializer.reset(state);
  const infos = ['a', 'b'].map((id) => {
    const info = new PlayerInfo();
    info.playerId = id;
    state.players.set(id, info);
    return info;
  });
  const [a, b] = infos.map((info) => {
    const view = new StateView();
    view.add(info);
    return fakeClient(view);
  });
  const hostView = new StateView();
  for (const info of infos) hostView.add(info);
  const host = fakeClient(hostView);
  const clients = [a!, b!, host];
  serializer.applyPatches(clients.map((c) => c.client));
  for (const c of clients) c.frames.length = 0;
  return { state, serializer, infos, a: a!, b: b!, host, clients };
}

describe('view patches (server/state/view-patches.ts)', () => {
  it("sends one student's change to that student and the host only", () => {
    const { serializer, infos, a, b, host, clients } = classWithTwoStudents();
    infos[0]!.score = 42;
    serializer.applyPatches(clients.map((c) => c.client));
    expect(a.frames).toHaveLength(1);
    expect(host.frames).toHaveLength(1);
    expect(b.frames).toHaveLength(0);
  });

  it('sends a shared change to everyone, and nothing when nothing changed', () => {
    const { state, serializer, clients } = classWithTwoStudents();
    serializer.applyPatches(clients.map((c) => c.client));
    for (const c of clients) expect(c.frames).toHaveLength(0);
    state.phase = 'playing';
    serializer.applyPatches(clients.map((c) => c.client));
    for (const c of clients) expect(c.frames).toHaveLength(1);
  });

  it("decodes to the same state as every frame would (the skipped frames held nothing)", () => {
    const { state, serializer, infos, b } = classWithTwoStudents();
    const decoder = new Decoder(new ClassroomState());
    const full = serializer.getFullState(b.client);
    decoder.decode(full.subarray(1));
    for (let i = 1; i <= 5; i++) {
      infos[0]!.score = i;
      if (i % 2 === 0) infos[1]!.placed = i;
      if (i === 3) state.phase = 'paused';
      serializer.applyPatches([b.client]);
    }
    for (const frame of b.frames) decoder.decode(frame.subarray(1));
    expect(decoder.state.phase).toBe('paused');
    expect(decoder.state.players.get('b')?.placed).toBe(4);
    expect(decoder.state.players.get('a')).toBeUndefined();
  });
});

/** One classroom-shaped world on `serializer`: students each seeing their own entry and heap, a host seeing them all and the figures. */
function world(serializer: SchemaSerializer<ClassroomState>, students: number) {
  const state = new ClassroomState();
  state.figures = new ClassFigures();
  serializer.reset(state);
  const views = Array.from({ length: students + 1 }, () => new StateView());
  const hostView = views[students]!;
  hostView.add(state.figures);
  const heaps: MatchState[] = [];
  const infos: PlayerInfo[] = [];
  /** Seats student `i` (again: a new heap for a new round). */
  const seat = (i: number) => {
    const info = infos[i] ?? new PlayerInfo();
    info.playerId = `p${i}`;
    if (!infos[i]) state.players.set(info.playerId, info);
    const heap = new MatchState();
    syncRegions(heap.regions, [{ start: 0, size: 64, state: 'free' }]);
    state.heaps.set(info.playerId, heap);
    for (const view of [views[i]!, hostView]) {
      view.add(info);
      view.add(heap);
    }
    infos[i] = info;
    heaps[i] = heap;
  };
  for (let i = 0; i < students; i++) seat(i);
  const frames = views.map(() => [] as number[][]);
  const clients = views.map((view, i) => ({ state: ClientState.JOINED, view, raw: (bytes: Uint8Array) => frames[i]!.push([...bytes]) }) as unknown as Client);
  const tick = () => serializer.applyPatches(clients);
  return { state, heaps, infos, seat, frames, tick };
}

type World = ReturnType<typeof world>;

/** A seeded change to a world: a student's heap and entry, a shared field, a new round's heap, the host's figures. */
function change(w: World, kind: number, who: number, value: number): void {
  switch (kind) {
    case 0: {
      const used = Math.min(63, 1 + value);
      syncRegions(w.heaps[who]!.regions, [{ start: 0, size: used, state: 'live', id: value }, { start: used, size: 64 - used, state: 'free' }]);
      w.heaps[who]!.version = value;
      w.infos[who]!.score = value * 3;
      return;
    }
    case 1:
      w.state.playerCount = value;
      return;
    case 2:
      w.seat(who);
      return;
    case 3:
      syncNumbers(w.state.figures.heatMap, [value, value + 1]);
      return;
    default:
      syncLeaderboard(w.state.leaderboard, [{ rank: 1, name: `p${who}`, score: value, vsBest: -value }]);
  }
}

describe("view patches against Colyseus's own serializer (@colyseus/core 0.18, @colyseus/schema 5)", () => {
  it('sends each client exactly the frames Colyseus sends that hold something, byte for byte, tick after tick (seed 7)', () => {
    const ours = world(new ViewPatchSerializer<ClassroomState>(), 6);
    const theirs = world(new SchemaSerializer<ClassroomState>(), 6);
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    for (let t = 0; t < 200; t++) {
      // Mostly one or two students' moves in a tick (what the audience skips for), now and then a shared or host-only change.
      const changes = 1 + next(3);
      for (let c = 0; c < changes; c++) {
        const roll = next(20);
        const kind = roll < 14 ? 0 : roll < 16 ? 1 : roll < 17 ? 2 : roll < 19 ? 3 : 4;
        const [who, value] = [next(6), next(1000)];
        for (const w of [ours, theirs]) change(w, kind, who, value);
      }
      ours.tick();
      theirs.tick();
    }
    const held = theirs.frames.map((frames) => frames.filter((f) => f.length > 1));
    expect(ours.frames).toEqual(held);
    // The students' frames were few: each got its own moves, not everyone's ticks.
    expect(held[0]!.length).toBeLessThan(theirs.frames[0]!.length);
  });
});

describe('view patches: the views encoded', () => {
  it("encodes only the mover's and the host's views when one student's heap changed", () => {
    const serializer = new ViewPatchSerializer<ClassroomState>();
    const w = world(serializer, 6);
    w.tick();
    const encodeView = vi.spyOn(Encoder.prototype, 'encodeView');
    change(w, 0, 3, 17);
    w.tick();
    expect(encodeView).toHaveBeenCalledTimes(2);
    change(w, 1, 0, 5);
    w.tick();
    expect(encodeView).toHaveBeenCalledTimes(2 + 7);
    encodeView.mockRestore();
  });
});
