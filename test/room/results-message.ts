// A practice round's results arrive as a `results` message (not in the synced state:
// issue #12, item 17). Listen from the start, then wait for them.
import { expect, vi } from 'vitest';

interface Listens {
  onMessage(type: string, callback: (payload: unknown) => void): unknown;
}

/** Starts listening for `client`'s results; the returned function waits for them and parses them. */
export function listenForResults(client: Listens): () => Promise<ReturnType<typeof JSON.parse>> {
  let json: string | null = null;
  client.onMessage('results', (payload) => {
    json = typeof payload === 'string' ? payload : null;
  });
  return async () => {
    await vi.waitFor(() => expect(json).not.toBeNull(), { timeout: 10_000 });
    return JSON.parse(json ?? 'null');
  };
}
