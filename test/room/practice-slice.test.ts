import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { boot, type ColyseusTestServer } from '@colyseus/testing';
import appConfig from '../../server/app.config.ts';

let colyseus: ColyseusTestServer;

beforeAll(async () => {
  colyseus = await boot(appConfig, 2611);
});
afterAll(async () => {
  await colyseus.shutdown();
});

describe('practice room (thin slice)', () => {
  it('accepts a legal placement from a real SDK client and syncs the block back', async () => {
    const room = await colyseus.createRoom('practice', {});
    const client = await colyseus.connectTo(room);
    await vi.waitFor(() => expect(client.state.pending).toBe(16));
    client.send('place', { address: 8, version: 0 });
    await vi.waitFor(() => expect(client.state.blocks.length).toBe(1));
    expect(client.state.blocks[0]?.toJSON()).toEqual({ id: 1, address: 8, size: 16 });
    expect(client.state.pending).toBe(24);
    expect(client.state.version).toBe(1);
  });

  it('answers an overlapping or malformed move with a code and leaves the state alone', async () => {
    const room = await colyseus.createRoom('practice', {});
    const client = await colyseus.connectTo(room);
    client.send('place', { address: 0, version: 0 });
    await vi.waitFor(() => expect(client.state.version).toBe(1));
    const refusals: { code: string; message: string }[] = [];
    client.onMessage('refused', (r: { code: string; message: string }) => refusals.push(r));
    client.send('place', { address: 4, version: 1 });
    client.send('place', { address: 'x', version: 1 });
    client.send('place', { address: 40, version: 1, extra: true });
    await vi.waitFor(() => expect(refusals.length).toBe(3));
    expect(refusals[0]).toEqual({ code: 'place/overlaps', message: 'that spot overlaps block 1' });
    expect(refusals[1]?.code).toBe('message/malformed');
    expect(refusals[2]?.code).toBe('message/malformed');
    expect(room.state.blocks.length).toBe(1);
    expect(room.state.version).toBe(1);
  });

  it('answers GET /health', async () => {
    const res = await colyseus.http.get('/health');
    expect(res.data).toEqual({ ok: true });
  });
});
