// The arena (obstack) allocator (DESIGN §2.1, rules in shared/arena/SPEC.md): bump-pointer
// arenas grown in chunks. The player puts an object into an open arena or a new one; an
// object's bytes are never reused on their own: an arena gives all its chunks back only
// when every object in it is dead, and then it closes. Requests carry a tag (a phase or
// call site); the tag of the object that opened an arena labels it.

import type { Allocator, RegionView, Target } from '../core/allocator.ts';
import type { HeapGauge } from '../core/metrics.ts';
import { invariant, refuse, succeed } from '../core/outcome.ts';
import type { Outcome } from '../core/outcome.ts';

export interface ArenaOptions {
  /** Arenas grow by whole chunks of this many bytes (default 4096). */
  readonly chunkSize?: number;
  /** Objects start at multiples of this (default 8); each takes its size rounded up to it. */
  readonly align?: number;
  /** Bytes all arenas together may hold (default: no limit). */
  readonly limit?: number;
}

export type ArenaRefusalCode = 'request/duplicate' | 'request/bad_size' | 'request/unknown' | 'arena/unknown' | 'arena/limit';

export interface ArenaView {
  readonly id: number;
  /** The tag of the object that opened the arena ('' for none). */
  readonly label: string;
  readonly chunks: number;
  readonly bytesHeld: number;
  readonly liveObjects: number;
  readonly deadObjects: number;
  /** Bytes left at the end of the current chunk. */
  readonly room: number;
}

export interface ArenaFigures {
  readonly bytesHeld: number;
  readonly peakBytesHeld: number;
  readonly openArenas: number;
  readonly peakOpenArenas: number;
  readonly arenasOpened: number;
  readonly chunks: number;
  /** Bytes of dead objects still held because their arena has live ones. */
  readonly deadBytes: number;
  /** Tails of chunks left behind when an object did not fit and a new chunk began. */
  readonly abandonedBytes: number;
  /** Bytes left at the end of the arenas' current chunks. */
  readonly roomBytes: number;
  /** Rounding of live objects up to the alignment. */
  readonly internalBytes: number;
}

interface Chunk {
  /** Offset of the chunk in its arena (the sum of the chunks before it). */
  readonly start: number;
  readonly size: number;
  used: number;
}

interface ArenaObject {
  readonly id: number;
  readonly arena: Arena;
  readonly chunk: Chunk;
  /** Offset within the chunk. */
  readonly offset: number;
  /** Bytes taken: the request rounded up to the alignment. */
  readonly size: number;
  readonly requested: number;
  readonly tag: string | undefined;
  live: boolean;
}

interface Arena {
  readonly id: number;
  readonly label: string;
  readonly chunks: Chunk[];
  /** Every object ever bumped into the arena, in order. */
  readonly objects: ArenaObject[];
  liveObjects: number;
}

function isPositiveInteger(n: number): boolean {
  return Number.isInteger(n) && n > 0;
}

function roundUp(n: number, multiple: number): number {
  return Math.ceil(n / multiple) * multiple;
}

function currentChunk(arena: Arena): Chunk | undefined {
  return arena.chunks[arena.chunks.length - 1];
}

/** The newest id on a stack that is still open, dropping closed ones from the top. */
function newestOpen(stack: number[] | undefined, open: ReadonlyMap<number, Arena>): number | null {
  if (!stack) return null;
  for (let top = stack[stack.length - 1]; top !== undefined; top = stack[stack.length - 1]) {
    if (open.has(top)) return top;
    stack.pop();
  }
  return null;
}

const DEFAULT_CHUNK_SIZE = 4096;
const DEFAULT_ALIGN = 8;

/** What is wrong with the options, in words, or null when they are fine. */
export function arenaOptionsProblem(options: ArenaOptions): string | null {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const align = options.align ?? DEFAULT_ALIGN;
  if (!isPositiveInteger(chunkSize)) return `chunkSize must be a whole number of bytes above 0, not ${chunkSize}`;
  if (!isPositiveInteger(align) || chunkSize % align !== 0) return `align must be a whole number above 0 that divides the chunk size (${chunkSize}), not ${align}`;
  if (!((options.limit ?? Infinity) >= 0)) return `limit must not be negative, not ${options.limit}`;
  return null;
}

export class ArenaAllocator implements Allocator {
  readonly kind = 'arena' as const;
  readonly chunkSize: number;
  readonly align: number;
  readonly limit: number;

