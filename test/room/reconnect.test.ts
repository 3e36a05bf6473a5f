// A dropped connection in solo practice: the socket is cut under a real SDK client,
// the SDK reconnects by itself, and the player is back in the same match with their
// moves kept and the round's clock stopped while they were away. The client's
// connection watch (client/src/net/connection-watch.ts) is driven by the same SDK.
import { describe, expect, it, vi } from 'vitest';
import { listenForResults } from './results-message.ts';
import { watchConnection } from '../../client/src/net/connection-watch.ts';
import { appServer } from './app-server.ts';

const colyseus = appServer();

/** The first retry waits this long, so the time away is long enough to see on the clock. */
const RETRY_DELAY_MS = 1500;

interface Region { start: number; size: number; state: string }

describe('practice room: a dropped connection', () => {
  it('comes back to the same match with its moves kept, and the clock stood still while it was away', async () => {
    // The buddy walk-through as a curriculum level: 30 s per request, so the pending request has a deadline.
    const room = await colyseus().createRoom('practice', { level: 'buddy-walkthrough' });
    const client = await colyseus().connectTo(room);
    const results$ = listenForResults(client);
    // The SDK only reconnects a room that has been up for `minUptime` (5 s by default); a test need not wait.
    client.reconnection.minUptime = 0;
    client.reconnection.minDelay = RETRY_DELAY_MS;
    const events: string[] = [];
    client.onDrop(() => events.push('drop'));
    client.onReconnect(() => events.push('reconnect'));
    client.onLeave(() => events.push('leave'));

    await vi.waitFor(() => expect(client.state.pending?.size).toBe(1));
    client.send('place', { requestId: client.state.pending.id, target: 0, version: client.state.version });
    await vi.waitFor(() => expect(client.state.pending?.size).toBe(4));
    const deadlineBefore: number = client.state.pending.deadline;
    expect(deadlineBefore).toBeGreaterThan(Date.now());
    const sessionId = client.sessionId;

    // Cut the socket without a close handshake (as a lost network does): both ends see an abnormal close.
    const seat = room.clients[0] as unknown as { ref: { terminate(): void } };
    const cutAt = Date.now();
    seat.ref.terminate();
    await vi.waitFor(() => expect(events).toContain('drop'), { timeout: 5_000 });
    await vi.waitFor(() => expect(events).toContain('reconnect'), { timeout: 15_000 });
    const backAt = Date.now();
    expect(events).not.toContain('leave');

    // The same seat in the same room, the first block still where it was put.
    expect(client.sessionId).toBe(sessionId);
    expect(room.clients.length).toBe(1);
    expect(client.state.version).toBe(1);
    expect(client.state.regions.filter((r: Region) => r.state === 'live').map((r: Region) => [r.start, r.size])).toEqual([[0, 1]]);

    // The deadline moved later by the time away (at least the SDK's retry delay, at most the whole outage):
    // no time ran off the player's clock while they were disconnected.
    await vi.waitFor(() => expect(client.state.pending.deadline).toBeGreaterThan(deadlineBefore));
    const moved = client.state.pending.deadline - deadlineBefore;
    expect(moved).toBeGreaterThanOrEqual(RETRY_DELAY_MS - 100);
    expect(moved).toBeLessThanOrEqual(backAt - cutAt + 100);
    expect(client.state.meters.fallbacks).toBe(0);

    // The round goes on: the next move is accepted and the walk-through finishes.
    client.send('place', { requestId: client.state.pending.id, target: 4, version: client.state.version });
    await vi.waitFor(() => expect(client.state.phase).toBe('done'), { timeout: 5_000 });
    const results = await results$();
    expect(results.player.summary.failures).toBe(0);
    expect(client.state.meters.fallbacks).toBe(0);
  });

  it('sends moves made while disconnected once it is back', async () => {
    const room = await colyseus().createRoom('practice', { level: 'buddy-walkthrough' });
    const client = await colyseus().connectTo(room);
    client.reconnection.minUptime = 0;
    client.reconnection.minDelay = 500;
    let reconnected = false;
    client.onReconnect(() => (reconnected = true));
    await vi.waitFor(() => expect(client.state.pending?.size).toBe(1));
    const requestId: number = client.state.pending.id;

    (room.clients[0] as unknown as { ref: { terminate(): void } }).ref.terminate();
    // The SDK keeps a move sent while the socket is down and sends it after reconnecting.
    await vi.waitFor(() => expect(client.connection.isOpen).toBe(false), { timeout: 5_000 });
    client.send('place', { requestId, target: 0, version: 0 });
    await vi.waitFor(() => expect(reconnected).toBe(true), { timeout: 15_000 });
    await vi.waitFor(() => expect(client.state.version).toBe(1), { timeout: 5_000 });
    expect(client.state.pending.size).toBe(4);
  });
});

describe('watchConnection on a real SDK room', () => {
  const cut = (room: { clients: unknown[] }) => (room.clients[0] as { ref: { terminate(): void } }).ref.terminate();

  it('says lost once per outage, back when reconnected, gone when the room is left; unwatch stops it', async () => {
    const room = await colyseus().createRoom('practice', {});
    const client = await colyseus().connectTo(room);
    client.reconnection.minUptime = 0;
    client.reconnection.minDelay = 300;
    // A retry that comes before the server has seen the drop fails; keep the backoff short so a busy machine still reconnects soon.
    client.reconnection.maxDelay = 1_000;
    // Retries that come while a loaded test machine has not yet handled the drop fail; allow
    // enough of them (about 40 s) that only a server that never takes the player back says gone.
    client.reconnection.maxRetries = 40;
    const heard: string[] = [];
    const unwatch = watchConnection(client, { lost: () => heard.push('lost'), back: () => heard.push('back'), gone: (code) => heard.push(`gone ${code}`) });

    // The SDK signals a drop again on every failed retry; the watch has already said so.
    // (Played here as a second drop signal straight after the first.)
    let echoed = false;
    client.onDrop(() => {
      if (echoed) return;
      echoed = true;
      expect(heard).toEqual(['lost']);
      client.onDrop.invoke(1006, 'retry failed');
    });
    cut(room);
    await vi.waitFor(() => expect(echoed).toBe(true), { timeout: 5_000 });
    await vi.waitFor(() => expect(heard).toEqual(['lost', 'back']), { timeout: 20_000 });

    // A second outage is a new one.
    cut(room);
    await vi.waitFor(() => expect(heard).toEqual(['lost', 'back', 'lost', 'back']), { timeout: 20_000 });

    unwatch();
    unwatch();
    let sdkReconnects = 0;
    client.onReconnect(() => sdkReconnects++);
    cut(room);
    await vi.waitFor(() => expect(sdkReconnects).toBe(1), { timeout: 20_000 });
    expect(heard).toEqual(['lost', 'back', 'lost', 'back']);
    await client.leave(true);
  }, 70_000); // three outages, each waiting for the SDK's retries: slow on a loaded machine

  it('says gone (with the close code) when the player leaves, and unwatch afterwards leaves other listeners alone', async () => {
    const room = await colyseus().createRoom('practice', {});
    const client = await colyseus().connectTo(room);
    const heard: string[] = [];
    const unwatch = watchConnection(client, { gone: (code) => heard.push(`gone ${code}`) });
    await client.leave(true);
    expect(heard).toEqual(['gone 4000']);
    // After leaving, the SDK has dropped every listener; listeners added later must survive unwatch().
    let later = 0;
    client.onLeave(() => later++);
    unwatch();
    client.onLeave.invoke(4000);
    expect(later).toBe(1);
  });
});
