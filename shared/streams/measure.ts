// Facts about a stream read from its events alone: counts, the largest request,
// and peak live bytes, which is the hard lower bound on any allocator's heap.
// Also a checker that a stream is well formed.

import { refuse, succeed, type Outcome } from '../core/outcome.ts';
import type { Stream } from './schedule.ts';

export interface StreamFacts {
  readonly allocs: number;
  readonly frees: number;
  readonly reallocs: number;
  /** The most bytes live at once (the requested sizes; a realloc counts its new size). */
  readonly peakLive: number;
  readonly maxSize: number;
  /** Tags in order of first appearance. */
  readonly tags: readonly string[];
}

/**
 * Counts and peak live bytes. A free of an id that is not live (free(NULL) is -1)
 * changes nothing; a realloc of an id that is not live acts as an alloc.
 */
export function measureStream(stream: Stream): StreamFacts {
  const live = new Map<number, number>();
  const tags = new Set<string>();
  let liveBytes = 0;
  let peakLive = 0;
  let allocs = 0;
  let frees = 0;
  let reallocs = 0;
  let maxSize = 0;
  for (const e of stream) {
    if (e.op === 'free') {
      frees++;
      liveBytes -= live.get(e.id) ?? 0;
      live.delete(e.id);
      continue;
    }
    if (e.op === 'alloc') {
      allocs++;
      if (e.tag !== undefined) tags.add(e.tag);
    } else reallocs++;
    liveBytes += e.size - (live.get(e.id) ?? 0);
    live.set(e.id, e.size);
    maxSize = Math.max(maxSize, e.size);
    peakLive = Math.max(peakLive, liveBytes);
  }
  return { allocs, frees, reallocs, peakLive, maxSize, tags: [...tags] };
}

/**
 * A stream is well formed when every alloc names an id that is not live, every
 * alloc and realloc asks for a whole number of bytes (0 gives nothing, and a
 * realloc to 0 frees), and every free names a live id or -1.
 */
export function checkStream(stream: Stream): Outcome<null, 'stream/malformed'> {
  const live = new Set<number>();
  for (let i = 0; i < stream.length; i++) {
    const e = stream[i];
    if (!e) continue;
    if (e.op === 'free') {
      if (e.id === -1) continue;
      if (!live.delete(e.id)) return refuse('stream/malformed', `event ${i} frees block ${e.id}, which is not live`);
      continue;
    }
    if (!Number.isInteger(e.size) || e.size < 0) return refuse('stream/malformed', `event ${i} asks for ${e.size} bytes`);
    if (e.op === 'alloc' && live.has(e.id)) return refuse('stream/malformed', `event ${i} allocates block ${e.id}, which is already live`);
    if (e.size > 0) live.add(e.id);
    else live.delete(e.id); // malloc(0) gives nothing; realloc(p, 0) frees
  }
  return succeed(null);
}