  /** Open arenas by id, in id order. */
  private readonly open = new Map<number, Arena>();
  /** Arena ids by label, oldest first (closed ones are dropped lazily). */
  private readonly byLabel = new Map<string, number[]>();
  /** All arena ids, oldest first (closed ones are dropped lazily). */
  private readonly opened: number[] = [];
  private readonly live = new Map<number, ArenaObject>();
  private nextArenaId = 0;
  private bytesHeld = 0;
  private peakBytesHeld = 0;
  private peakOpenArenas = 0;
  private chunkCount = 0;
  private liveBytes = 0;
  private internalBytes = 0;
  private deadBytes = 0;
  private abandonedBytes = 0;
  private roomBytes = 0;

  constructor(options: ArenaOptions = {}) {
    const problem = arenaOptionsProblem(options);
    if (problem) invariant(false, problem);
    this.chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
    this.align = options.align ?? DEFAULT_ALIGN;
    this.limit = options.limit ?? Infinity;
  }

  // ---- moves -------------------------------------------------------------------

  /** Bumps request `id` into arena `target`, or into a new arena when `target` is -1. */
  allocate(id: number, size: number, target: Target, tag?: string): Outcome<{ readonly target: Target }, ArenaRefusalCode> {
    if (this.live.has(id)) return refuse('request/duplicate', `Request ${id} already has a place.`);
    if (!isPositiveInteger(size)) return refuse('request/bad_size', `A request must be a whole number of bytes above 0, not ${size}.`);
    const arena = target === -1 ? null : this.open.get(target);
    if (arena === undefined) return refuse('arena/unknown', `There is no open arena ${target}; choose one, or -1 for a new arena.`);
    const growth = this.growthFor(arena, size);
    if (this.bytesHeld + growth > this.limit) {
      return refuse('arena/limit', `That needs a new chunk of ${growth} bytes, past the limit of ${this.limit} (${this.bytesHeld} held).`);
    }
    const into = arena ?? this.openArena(tag ?? '');
    this.bump(into, id, size, tag);
    return succeed({ target: into.id });
  }

  /** Marks the object dead; when it was its arena's last live one, the arena closes and its chunks go back. */
  free(id: number): Outcome<null, ArenaRefusalCode> {
    const object = this.live.get(id);
    if (!object) return refuse('request/unknown', `Request ${id} has no live object to free.`);
    this.live.delete(id);
    object.live = false;
    const { arena } = object;
    arena.liveObjects--;
    this.liveBytes -= object.requested;
    this.internalBytes -= object.size - object.requested;
    this.deadBytes += object.size;
    if (arena.liveObjects === 0) this.closeArena(arena);
    return succeed(null);
  }

  // ---- what a policy asks ------------------------------------------------------------

  /** [AR-POL-1] The newest open arena labelled `tag` ('' for untagged), or null. */
  arenaForTag(tag: string | undefined): number | null {
    return newestOpen(this.byLabel.get(tag ?? ''), this.open);
  }

  /** [AR-POL-2] The newest open arena, or null. */
  newestArena(): number | null {
    return newestOpen(this.opened, this.open);
  }

  /** Whether `size` bytes can go into arena `target` (or a new one, -1) within the limit. */
  canPlace(target: Target, size: number): boolean {
    const arena = target === -1 ? null : this.open.get(target);
    if (arena === undefined || !isPositiveInteger(size)) return false;
    return this.bytesHeld + this.growthFor(arena, size) <= this.limit;
  }

  // ---- views -----------------------------------------------------------------------

  isLive(id: number): boolean {
    return this.live.has(id);
  }

  /** The arena and the offset in it of object `id`. */
  placeOf(id: number): { readonly arena: number; readonly offset: number } | undefined {
    const object = this.live.get(id);
    return object ? { arena: object.arena.id, offset: object.chunk.start + object.offset } : undefined;
  }

  arenaViews(): ArenaView[] {
    return [...this.open.values()].map((arena) => ({
      id: arena.id,
      label: arena.label,
      chunks: arena.chunks.length,
      bytesHeld: arena.chunks.reduce((sum, chunk) => sum + chunk.size, 0),
      liveObjects: arena.liveObjects,
      deadObjects: arena.objects.length - arena.liveObjects,
      room: this.roomOf(arena),
    }));
  }

  figures(): ArenaFigures {
    return {
      bytesHeld: this.bytesHeld,
      peakBytesHeld: this.peakBytesHeld,
      openArenas: this.open.size,
      peakOpenArenas: this.peakOpenArenas,
      arenasOpened: this.nextArenaId,
      chunks: this.chunkCount,
      deadBytes: this.deadBytes,
      abandonedBytes: this.abandonedBytes,
      roomBytes: this.roomBytes,
      internalBytes: this.internalBytes,
    };
  }

  gauge(): HeapGauge {
    return {
      liveBytes: this.liveBytes,
      heapBytes: this.bytesHeld,
      freeBytes: this.roomBytes,
      largestFree: this.largestRoom(),
      internalBytes: this.internalBytes,
    };
  }

