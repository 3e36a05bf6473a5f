// Arena allocator scenarios with layouts worked out by hand from shared/arena/SPEC.md.
import { describe, it, expect } from 'vitest';
import { ArenaAllocator } from '../../../shared/arena/arena.ts';
import { ARENA_POLICIES, arenaPerTag, arenaSingle, runArena } from '../../../shared/arena/policies.ts';
import type { ArenaRun } from '../../../shared/arena/policies.ts';
import { alloc, free } from '../../../shared/core/stream.ts';
import type { StreamEvent } from '../../../shared/core/stream.ts';

function codeOf(outcome: { ok: boolean; code?: string }): string | null {
  return outcome.ok ? null : (outcome.code ?? null);
}

function put(arenas: ArenaAllocator, id: number, size: number, target: number, tag?: string): number {
  const placed = arenas.allocate(id, size, target, tag);
  if (!placed.ok) throw new Error(`${placed.code}: ${placed.message}`);
  arenas.check();
  return placed.value.target;
}

function drop(arenas: ArenaAllocator, id: number): void {
  expect(arenas.free(id).ok).toBe(true);
  arenas.check();
}

function snapshot(arenas: ArenaAllocator): string {
  return JSON.stringify({ views: arenas.arenaViews(), walk: arenas.walk(), figures: arenas.figures(), gauge: arenas.gauge() });
}

/** Two arenas on 100-byte chunks, 4-byte alignment, a 300-byte limit (see the first test). */
function twoArenas(): ArenaAllocator {
  const arenas = new ArenaAllocator({ chunkSize: 100, align: 4, limit: 300 });
  put(arenas, 1, 30, -1, 'parse'); // arena 0, chunk [0, 100): 32 bytes at 0
  put(arenas, 2, 50, 0); // 52 bytes at 32; 16 left
  put(arenas, 3, 20, 0); // does not fit: a new chunk at 100, the 16 bytes abandoned
  put(arenas, 4, 90, -1, 'render'); // arena 1: 92 bytes at 0
  return arenas;
}

describe('bumping objects into arenas', () => {
  it('[AR-INIT-1] [AR-MOVE-1] [AR-MOVE-2] [AR-CHUNK-1] bumps objects, grows by chunks and abandons the tail', () => {
    const arenas = twoArenas();
    expect(arenas.placeOf(2)).toEqual({ arena: 0, offset: 32 });
    expect(arenas.placeOf(3)).toEqual({ arena: 0, offset: 100 });
    expect(arenas.arenaViews()).toEqual([
      { id: 0, label: 'parse', chunks: 2, bytesHeld: 200, liveObjects: 3, deadObjects: 0, room: 80 },
      { id: 1, label: 'render', chunks: 1, bytesHeld: 100, liveObjects: 1, deadObjects: 0, room: 8 },
    ]);
    expect(arenas.gauge()).toEqual({ liveBytes: 190, heapBytes: 300, freeBytes: 88, largestFree: 80, internalBytes: 6 });
    expect(arenas.figures()).toEqual({
      bytesHeld: 300,
      peakBytesHeld: 300,
      openArenas: 2,
      peakOpenArenas: 2,
      arenasOpened: 2,
      chunks: 3,
      deadBytes: 0,
      abandonedBytes: 16,
      roomBytes: 88,
      internalBytes: 6,
    });
  });

  it('[AR-CHUNK-1] an object larger than a chunk gets a chunk of whole chunks', () => {
    const arenas = new ArenaAllocator({ chunkSize: 100, align: 4 });
    put(arenas, 1, 250, -1);
    expect(arenas.arenaViews()[0]).toMatchObject({ chunks: 1, bytesHeld: 300, room: 48 });
  });

  it('[AR-MOVE-1] [AR-MOVE-3] [AR-MOVE-4] refuses unknown arenas, the limit, duplicates and bad sizes, changing nothing', () => {
    const arenas = twoArenas();
    const before = snapshot(arenas);
    expect(codeOf(arenas.allocate(5, 250, 0))).toBe('arena/limit');
    expect(codeOf(arenas.allocate(5, 10, -1))).toBe('arena/limit');
    expect(codeOf(arenas.allocate(5, 10, 1))).toBe('arena/limit'); // 12 bytes do not fit in the 8 left
    expect(codeOf(arenas.allocate(5, 10, 7))).toBe('arena/unknown');
    expect(codeOf(arenas.allocate(5, 10, -2))).toBe('arena/unknown');
    expect(codeOf(arenas.allocate(1, 10, 0))).toBe('request/duplicate');
    expect(codeOf(arenas.allocate(5, 0, 0))).toBe('request/bad_size');
    expect(codeOf(arenas.free(5))).toBe('request/unknown');
    expect(snapshot(arenas)).toBe(before);
    expect(put(arenas, 5, 8, 1)).toBe(1); // exactly the room left
  });
});

describe('frees', () => {
  it('[AR-FREE-1] [AR-CLOSE-1] [AR-CHECK-5] holds dead bytes until the last object of the arena dies', () => {
    const arenas = twoArenas();
    drop(arenas, 1);
    expect(arenas.walk()).toEqual([
      { start: 0, size: 32, state: 'unused', area: 'arena:0' },
      { start: 32, size: 52, state: 'live', id: 2, requested: 50, area: 'arena:0' },
      { start: 84, size: 16, state: 'unused', area: 'arena:0' },
      { start: 100, size: 20, state: 'live', id: 3, requested: 20, area: 'arena:0' },
      { start: 120, size: 80, state: 'free', area: 'arena:0' },
      { start: 0, size: 92, state: 'live', id: 4, requested: 90, tag: 'render', area: 'arena:1' },
      { start: 92, size: 8, state: 'free', area: 'arena:1' },
    ]);
    expect(arenas.figures()).toMatchObject({ bytesHeld: 300, deadBytes: 32 });
    drop(arenas, 3);
    drop(arenas, 2); // arena 0 closes
    expect(arenas.arenaViews().map((v) => v.id)).toEqual([1]);
    expect(arenas.figures()).toMatchObject({ bytesHeld: 100, deadBytes: 0, abandonedBytes: 0, roomBytes: 8, openArenas: 1 });
    expect(codeOf(arenas.allocate(9, 4, 0))).toBe('arena/unknown'); // a closed arena is gone
    drop(arenas, 4);
    expect(arenas.gauge()).toEqual({ liveBytes: 0, heapBytes: 0, freeBytes: 0, largestFree: 0, internalBytes: 0 });
    expect(arenas.walk()).toEqual([]);
  });
});

