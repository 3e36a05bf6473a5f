// A practice round's clock starts with the player ([MATCH-TIME-4]): through a real
// server and SDK client, the round waits (phase `waiting`, the deadline standing still)
// until `resume` or the player's first move, which is played.
import { describe, expect, it, vi } from 'vitest';
import { appServer } from './app-server.ts';

const colyseus = appServer();

/** The buddy walk-through (30 s per request), joined, its first request pending. */
async function joinWalkthrough() {
  const room = await colyseus().createRoom('practice', { level: 'buddy-walkthrough' });
  const client = await colyseus().connectTo(room);
  await vi.waitFor(() => expect(client.state.pending?.size).toBe(1));
  return client;
}

describe('practice room: the clock starts with the player [MATCH-TIME-4]', () => {
  it('[MATCH-TIME-4] waits until resume, and the deadline moves later by the time waited', async () => {
    const client = await joinWalkthrough();
    expect(client.state.phase).toBe('waiting');
    const deadlineBefore: number = client.state.pending.deadline;
    const joinedAt = Date.now();
    // The wait is measured by the server's own clock: resume only once some time has gone by.
    await vi.waitFor(() => expect(Date.now() - joinedAt).toBeGreaterThanOrEqual(300), { interval: 50 });
    client.send('resume', {});
    await vi.waitFor(() => expect(client.state.phase).toBe('playing'));
    expect(client.state.pending.deadline - deadlineBefore).toBeGreaterThanOrEqual(250);
    expect(client.state.version).toBe(0);
  });

  it('[MATCH-TIME-4] the first move starts the clock and is played', async () => {
    const client = await joinWalkthrough();
    expect(client.state.phase).toBe('waiting');
    client.send('place', { requestId: client.state.pending.id, target: 0, version: client.state.version });
    await vi.waitFor(() => expect(client.state.version).toBe(1));
    expect(client.state.phase).toBe('playing');
    expect(client.state.pending.size).toBe(4);
    expect(client.state.pending.deadline).toBeGreaterThan(Date.now());
  });

  it('[MATCH-TIME-4] reading before the start keeps the round paused until resume', async () => {
    const client = await joinWalkthrough();
    client.send('pause', {});
    await vi.waitFor(() => expect(client.state.phase).toBe('paused'));
    client.send('resume', {});
    await vi.waitFor(() => expect(client.state.phase).toBe('playing'));
  });
});