  /** Each open arena in id order, in address order within it: live objects, dead ones ('unused'), the room ('free') and abandoned tails ('unused'). */
  walk(): RegionView[] {
    return [...this.open.values()].flatMap((arena) => this.regionsOf(arena).sort((a, b) => a.start - b.start));
  }

  /** Throws when an invariant of SPEC.md §Checker is broken. */
  check(): void {
    this.checkArenas();
    this.checkObjects();
    this.checkLookups();
    this.checkCounters();
  }

  // ---- bookkeeping -------------------------------------------------------------------

  /** Bytes of new chunk that placing `size` bytes into `arena` (null: a new arena) would take. */
  private growthFor(arena: Arena | null, size: number): number {
    const bytes = roundUp(size, this.align);
    const chunk = arena ? currentChunk(arena) : undefined;
    if (chunk && chunk.used + bytes <= chunk.size) return 0;
    return roundUp(bytes, this.chunkSize);
  }

  private regionsOf(arena: Arena): RegionView[] {
    const area = `arena:${arena.id}`;
    const current = currentChunk(arena);
    const regions: RegionView[] = arena.objects.map((object) => {
      const start = object.chunk.start + object.offset;
      if (!object.live) return { start, size: object.size, state: 'unused', area };
      const tag = object.tag === undefined ? {} : { tag: object.tag };
      return { start, size: object.size, state: 'live', id: object.id, requested: object.requested, area, ...tag };
    });
    for (const chunk of arena.chunks) {
      if (chunk.used === chunk.size) continue;
      regions.push({ start: chunk.start + chunk.used, size: chunk.size - chunk.used, state: chunk === current ? 'free' : 'unused', area });
    }
    return regions;
  }

  private roomOf(arena: Arena): number {
    const chunk = currentChunk(arena);
    return chunk ? chunk.size - chunk.used : 0;
  }

  private largestRoom(): number {
    let largest = 0;
    for (const arena of this.open.values()) largest = Math.max(largest, this.roomOf(arena));
    return largest;
  }

  private openArena(label: string): Arena {
    const arena: Arena = { id: this.nextArenaId++, label, chunks: [], objects: [], liveObjects: 0 };
    this.open.set(arena.id, arena);
    this.opened.push(arena.id);
    const stack = this.byLabel.get(label);
    if (stack) stack.push(arena.id);
    else this.byLabel.set(label, [arena.id]);
    this.peakOpenArenas = Math.max(this.peakOpenArenas, this.open.size);
    return arena;
  }

  /** [AR-CLOSE-1] Every chunk goes back; the dead objects' bytes and the tails go with them. */
  private closeArena(arena: Arena): void {
    const current = currentChunk(arena);
    for (const chunk of arena.chunks) {
      this.bytesHeld -= chunk.size;
      if (chunk === current) this.roomBytes -= chunk.size - chunk.used;
      else this.abandonedBytes -= chunk.size - chunk.used;
    }
    for (const object of arena.objects) this.deadBytes -= object.size;
    this.chunkCount -= arena.chunks.length;
    this.open.delete(arena.id);
  }

  /** [AR-MOVE-2] Places the object at the bump pointer, starting a new chunk when it does not fit. */
  private bump(arena: Arena, id: number, requested: number, tag: string | undefined): void {
    const size = roundUp(requested, this.align);
    let chunk = currentChunk(arena);
    if (!chunk || chunk.used + size > chunk.size) chunk = this.growArena(arena, roundUp(size, this.chunkSize));
    const object: ArenaObject = { id, arena, chunk, offset: chunk.used, size, requested, tag, live: true };
    chunk.used += size;
    this.roomBytes -= size;
    arena.objects.push(object);
    arena.liveObjects++;
    this.live.set(id, object);
    this.liveBytes += requested;
    this.internalBytes += size - requested;
  }

  /** Starts a new chunk; the old current chunk's room becomes an abandoned tail. */
  private growArena(arena: Arena, size: number): Chunk {
    const previous = currentChunk(arena);
    if (previous) {
      const tail = previous.size - previous.used;
      this.roomBytes -= tail;
      this.abandonedBytes += tail;
    }
    const chunk: Chunk = { start: previous ? previous.start + previous.size : 0, size, used: 0 };
    arena.chunks.push(chunk);
    this.chunkCount++;
    this.bytesHeld += size;
    this.roomBytes += size;
    this.peakBytesHeld = Math.max(this.peakBytesHeld, this.bytesHeld);
    return chunk;
  }

  // ---- checker ------------------------------------------------------------------------

