// The solo curriculum: levels in the order of the lecture on heap allocation, each
// a round config with a title, an explanation in plain words, the policy whose
// score is par, tips, and a reference solution (moves that reach three stars).
// Each level's idea decides its outcome ([LV-TEACH-1]): the policies it contrasts
// score apart, or a move its explanation hints at beats every policy. Stars come
// from par and the reference by one rule ([LV-STAR-1]). Small streams on purpose:
// a student places every request by hand.

import { refuse, succeed, type Outcome } from '../core/outcome.ts';
import { MAX_POINTS } from '../score/score.ts';
import { lectureHeapConfig } from '../freelist/presets.ts';
import type { FreeListConfig } from '../freelist/options.ts';
import type { PatternSpec } from '../streams/patterns.ts';
import type { RoundConfig } from '../match/match.ts';
import { playPolicy } from '../match/results.ts';
import { parseRep } from '../trace/rep.ts';
import { alloc, free, type StreamEvent } from '../core/stream.ts';
import { engineOf } from '../match/match.ts';
import { resultOf } from '../match/contenders.ts';
import { playReference, type ReferenceMove } from './reference.ts';
import { WORD_FREQUENCY_REP } from './traces/word-frequency.ts';

/**
 * What decides a level ([LV-TEACH-1]): 'controls' (the first level, which teaches the
 * controls), 'policies' (the built-in policies it contrasts score apart), or 'player'
 * (no policy helps; a move the explanation hints at beats them all).
 */
export type LevelLesson = 'controls' | 'policies' | 'player';

export interface Level {
  readonly id: string;
  readonly title: string;
  /** The lecture's topic, in a few words (shown on the level map). */
  readonly idea: string;
  /** The idea in one line (the level report's `concept`). */
  readonly concept: string;
  readonly lesson: LevelLesson;
  /** What the level teaches, in plain words (shown before and during play). */
  readonly explanation: string;
  readonly config: RoundConfig;
  /** The built-in policy whose score on this round is par. */
  readonly par: string;
  /** Whether the heap shows where each policy would go. */
  readonly markers: boolean;
  /** Short tips, shown one at a time when the player asks. */
  readonly tips: readonly string[];
  /** [LV-REF-1] Moves that reach three stars, replayed through the match rules. */
  readonly reference: readonly ReferenceMove[];
}

/** Seconds a player has per request in practice: generous; the fallback policy places what is left. */
const PRACTICE_MS_PER_REQUEST = 30_000;

/** A lecture-units heap (alignment 1, no overhead) that grows as needed up to `limit` bytes. */
function growingHeap(limit: number, extra: FreeListConfig = {}): FreeListConfig {
  return { ...lectureHeapConfig(null), limit, ...extra };
}

function freeListRound(options: FreeListConfig, spec: PatternSpec, seed: number, fallback = 'first-fit-address'): RoundConfig {
  return { kind: 'freelist', options, source: { source: 'pattern', spec }, seed, timePerRequestMs: PRACTICE_MS_PER_REQUEST, fallback };
}

function eventsRound(options: FreeListConfig, events: readonly StreamEvent[], fallback = 'first-fit-address'): RoundConfig {
  return { kind: 'freelist', options, source: { source: 'events', events }, seed: 1, timePerRequestMs: PRACTICE_MS_PER_REQUEST, fallback };
}

function scriptRound(name: string, options: FreeListConfig, fallback = 'first-fit-address'): RoundConfig {
  return { kind: 'freelist', options, source: { source: 'script', name }, seed: 1, timePerRequestMs: PRACTICE_MS_PER_REQUEST, fallback };
}

const small = { kind: 'uniform', min: 4, max: 24 } as const;

/** A trace the project ships, as a fixed stream (a broken trace is a bug in the project, caught by the level tests). */
function traceRound(text: string, options: FreeListConfig): RoundConfig {
  const trace = parseRep(text);
  const events = trace.ok ? trace.value.events : [];
  return { kind: 'freelist', options, source: { source: 'events', events }, seed: 1, timePerRequestMs: PRACTICE_MS_PER_REQUEST, fallback: 'first-fit-address' };
}

