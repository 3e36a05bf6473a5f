// Coming back to a gone class (client/src/net/rejoin-when-up.ts): the join is tried as soon
// as the server answers /health, not on a fixed delay; a join that does not settle is tried
// again; nothing more happens once the scene that asked has shut down. The browser's fetch
// and clock are stand-ins here: the server "answers" from the moment a test says so.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import { REJOIN_POLL_MS, rejoinWhenServerAnswers } from '../../../client/src/net/rejoin-when-up.ts';
import type { LinkOwner } from '../../../client/src/net/room-link.ts';

let up = false;
let asked = 0;

beforeEach(() => {
  up = false;
  asked = 0;
  vi.useFakeTimers();
  vi.stubGlobal('window', { location: { protocol: 'http:', hostname: '127.0.0.1', port: '2567', origin: 'http://127.0.0.1:2567' } });
  vi.stubGlobal('fetch', async (url: string) => {
    expect(url).toBe('http://127.0.0.1:2567/health');
    asked++;
    if (!up) throw new TypeError('Failed to fetch');
    return { ok: true, json: async () => ({ bootId: 'after-the-restart' }) };
  });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** A scene as the helper sees it: something that says when it shuts down (Node's emitter stands in for Phaser's). */
function scene(): LinkOwner & { events: EventEmitter } {
  return { events: new EventEmitter() } as unknown as LinkOwner & { events: EventEmitter };
}

describe('rejoinWhenServerAnswers', () => {
  it('keeps asking while the server is down and joins at the first answer', async () => {
    const attempts: number[] = [];
    rejoinWhenServerAnswers(scene(), 0, () => {
      attempts.push(asked);
      return true;
    });
    await vi.advanceTimersByTimeAsync(5 * REJOIN_POLL_MS);
    expect(attempts).toEqual([]);
    expect(asked).toBeGreaterThanOrEqual(5);
    up = true;
    await vi.advanceTimersByTimeAsync(REJOIN_POLL_MS);
    expect(attempts).toHaveLength(1);
    // A settled attempt ends it: nothing is asked or tried after.
    const askedThen = asked;
    await vi.advanceTimersByTimeAsync(10 * REJOIN_POLL_MS);
    expect(asked).toBe(askedThen);
    expect(attempts).toHaveLength(1);
  });

  it('with the server up, tries at once after the first delay, and again while an attempt does not settle', async () => {
    up = true;
    let tries = 0;
    rejoinWhenServerAnswers(scene(), 0, async () => ++tries >= 3);
    await vi.advanceTimersByTimeAsync(0);
    expect(tries).toBe(1);
    await vi.advanceTimersByTimeAsync(REJOIN_POLL_MS);
    expect(tries).toBe(2);
    await vi.advanceTimersByTimeAsync(REJOIN_POLL_MS);
    expect(tries).toBe(3);
    await vi.advanceTimersByTimeAsync(10 * REJOIN_POLL_MS);
    expect(tries).toBe(3);
  });

  it('waits the first delay before asking', async () => {
    up = true;
    let tries = 0;
    rejoinWhenServerAnswers(scene(), 3 * REJOIN_POLL_MS, () => (++tries, true));
    await vi.advanceTimersByTimeAsync(3 * REJOIN_POLL_MS - 1);
    expect(tries).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(tries).toBe(1);
  });

  it('stops for good when the scene shuts down', async () => {
    const owner = scene();
    let tries = 0;
    rejoinWhenServerAnswers(owner, 0, () => (++tries, true));
    await vi.advanceTimersByTimeAsync(2 * REJOIN_POLL_MS);
    owner.events.emit('shutdown');
    const askedThen = asked;
    up = true;
    await vi.advanceTimersByTimeAsync(10 * REJOIN_POLL_MS);
    expect(tries).toBe(0);
    expect(asked).toBe(askedThen);
  });
});
