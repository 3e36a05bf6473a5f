// The practice room on the slab and arena levels, through a real Colyseus server and
// SDK client: the synced kind view, placements by slab/arena id, the release message
// (and its shape check), and the results at the end.
import { describe, expect, it, vi } from 'vitest';
import { listenForResults } from './results-message.ts';
import type { SlabKindView } from '../../shared/match/kind-view.ts';
import { decodeKindView } from '../../shared/match/kind-view-wire.ts';
import { appServer } from './app-server.ts';

const colyseus = appServer();

interface Refusal { code: string; message: string }
interface Hint { policy: string; target: number }

describe('practice room on slab and arena levels', () => {
  it('[MATCH-SLAB-1] [MATCH-VIEW-1] plays the slab level by slab ids, gives empty slabs back, and ends with results', async () => {
    const room = await colyseus().createRoom('practice', { level: 'slab' });
    const client = await colyseus().connectTo(room);
    const results$ = listenForResults(client);
    await vi.waitFor(() => expect(client.state.kind).toBe('slab'));
    expect(client.state.canRelease).toBe(true);
    const refusals: Refusal[] = [];
    client.onMessage('refused', (r: Refusal) => refusals.push(r));
    client.send('release', { target: 'all', version: client.state.version });
    client.send('release', { target: 99, version: client.state.version });
    await vi.waitFor(() => expect(refusals.map((r) => r.code)).toEqual(['message/bad_type', 'slab/unknown']));
    let released = 0;
    for (let step = 0; step < 80 && client.state.phase !== 'done'; step++) {
      await vi.waitFor(() => expect(client.state.hasPending || client.state.phase === 'done').toBe(true));
      if (client.state.phase === 'done') break;
      const version = client.state.version;
      const view = decodeKindView(client.state.kindView) as SlabKindView | null;
      expect(view?.kind).toBe('slab');
      const empty = view?.slabs.find((s) => s.state === 'empty');
      if (empty) {
        client.send('release', { target: empty.id, version });
        await vi.waitFor(() => expect(client.state.version).toBe(version + 1));
        const after = decodeKindView(client.state.kindView) as SlabKindView;
        expect(after.slabs.some((s) => s.id === empty.id)).toBe(false);
        expect(after.pages.held).toBe((view?.pages.held ?? 0) - empty.pages);
        released++;
        continue;
      }
      const hint = client.state.hints.find((h: Hint) => h.policy === 'slab-fullest');
      client.send('place', { requestId: client.state.pending.id, target: hint.target, version });
      await vi.waitFor(() => expect(client.state.version).toBe(version + 1));
    }
    await vi.waitFor(() => expect(client.state.phase).toBe('done'));
    expect(released).toBeGreaterThan(0);
    expect(refusals).toHaveLength(2);
    const results = await results$();
    expect(results.player.card.score).toBe(results.level.par.score);
    expect(results.replay.log.filter((e: { type: string }) => e.type === 'release')).toHaveLength(released);
  });

  it('[MATCH-VIEW-1] syncs the arenas and refuses release on the arena level', async () => {
    const room = await colyseus().createRoom('practice', { level: 'arenas' });
    const client = await colyseus().connectTo(room);
    await vi.waitFor(() => expect(client.state.kind).toBe('arena'));
    expect(client.state.canRelease).toBe(false);
    expect(decodeKindView(client.state.kindView)).toEqual({ kind: 'arena', arenas: [] });
    const refusals: Refusal[] = [];
    client.onMessage('refused', (r: Refusal) => refusals.push(r));
    client.send('place', { requestId: client.state.pending.id, target: -1, version: 0 });
    await vi.waitFor(() => expect(client.state.version).toBe(1));
    expect(decodeKindView(client.state.kindView)).toMatchObject({ kind: 'arena', arenas: [{ id: 0, liveObjects: 1 }] });
    client.send('release', { target: 0, version: 1 });
    client.send('place', { requestId: client.state.pending.id, target: 5, version: 1 });
    await vi.waitFor(() => expect(refusals.map((r) => r.code)).toEqual(['move/unsupported', 'arena/unknown']));
    expect(client.state.version).toBe(1);
  });
});