export const LEVELS: readonly Level[] = [
  {
    id: 'bump-ramp',
    title: 'A bump allocator on a ramp',
    idea: 'ramps · the break',
    concept: 'A program that never frees needs only a bump allocator: each block right after the last, no gaps.',
    lesson: 'controls',
    explanation:
      'This program only allocates and never frees: a ramp. The simplest allocator just puts each block right after the last one and moves the break up ("bump"). Drag the request card onto the heap or click the free space at the break (or press Enter). Nothing is wasted if you do the same: any gap you leave is fragmentation.',
    config: freeListRound(growingHeap(1024), { pattern: 'ramp', count: 12, sizes: small }, 101),
    par: 'first-fit-address',
    markers: true,
    tips: ['Put each block at the break, right after the last one.', 'Gaps you leave never get used: nothing is ever freed here.'],
    reference: [0, 8, 30, 49, 53, 70, 87, 99, 123, 128, 137, 153],
  },
  {
    id: 'frees-make-holes',
    title: 'Frees make holes',
    idea: 'free lists · holes',
    concept: 'A freed block becomes a hole; reusing it with the request it fits keeps the heap from growing.',
    lesson: 'policies',
    explanation:
      'Now blocks die while others live on. Two blocks are freed and leave holes of 12 and 20 bytes; then the program asks for 12 and 20 again. Put each into the hole it fills and the heap never grows. Cut the 12 out of the 20-byte hole (LIFO first fit and worst fit do) and the 20 finds no hole: the heap has to grow.',
    config: eventsRound(growingHeap(1024), [
      alloc(0, 12, 'names'), alloc(1, 4, 'kept'), alloc(2, 20, 'buffer'), alloc(3, 4, 'kept'),
      free(0), free(2),
      alloc(4, 12, 'names'), alloc(5, 20, 'buffer'),
    ]),
    par: 'first-fit-address',
    markers: true,
    tips: ['Before growing the heap, look for a hole the request fits in.', 'Which hole does the 12 fill exactly? Keep the 20-byte hole for the 20.'],
    reference: [0, 12, 16, 36, 0, 16],
  },
  {
    id: 'first-fit',
    title: 'First fit',
    idea: 'placement policies',
    concept: 'First fit takes the lowest hole that fits; here that packs every request, and best fit runs out.',
    lesson: 'policies',
    explanation:
      'First fit walks the free list from the start and takes the first hole that is big enough. With holes of 20 and 15 and requests of 8, 12 and 12, it packs the 8 and a 12 into the 20 and the last 12 into the 15. Best fit puts the 8 into the 15, and the last 12 finds no hole.',
    config: scriptRound('first-fit-workload-2', lectureHeapConfig(36)),
    par: 'first-fit-address',
    markers: true,
    tips: ['Try the lowest hole that fits each time.', 'Putting the 8 into the 15 leaves holes too small for a 12.'],
    reference: [0, 20, 21, 0, 8, 21],
  },
  {
    id: 'best-fit',
    title: 'Best fit',
    idea: 'placement policies',
    concept: 'Best fit takes the smallest hole that fits, keeping the big hole whole for a big request.',
    lesson: 'policies',
    explanation:
      'Best fit takes the smallest hole that is big enough, keeping large holes for large requests. With holes of 20 and 15, a 10 goes into the 15, and the 20 that follows still fits. First fit cuts the 10 from the 20, and the 20 fails.',
    config: scriptRound('first-fit-workload-1', lectureHeapConfig(36), 'best-fit'),
    par: 'best-fit',
    markers: true,
    tips: ['Which hole would leave the least over?', 'Keep the big hole whole: a big request may be coming.'],
    reference: [0, 20, 21, 21, 0],
  },
  {
    id: 'best-fit-gone-wrong',
    title: 'Best fit gone wrong',
    idea: 'external fragmentation',
    concept: 'Free bytes are not a free block: 57 bytes free in three holes of 19 cannot hold 20.',
    lesson: 'player',
    explanation:
      'A 99-byte heap fills with blocks of 19 and 21; then the 19s are freed. 57 bytes are free, yet a request for 20 fails under every policy: the free space is in three holes of 19. That is external fragmentation. No policy sees it coming, but you know the 19s will die together: where could they go so that their holes join?',
    config: scriptRound('best-fit-gone-wrong', lectureHeapConfig(99), 'best-fit'),
    par: 'best-fit',
    markers: true,
    tips: ['Free bytes are not the same as a hole big enough.', 'Put the three 19s side by side: freed together, they make one hole of 57.'],
    reference: [42, 0, 61, 21, 80, 42],
  },
  {
    id: 'worst-fit',
    title: 'Worst fit',
    idea: 'placement policies',
    concept: 'Worst fit takes the largest hole so the leftover stays useful; here it is the only one that avoids growing.',
    lesson: 'policies',
    explanation:
      'Worst fit takes the largest hole, hoping the leftover stays big enough to be useful. Here it is right: with holes of 12 and 20, it cuts the 8 from the 20 and leaves 12, just what the next two 12s need. Best fit and address-ordered first fit cut the 8 from the 12, the 4 left over is useless, and the last 12 grows the heap.',
    config: eventsRound(growingHeap(1024), [
      alloc(0, 12), alloc(1, 2, 'kept'), alloc(2, 20), alloc(3, 2, 'kept'),
      free(0), free(2),
      alloc(4, 8), alloc(5, 12), alloc(6, 12),
    ], 'worst-fit'),
    par: 'worst-fit',
    markers: true,
    tips: ['Compare the worst-fit marker with the best-fit one.', 'What does each hole have left after the 8? Will a 12 fit in it?'],
    reference: [0, 12, 14, 34, 14, 0, 22],
  },
  {
    id: 'next-fit',
    title: 'Next fit',
    idea: 'placement policies',
    concept: 'Next fit resumes the search where the last one ended, spreading blocks instead of cutting the front holes.',
    lesson: 'policies',
    explanation:
      'Next fit is first fit that starts where the last search ended (a "rover"), so it does not keep cutting the same holes at the front. On this stream that keeps the heap smaller than first fit does, and worst fit does worst of all.',
    config: freeListRound(growingHeap(2048), { pattern: 'plateau', count: 6, sizes: small, churn: 16, churnLife: 5 }, 107, 'next-fit'),
    par: 'next-fit',
    markers: true,
    tips: ['The next-fit marker moves on from where it last placed.', 'Spreading blocks out can leave more room near the front for later.'],
    reference: [24, 46, 159, 145, 88, 128, 0, 0, 14, 8, 108, 0, 67, 67, 0, 108, 77, 67, 0, 108, 172, 67],
  },
  {
    id: 'free-list-order',
    title: 'Free-list order: LIFO, FIFO, address',
    idea: 'free-list order',
    concept: 'First fit depends on the free list\'s order: LIFO reuses the hole freed last, FIFO and address order do not.',
    lesson: 'policies',
    explanation:
      'First fit depends on the order of the free list. LIFO puts a freed block at the front (recently freed memory is reused first), FIFO at the back, address order sorts holes by address. A 16 and then a 10 are freed; a 10 and a 16 follow. LIFO first fit reuses the 10-byte hole for the 10 and the heap stays put; FIFO and address order cut the 10 from the 16, and the 16 grows the heap.',
    config: eventsRound(growingHeap(1024), [
      alloc(0, 16), alloc(1, 2, 'kept'), alloc(2, 10), alloc(3, 2, 'kept'),
      free(0), free(2),
      alloc(4, 10), alloc(5, 16),
    ], 'first-fit-lifo'),
    par: 'first-fit-lifo',
    markers: true,
    tips: ['Compare the LIFO and FIFO markers: they point at different holes.', 'The hole freed last is the 10-byte one.'],
    reference: [0, 16, 18, 28, 18, 0],
  },
  {
    id: 'sawdust',
    title: 'Splitting and sawdust',
    idea: 'splitting',
    concept: 'Splitting a hole leaves a remainder; best fit leaves slivers too small for anything (sawdust).',
    lesson: 'policies',
    explanation:
      'A hole bigger than the request is split: the rest stays free. Split too carelessly and the heap fills with "sawdust" — slivers too small for anything. Best fit is famous for making sawdust: here it puts each 9 into a 10-byte hole, and the last request fails with its bytes scattered in 1-byte slivers.',
    config: scriptRound('sawdust', lectureHeapConfig(84)),
    par: 'first-fit-address',
    markers: true,
    tips: ['A 9 in a 10-byte hole leaves a 1-byte sliver nobody can use.', 'Sometimes the big hole is the better home.'],
    reference: [0, 40, 41, 51, 52, 62, 63, 73, 74, 0, 9, 18, 27, 41, 52, 63, 74, 36],
  },
  {
    id: 'deferred-coalescing',
    title: 'Coalescing, now or later',
    idea: 'coalescing',
    concept: 'Neighbouring holes are one hole only once coalesced; coalescing before a big request saves growing the heap.',
    lesson: 'player',
    explanation:
      'When a block is freed next to a hole, the two can be merged into one bigger hole: coalescing. Here the heap waits until you say so. Three 8-byte neighbours are freed, then a 20 arrives: as three holes of 8 it fits nowhere and the heap grows (every policy does this). Press "Coalesce" (C) first and it fits.',
    config: eventsRound(growingHeap(1024, { coalesce: 'deferred' }), [
      alloc(0, 8), alloc(1, 8), alloc(2, 8), alloc(3, 8), alloc(4, 8), alloc(5, 8),
      free(1), free(2), free(3),
      alloc(6, 20), alloc(7, 4),
    ]),
    par: 'first-fit-address',
    markers: true,
    tips: ['Two holes side by side are not one hole until they are coalesced.', 'Coalesce before the 20, or the heap has to grow.'],
    reference: [0, 8, 16, 24, 32, 40, { coalesce: null }, 8, 28],
  },
  {
    id: 'peaks',
    title: 'Peaks: allocate many, free all',
    idea: 'program patterns · arenas',
    concept: 'Blocks that die together should live together; one long-lived block inside a peak splits its hole.',
    lesson: 'player',
    explanation:
      'Many programs work in phases: allocate a lot, then free it all at once (a peak). Blocks that die together should live together, so their holes merge back into one. One block of the first peak is "kept" for good: every policy puts it in the middle of the peak, the freed peak leaves two holes, and the next peak\'s 36 has to grow the heap. Put the kept block where the peak will not need the space.',
    config: eventsRound(growingHeap(1024), [
      alloc(0, 10, 'peak-1'), alloc(1, 10, 'peak-1'), alloc(2, 6, 'kept'), alloc(3, 10, 'peak-1'), alloc(4, 10, 'peak-1'),
      free(0), free(1), free(3), free(4),
      alloc(5, 36, 'peak-2'), alloc(6, 4, 'peak-2'),
      free(5), free(6),
      alloc(7, 20, 'peak-3'), alloc(8, 20, 'peak-3'),
      free(7), free(8),
    ], 'best-fit'),
    par: 'best-fit',
    markers: true,
    tips: ['The tag on the card says which phase a block belongs to.', 'Leave room for the rest of the peak: put the "kept" block after where its other blocks will go.'],
    reference: [0, 10, 40, 20, 30, 0, 36, 0, 20],
  },
  {
    id: 'arenas',
    title: 'Arenas: one per phase',
    idea: 'program patterns · arenas',
    concept: 'An arena per phase frees a phase\'s memory whole when the phase ends; one arena for all never empties.',
    lesson: 'policies',
    explanation:
      'An arena is a bump allocator you throw away whole: objects go in one after another, and its memory comes back only when every object in it is dead. Give each phase of the program (the tag on the card) its own arena, and a peak\'s memory comes back the moment the peak ends; one arena for everything holds it all to the end.',
    config: {
      kind: 'arena', options: { chunkSize: 64, align: 4 }, seed: 113, timePerRequestMs: PRACTICE_MS_PER_REQUEST, fallback: 'arena-per-tag',
      source: { source: 'pattern', spec: { pattern: 'peaks', peaks: 3, perPeak: 6, sizes: small, survivors: 0.15 } },
    },
    par: 'arena-per-tag',
    markers: true,
    tips: ['Put blocks with the same tag in the same arena.', 'One "kept" block in a peak\'s arena keeps the whole arena alive.'],
    reference: [-1, 0, -1, 0, 0, 0, -1, 2, 2, 2, 2, 2, -1, 3, 3, 1, 3, 3],
  },
  {
    id: 'plateaus',
    title: 'Plateaus: hold long, churn short',
    idea: 'program patterns',
    concept: 'Long-lived blocks placed among short-lived ones pin the heap; kept apart, the churn reuses one big space.',
    lesson: 'player',
    explanation:
      'A plateau: some blocks are allocated early and held for the whole run while short-lived ones come and go around them. Every policy puts each "plateau" block right after the "temp" before it, so when the temps die they leave 8-byte holes between plateau blocks, and the next 16-byte temp grows the heap. Where the long-lived blocks sit decides whether the churn can reuse the space.',
    config: eventsRound(growingHeap(1024), [
      alloc(0, 8, 'temp'), alloc(1, 8, 'plateau'), alloc(2, 8, 'temp'), alloc(3, 8, 'plateau'),
      free(0), free(2),
      alloc(4, 16, 'temp'), free(4),
      alloc(5, 6, 'temp'), alloc(6, 10, 'temp'), free(5), free(6),
      free(1), free(3),
    ], 'best-fit'),
    par: 'best-fit',
    markers: true,
    tips: ['Long-lived blocks in the middle of the heap split it in two.', 'Tags: "plateau" blocks stay, "temp" blocks leave soon. Keep the plateau blocks together, away from the temps.'],
    reference: [0, 24, 8, 16, 0, 0, 6],
  },
  {
    id: 'mixed-lifetimes',
    title: 'Same lifetimes, mixed lifetimes',
    idea: 'fragmentation and lifetimes',
    concept: 'Survivors scattered among short-lived blocks stop holes from merging; grouped by lifetime, nothing is lost.',
    lesson: 'player',
    explanation:
      'When blocks that are freed together were allocated together, holes merge and nothing is lost. Mix long and short lifetimes and the survivors pin the heap, leaving holes between them: every policy places the blocks in arrival order, and the 32s that follow fit nowhere. The tags say which blocks are short-lived: keep them together.',
    config: scriptRound('mixed-lifetimes', lectureHeapConfig(null)),
    par: 'first-fit-address',
    markers: true,
    tips: ['Which blocks will outlive the others?', 'Survivors scattered across the heap stop holes from merging.'],
    reference: [0, 128, 8, 136, 16, 144, 24, 152, 32, 160, 40, 168, 48, 176, 56, 184, 0, 32, 64, 96],
  },
  {
    id: 'buddy-walkthrough',
    title: 'The buddy system',
    idea: 'buddy allocation',
    concept: 'Buddy blocks are 2^k units at multiples of 2^k; halves split on demand and merge when both are free.',
    lesson: 'player',
    explanation:
      'A buddy allocator only hands out blocks of 2^k units. A block is split in halves ("buddies") until it is just big enough; when both buddies are free they merge again. In 2^3 units: alloc 2^0, alloc 2^2, free both. Taking the lowest block (as Linux does) puts the 2^0 at 0 and pushes the 2^2 up to 4; can you keep the heap\'s extent smaller?',
    config: { kind: 'buddy', options: { maxOrder: 3 }, source: { source: 'script', name: 'buddy-walkthrough' }, seed: 1, timePerRequestMs: PRACTICE_MS_PER_REQUEST, fallback: 'buddy-lowest' },
    par: 'buddy-lowest',
    markers: true,
    tips: ['A block of 2^k units must start at a multiple of 2^k.', 'The 2^2 must start at 0 or 4: leave it the lower half.'],
    reference: [4, 0],
  },
  {
    id: 'buddy-rounding',
    title: 'Buddy rounding',
    idea: 'internal fragmentation',
    concept: 'Every request is rounded up to a power of two; where small blocks go decides how far the heap spreads.',
    lesson: 'player',
    explanation:
      'Every request is rounded up to a power of two: ask for 33 units and you get 64. That rounding is internal fragmentation — wasted space inside blocks — and no placement avoids it. But placement decides the rest: the policies scatter small blocks into big free blocks and split them for good, so the heap spreads far past what is live.',
    config: {
      kind: 'buddy', options: { maxOrder: 9 }, seed: 4, timePerRequestMs: PRACTICE_MS_PER_REQUEST, fallback: 'buddy-lowest',
      source: { source: 'pattern', spec: { pattern: 'plateau', count: 4, sizes: { kind: 'pow2', minLog2: 2, maxLog2: 6, exact: 0.3 }, churn: 12, churnLife: 3 } },
    },
    par: 'buddy-lowest',
    markers: true,
    tips: ['A small block placed in the middle of a big free block splits it for good.', 'Keep small blocks together at one end.'],
    reference: [160, 176, 0, 128, 64, 64, 64, 96, 64, 168, 64, 64, 96, 112, 120, 64],
  },
  {
    id: 'slab',
    title: 'Slabs: a cache per object type',
    idea: 'slab allocation',
    concept: 'A slab cache per object type; filling the fullest slab first lets the others empty and give their pages back.',
    lesson: 'policies',
    explanation:
      'A kernel allocates many objects of a few types. A slab allocator keeps a cache per type: slabs of a page, cut into equal slots. Put a new object into the fullest slab that has room, so other slabs empty out (the naive policy opens a new slab for every object and holds twice the pages); give an empty slab\'s page back with "Give back empty slab" (G).',
    config: {
      kind: 'slab', seed: 117, timePerRequestMs: PRACTICE_MS_PER_REQUEST, fallback: 'slab-fullest',
      options: { pageSize: 256, caches: [{ name: 'task', objectSize: 96, pagesPerSlab: 1 }, { name: 'file', objectSize: 48, pagesPerSlab: 1 }], classes: 'none' },
      source: {
        source: 'pattern',
        spec: {
          pattern: 'lifetimes', allocs: 20, sizes: { kind: 'uniform', min: 24, max: 48 }, freeAtEnd: true,
          classes: [{ tag: 'task', weight: 1, min: 3, max: 12 }, { tag: 'file', weight: 2, min: 1, max: 5 }],
        },
      },
    },
    par: 'slab-fullest',
    markers: true,
    tips: ['The tag on the card names the cache: a task goes into a task slab.', 'A slab with one object left holds a whole page; fill the fullest slab first.'],
    reference: [-1, 0, -1, 0, 1, 0, 0, -1, 2, -1, 0, 1, 2, 0, 2, 0, 0, 1, 0, 0],
  },
  {
    id: 'sbrk-mmap',
    title: 'sbrk versus mmap',
    idea: 'sbrk and mmap',
    concept: 'Large requests get their own mapping, returned whole on free; only the small ones can fragment the heap.',
    lesson: 'policies',
    explanation:
      'Small requests come from the heap, which grows with sbrk. Large requests (here 64 bytes or more) get their own mapping outside the heap and are returned as soon as they are freed, so they leave no hole: watch the 64s come and go. The small ones are yours to place, and there the old rules decide: holes of 10 and 14 wait for a 10 and a 14. LIFO first fit and worst fit cut the 10 from the 14, and the heap grows.',
    config: eventsRound(growingHeap(4096, { mmapThreshold: 64, pageSize: 64 }), [
      alloc(0, 10), alloc(1, 2, 'kept'), alloc(2, 14), alloc(3, 2, 'kept'),
      free(0), free(2),
      alloc(4, 64, 'big'), alloc(5, 10), alloc(6, 14), free(4),
      alloc(7, 64, 'big'), free(7),
    ]),
    par: 'first-fit-address',
    markers: true,
    tips: ['Large requests go to the mmap strip by themselves.', 'Only the small ones are yours to place in the heap: give each the hole it fills.'],
    reference: [0, 10, 12, 26, 4160, 0, 12, 4160],
  },
  {
    id: 'word-frequency',
    title: 'A real program: word frequencies',
    idea: 'traces · realloc',
    concept: 'A real trace in a heap capped at its peak live bytes: placed with foresight it fits, every policy runs out.',
    lesson: 'player',
    explanation:
      "A trace recorded from a small word-counting program: a line buffer that grows with realloc and is freed after every line, a node and a copy of each new word, and a hash table that doubles when it fills. Real programs mix every pattern you have seen. This heap is capped at 299 bytes, exactly the most the program ever holds at once: every policy leaves a hole somewhere and one request fails. Placed with foresight, everything fits.",
    config: traceRound(WORD_FREQUENCY_REP, growingHeap(299)),
    par: 'best-fit',
    markers: true,
    tips: ['The line buffer comes and goes every line: give it a spot it can reuse.', 'realloc places the new block while the old one still lives, then frees the old one.'],
    reference: [211, 32, 0, 64, 147, 88, 142, 112, 136, 0, 243, 151, 199, 175, 205, 0, 211, 235, 238, 267, 238, 262],
  },
  {
    id: 'adaptive-boss',
    title: 'Boss: the adversary',
    idea: 'no allocator escapes fragmentation',
    concept: 'An adversary that watches the heap defeats every policy; only a hole as big as its largest request stops it.',
    lesson: 'player',
    explanation:
      'This program watches your heap. Every request is just one byte bigger than your largest hole (and at least 4 bytes); it holds at most 32 bytes at once, and then frees the blocks that leave the smallest holes behind (Robson\'s construction). Every built-in policy ends far above the live bytes. But it never asks for more than 8 bytes: what could it ask for if your largest hole were already 8?',
    config: {
      kind: 'freelist', options: growingHeap(4096), source: { source: 'adaptive', liveBudget: 32, minSize: 4, maxSize: 8 }, seed: 1,
      timePerRequestMs: PRACTICE_MS_PER_REQUEST, fallback: 'first-fit-address',
    },
    par: 'first-fit-address',
    markers: true,
    tips: ['Every hole you leave is a hole the adversary will make sure is too small.', 'Once it starts freeing, leave a gap of 8 bytes at the break: a hole it cannot outgrow.'],
    // Eight 4s side by side; once it frees, the 5 goes 8 bytes past the break (40): a hole of 8 it cannot outgrow.
    reference: [0, 4, 8, 12, 16, 20, 24, 28, 40],
  },
];