describe('policies', () => {
  it('[AR-POL-1] [AR-POL-2] one arena per tag, or one for everything', () => {
    const arenas = new ArenaAllocator();
    expect(arenaPerTag.choose(arenas, 10, 'x')).toBe(-1);
    put(arenas, 1, 10, -1, 'x'); // arena 0
    expect(arenaPerTag.choose(arenas, 10, 'y')).toBe(-1);
    expect(arenaSingle.choose(arenas, 10, 'y')).toBe(0);
    put(arenas, 2, 10, -1, 'y'); // arena 1
    put(arenas, 3, 10, -1); // arena 2, untagged
    expect(arenaPerTag.choose(arenas, 10, 'x')).toBe(0);
    expect(arenaPerTag.choose(arenas, 10, 'y')).toBe(1);
    expect(arenaPerTag.choose(arenas, 10)).toBe(2);
    expect(arenaSingle.choose(arenas, 10, 'x')).toBe(2);
    drop(arenas, 3);
    expect(arenaSingle.choose(arenas, 10, 'x')).toBe(1);
    put(arenas, 4, 10, -1, 'x'); // arena 3: now the newest labelled x
    expect(arenaPerTag.choose(arenas, 10, 'x')).toBe(3);
  });

  it('[AR-POL-3] a new arena when the object does not fit within the limit, else nothing', () => {
    const arenas = new ArenaAllocator({ chunkSize: 100, align: 4, limit: 200 });
    put(arenas, 1, 90, -1, 'x');
    expect(arenaPerTag.choose(arenas, 20, 'x')).toBe(0); // a second chunk for arena 0 still fits the limit
    put(arenas, 2, 100, -1, 'y');
    expect(arenaPerTag.choose(arenas, 8, 'x')).toBe(0);
    expect(arenaPerTag.choose(arenas, 20, 'x')).toBeNull();
    expect(arenaSingle.choose(arenas, 20)).toBeNull();
  });

  it('registers the policies by name', () => {
    expect([...ARENA_POLICIES.keys()]).toEqual(['arena-per-tag', 'arena-single']);
  });
});

describe('runArena', () => {
  // One long-lived object, then three phases that each allocate two 1500-byte objects and free them.
  const phases: StreamEvent[] = [alloc(100, 1000, 'keep')];
  for (let phase = 0; phase < 3; phase++) {
    phases.push(alloc(2 * phase, 1500, 'parse'), alloc(2 * phase + 1, 1500, 'parse'), free(2 * phase), free(2 * phase + 1));
  }

  function run(policy: string): ArenaRun {
    const result = runArena(phases, policy);
    if (!result.ok) throw new Error(result.message);
    return result.value;
  }

  it('[AR-RUN-1] [AR-METRIC-1] [AR-METRIC-2] one arena per tag gives each phase back', () => {
    expect(run('arena-per-tag')).toEqual({
      policy: 'arena-per-tag',
      ops: 13,
      failures: 0,
      peakLive: 4000,
      peakHeap: 8192,
      utilization: 4000 / 8192,
      fragmentation: 4192 / 4000,
      firstFailure: null,
      bytesHeld: 4096,
      peakBytesHeld: 8192,
      openArenas: 1,
      peakOpenArenas: 2,
      arenasOpened: 4,
      chunks: 1,
      deadBytes: 0,
      abandonedBytes: 0,
      roomBytes: 3096,
      internalBytes: 0,
      peakInternalBytes: 8,
    });
  });

  it('[AR-RUN-1] [AR-FREE-1] a single arena keeps every dead phase while one object lives', () => {
    const result = run('arena-single');
    expect(result.peakHeap).toBe(12288);
    expect(result).toMatchObject({ bytesHeld: 12288, chunks: 3, deadBytes: 6 * 1504, abandonedBytes: 88 + 1088, roomBytes: 1088, arenasOpened: 1 });
  });

  it('[AR-INIT-1] [AR-RUN-1] refuses an alignment that does not divide the chunk size', () => {
    const run = runArena([], 'arena-single', { arena: { chunkSize: 4096, align: 3 } });
    expect(run.ok ? null : run.code).toBe('options/invalid');
  });

  it('[AR-RUN-1] refuses an unknown policy name and fails requests past the limit', () => {
    const unknown = runArena([], 'best-fit');
    expect(unknown.ok ? null : unknown.code).toBe('policy/unknown');
    const limited = runArena([alloc(1, 5000), alloc(2, 10), alloc(3, 4000)], 'arena-single', { arena: { limit: 8192 } });
    if (!limited.ok) throw new Error(limited.message);
    expect(limited.value.failures).toBe(1);
    // 5000 bytes take two chunks (8192); 10 bytes fit in the room (3192 -> 3176); 4000 need a third chunk.
    expect(limited.value.firstFailure).toEqual({ op: 2, size: 4000, freeBytes: 3176, largestFree: 3176 });
  });
});
