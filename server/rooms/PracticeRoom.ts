// The practice room (thin slice): one player, one heap. It checks the shape of a
// `place` message, asks the engine, and mirrors the result into the synced state;
// a refusal goes back to the sender as { code, message }.

import { Room, type Client } from '@colyseus/core';
import { createMiniHeap, placePending, type MiniHeap } from '../../shared/slice/mini-heap.ts';
import { PracticeState, mirrorMiniHeap } from '../state/slice-state.ts';

const SLICE_HEAP_BYTES = 96;
const SLICE_REQUESTS = [16, 24, 8, 20, 12];

export interface PlaceMessage {
  readonly address: number;
  readonly version: number;
}

export function parsePlaceMessage(raw: unknown): PlaceMessage | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const keys = Object.keys(raw);
  if (keys.length !== 2 || !keys.includes('address') || !keys.includes('version')) return null;
  const { address, version } = raw as Record<string, unknown>;
  if (!Number.isSafeInteger(address) || !Number.isSafeInteger(version)) return null;
  return { address: address as number, version: version as number };
}

export class PracticeRoom extends Room<{ state: PracticeState }> {
  override maxClients = 1;
  override state = new PracticeState();
  private heap: MiniHeap = createMiniHeap(SLICE_HEAP_BYTES, SLICE_REQUESTS);

  override messages = {
    place: (client: Client, raw: unknown) => {
      const move = parsePlaceMessage(raw);
      if (!move) {
        client.send('refused', { code: 'message/malformed', message: 'a place move is { address, version } with whole numbers' });
        return;
      }
      const result = placePending(this.heap, move.address, move.version);
      if (!result.ok) {
        client.send('refused', { code: result.code, message: result.message });
        return;
      }
      this.heap = result.value;
      mirrorMiniHeap(this.state, this.heap);
    },
  };

  override onCreate(): void {
    mirrorMiniHeap(this.state, this.heap);
  }
}
