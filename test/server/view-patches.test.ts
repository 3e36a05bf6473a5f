// The classroom's patches go only to the clients they change something for
// (server/state/view-patches.ts): a change in one student's heap reaches that student
// and the host, and sends nothing to the other students; a shared change reaches all.

import { describe, expect, it } from 'vitest';
import { ClientState, type Client } from '@colyseus/core';
import { Decoder, StateView } from '@colyseus/schema';
import { ClassroomState, PlayerInfo } from '../../server/state/classroom-state.ts';
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
