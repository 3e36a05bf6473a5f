// Solo practice stops the round's clock while the player reads the level's explanation:
// `pause` and `resume` through a real server and SDK client. While paused the phase says
// so, moves are refused in words and change nothing, and the pending request's deadline
// moves later by the time paused; a malformed pause, or one after the round, is refused.
import { describe, expect, it, vi } from 'vitest';
import { appServer } from './app-server.ts';

const colyseus = appServer();

interface Refusal { code: string; message: string }

const PAUSE_MS = 800;

/** A practice round of the buddy walk-through (every request has a deadline), joined and started, its refusals collected, its first request pending. */
async function joinWalkthrough() {
  const room = await colyseus().createRoom('practice', { level: 'buddy-walkthrough' });
  const client = await colyseus().connectTo(room);
  const refusals: Refusal[] = [];
  client.onMessage('refused', (r: Refusal) => refusals.push(r));
  await vi.waitFor(() => expect(client.state.pending?.size).toBe(1));
  // The clock starts with the player ([MATCH-TIME-4]): start it, as the screen does after its 3-2-1.
  client.send('resume', {});
  await vi.waitFor(() => expect(client.state.phase).toBe('playing'));
  return { client, refusals };
}

describe('practice room: the clock stops while the player reads', () => {
  it('pauses, refuses moves while paused, and moves the deadline by the time paused', async () => {
    const { client, refusals } = await joinWalkthrough();
    const deadlineBefore: number = client.state.pending.deadline;
    expect(deadlineBefore).toBeGreaterThan(Date.now());

    const pausedAt = Date.now();
    client.send('pause', {});
    await vi.waitFor(() => expect(client.state.phase).toBe('paused'));
    client.send('place', { requestId: client.state.pending.id, target: 0, version: client.state.version });
    await vi.waitFor(() => expect(refusals.map((r) => r.code)).toEqual(['round/paused']));
    expect(refusals[0]?.message).toMatch(/paused while you read/);
    expect(client.state.version).toBe(0);

    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    client.send('resume', {});
    await vi.waitFor(() => expect(client.state.phase).toBe('playing'));
    const resumedAt = Date.now();
    const moved: number = client.state.pending.deadline - deadlineBefore;
    expect(moved).toBeGreaterThanOrEqual(PAUSE_MS - 50);
    expect(moved).toBeLessThanOrEqual(resumedAt - pausedAt + 50);

    // The round goes on.
    client.send('place', { requestId: client.state.pending.id, target: 0, version: client.state.version });
    await vi.waitFor(() => expect(client.state.version).toBe(1));
    expect(client.state.meters.fallbacks).toBe(0);
  });

  it('refuses a pause with fields, and a pause once the round is over', async () => {
    const { client, refusals } = await joinWalkthrough();

    client.send('pause', { seconds: 5 });
    await vi.waitFor(() => expect(refusals.map((r) => r.code)).toEqual(['message/unknown_field']));
    expect(client.state.phase).toBe('playing');

    client.send('place', { requestId: client.state.pending.id, target: 0, version: client.state.version });
    await vi.waitFor(() => expect(client.state.pending?.size).toBe(4));
    client.send('place', { requestId: client.state.pending.id, target: 4, version: client.state.version });
    await vi.waitFor(() => expect(client.state.phase).toBe('done'), { timeout: 5_000 });
    client.send('pause', {});
    await vi.waitFor(() => expect(refusals.map((r) => r.code)).toEqual(['message/unknown_field', 'match/over']));
    expect(client.state.phase).toBe('done');
  });
});