export function findLevel(id: string): Outcome<Level, 'level/unknown'> {
  const level = LEVELS.find((l) => l.id === id);
  return level ? succeed(level) : refuse('level/unknown', `there is no level "${id}"`);
}

/**
 * [LV-STAR-1] Stars from par (the par policy's score on the level's round) and the
 * reference solution's score: one star at 80% of par, two at par, three a third of the
 * way from par to a perfect score (rounded up) but never above the reference, and
 * never below par. Matching the par policy is always worth two stars; the reference
 * always earns three.
 */
export function starThresholds(parScore: number, referenceScore: number): readonly [number, number, number] {
  const one = Math.floor(parScore * 0.8);
  const third = Math.ceil(parScore + (MAX_POINTS - parScore) / 3);
  return [one, parScore, Math.max(parScore, Math.min(third, referenceScore))];
}

export interface LevelPar {
  readonly policy: string;
  readonly score: number;
  /** The reference solution's score. */
  readonly reference: number;
  readonly stars: readonly [number, number, number];
}

/** [LV-REF-1] The reference solution's score on the level's round. */
export function referenceScore(level: Level): Outcome<number, string> {
  const played = playReference(level.config, level.reference);
  return played.ok ? succeed(resultOf('reference', 'player', engineOf(played.value)).card.score) : played;
}

/** [LV-PAR-1] [LV-STAR-1] Plays the par policy and the reference on the level's round: par and the stars. */
export function levelPar(level: Level): Outcome<LevelPar, string> {
  const played = playPolicy(level.config, level.par);
  if (!played.ok) return played;
  const reference = referenceScore(level);
  if (!reference.ok) return reference;
  const score = played.value.card.score;
  return succeed({ policy: level.par, score, reference: reference.value, stars: starThresholds(score, reference.value) });
}