  /** [AR-CHECK-1] Chunks follow each other; objects fill each chunk from its start, in order, without gaps. */
  private checkArenas(): void {
    for (const arena of this.open.values()) {
      invariant(arena.liveObjects > 0, `arena ${arena.id} is open with no live object`);
      let start = 0;
      for (const chunk of arena.chunks) {
        invariant(chunk.start === start, `arena ${arena.id}: a chunk starts at ${chunk.start}, not ${start}`);
        invariant(chunk.size >= this.chunkSize && chunk.size % this.chunkSize === 0, `arena ${arena.id}: chunk of ${chunk.size} bytes`);
        invariant(chunk.used <= chunk.size, `arena ${arena.id}: chunk used past its end`);
        const inChunk = arena.objects.filter((o) => o.chunk === chunk);
        let offset = 0;
        for (const object of inChunk) {
          invariant(object.offset === offset, `arena ${arena.id}: object ${object.id} at ${object.offset}, the bump pointer was at ${offset}`);
          offset += object.size;
        }
        invariant(offset === chunk.used, `arena ${arena.id}: objects fill ${offset} bytes of a chunk that used ${chunk.used}`);
        start += chunk.size;
      }
      const alive = arena.objects.filter((o) => o.live).length;
      invariant(alive === arena.liveObjects, `arena ${arena.id}: ${alive} live objects, counted ${arena.liveObjects}`);
    }
  }

  /** [AR-CHECK-2] The live map names exactly the live objects of open arenas; each is rounded to the alignment. */
  private checkObjects(): void {
    let alive = 0;
    for (const arena of this.open.values()) {
      for (const object of arena.objects) {
        invariant(object.arena === arena, `object ${object.id} lists the wrong arena`);
        invariant(object.size === roundUp(object.requested, this.align), `object ${object.id} takes ${object.size} bytes for ${object.requested}`);
        if (!object.live) continue;
        alive++;
        invariant(this.live.get(object.id) === object, `live object ${object.id} missing from the live map`);
      }
    }
    invariant(alive === this.live.size, `${this.live.size} ids live but ${alive} live objects in open arenas`);
  }

  /** [AR-CHECK-3] The lookups by label and by age agree with a scan of the open arenas. */
  private checkLookups(): void {
    const newestByLabel = new Map<string, number>();
    let newest: number | null = null;
    for (const arena of this.open.values()) {
      newestByLabel.set(arena.label, arena.id);
      newest = arena.id;
    }
    for (const [label, id] of newestByLabel) {
      invariant(this.arenaForTag(label) === id, `the newest arena labelled "${label}" is ${id}, the lookup says ${this.arenaForTag(label)}`);
    }
    invariant(this.newestArena() === newest, `the newest arena is ${newest}, the lookup says ${this.newestArena()}`);
  }

  /** [AR-CHECK-4] The byte counters equal a recount and stay within the limit. */
  private checkCounters(): void {
    let held = 0;
    let chunks = 0;
    let liveBytes = 0;
    let internal = 0;
    let dead = 0;
    let abandoned = 0;
    let room = 0;
    for (const arena of this.open.values()) {
      const current = currentChunk(arena);
      for (const chunk of arena.chunks) {
        held += chunk.size;
        chunks++;
        if (chunk === current) room += chunk.size - chunk.used;
        else abandoned += chunk.size - chunk.used;
      }
      for (const object of arena.objects) {
        if (object.live) {
          liveBytes += object.requested;
          internal += object.size - object.requested;
        } else {
          dead += object.size;
        }
      }
    }
    invariant(held === this.bytesHeld, `bytes held ${this.bytesHeld}, recounted ${held}`);
    invariant(held <= this.limit, `${held} bytes held past the limit of ${this.limit}`);
    invariant(this.peakBytesHeld >= held, `peak ${this.peakBytesHeld} below the bytes held ${held}`);
    invariant(chunks === this.chunkCount, `chunks ${this.chunkCount}, recounted ${chunks}`);
    invariant(liveBytes === this.liveBytes, `live bytes ${this.liveBytes}, recounted ${liveBytes}`);
    invariant(internal === this.internalBytes, `internal bytes ${this.internalBytes}, recounted ${internal}`);
    invariant(dead === this.deadBytes, `dead bytes ${this.deadBytes}, recounted ${dead}`);
    invariant(abandoned === this.abandonedBytes, `abandoned bytes ${this.abandonedBytes}, recounted ${abandoned}`);
    invariant(room === this.roomBytes, `room ${this.roomBytes}, recounted ${room}`);
    invariant(held === liveBytes + internal + dead + abandoned + room, 'held bytes are not live, padding, dead, abandoned or room');
  }
}
