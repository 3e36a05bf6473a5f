// The solo curriculum: levels in the order of the lecture on heap allocation, each
// a round config with a title, an explanation in plain words, the policy whose
// score is par, and tips. Stars come from par by one rule ([LV-STAR-1]).
// Small streams on purpose: a student places every request by hand.

import { refuse, succeed, type Outcome } from '../core/outcome.ts';
import { MAX_POINTS } from '../score/score.ts';
import { lectureHeapConfig } from '../freelist/presets.ts';
import type { FreeListConfig } from '../freelist/options.ts';
import type { PatternSpec } from '../streams/patterns.ts';
import type { RoundConfig } from '../match/match.ts';
import { playPolicy } from '../match/results.ts';
import { parseRep } from '../trace/rep.ts';
import { WORD_FREQUENCY_REP } from './traces/word-frequency.ts';

export interface Level {
  readonly id: string;
  readonly title: string;
  /** The lecture's topic, in a few words (shown on the level map). */
  readonly idea: string;
  /** What the level teaches, in plain words (shown before and during play). */
  readonly explanation: string;
  readonly config: RoundConfig;
  /** The built-in policy whose score on this round is par. */
  readonly par: string;
  /** Whether the heap shows where each policy would go. */
  readonly markers: boolean;
  /** Short tips, shown one at a time when the player asks. */
  readonly tips: readonly string[];
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
    explanation:
      'This program only allocates and never frees: a ramp. The simplest allocator just puts each block right after the last one and moves the break up ("bump"). Nothing is wasted if you do the same: any gap you leave is fragmentation.',
    config: freeListRound(growingHeap(1024), { pattern: 'ramp', count: 12, sizes: small }, 101),
    par: 'first-fit-address',
    markers: true,
    tips: ['Put each block at the break, right after the last one.', 'Gaps you leave never get used: nothing is ever freed here.'],
  },
  {
    id: 'frees-make-holes',
    title: 'Frees make holes',
    idea: 'free lists · holes',
    explanation:
      'Now blocks die while others live on. A freed block becomes a hole on the free list. Reusing holes keeps the heap small; growing the break instead of reusing a hole costs you.',
    config: freeListRound(growingHeap(1024), { pattern: 'plateau', count: 6, sizes: small, churn: 14, churnSizes: small, churnLife: 3 }, 102),
    par: 'first-fit-address',
    markers: true,
    tips: ['Before growing the heap, look for a hole the request fits in.', 'The meters show the largest hole: if the request is smaller, it fits somewhere.'],
  },
  {
    id: 'first-fit',
    title: 'First fit',
    idea: 'placement policies',
    explanation:
      'First fit walks the free list from the start and takes the first hole that is big enough. With holes of 20 and 15 and requests of 8, 12 and 12, it packs the 8 and a 12 into the 20 and the last 12 into the 15.',
    config: scriptRound('first-fit-workload-2', lectureHeapConfig(36)),
    par: 'first-fit-address',
    markers: true,
    tips: ['Try the lowest hole that fits each time.', 'Putting the 8 into the 15 leaves holes too small for a 12.'],
  },
  {
    id: 'best-fit',
    title: 'Best fit',
    idea: 'placement policies',
    explanation:
      'Best fit takes the smallest hole that is big enough, keeping large holes for large requests. With holes of 20 and 15, a 10 goes into the 15, and the 20 that follows still fits.',
    config: scriptRound('first-fit-workload-1', lectureHeapConfig(36), 'best-fit'),
    par: 'best-fit',
    markers: true,
    tips: ['Which hole would leave the least over?', 'Keep the big hole whole: a big request may be coming.'],
  },
  {
    id: 'best-fit-gone-wrong',
    title: 'Best fit gone wrong',
    idea: 'external fragmentation',
    explanation:
      'A 99-byte heap fills with blocks of 19 and 21; then the 19s are freed. 57 bytes are free, yet a request for 20 fails: the free space is in three holes of 19. No placement policy can save it — that is external fragmentation.',
    config: scriptRound('best-fit-gone-wrong', lectureHeapConfig(99), 'best-fit'),
    par: 'best-fit',
    markers: true,
    tips: ['Free bytes are not the same as a hole big enough.', 'Watch the "ext. frag." meter when the 19s are freed.'],
  },
  {
    id: 'worst-fit',
    title: 'Worst fit',
    idea: 'placement policies',
    explanation:
      'Worst fit takes the largest hole, hoping the leftover stays big enough to be useful. It avoids tiny slivers but breaks up the big holes that large requests need.',
    config: freeListRound(growingHeap(2048), { pattern: 'plateau', count: 5, sizes: { kind: 'bimodal', small: [4, 10], large: [30, 48], pLarge: 0.25 }, churn: 14, churnLife: 4 }, 106, 'worst-fit'),
    par: 'worst-fit',
    markers: true,
    tips: ['Compare the worst-fit marker with the best-fit one.', 'Big requests need big holes: do you want to cut into them?'],
  },
  {
    id: 'next-fit',
    title: 'Next fit',
    idea: 'placement policies',
    explanation:
      'Next fit is first fit that starts where the last search ended (a "rover"), so it does not keep cutting the same holes at the front. It is fast, and it spreads blocks across the heap.',
    config: freeListRound(growingHeap(2048), { pattern: 'plateau', count: 6, sizes: small, churn: 16, churnLife: 5 }, 107, 'next-fit'),
    par: 'next-fit',
    markers: true,
    tips: ['The next-fit marker moves on from where it last placed.', 'Spreading blocks out can leave more room near the front for later.'],
  },
  {
    id: 'free-list-order',
    title: 'Free-list order: LIFO, FIFO, address',
    idea: 'free-list order',
    explanation:
      'First fit depends on the order of the free list. LIFO puts a freed block at the front (recently freed memory is reused first), FIFO at the back, address order sorts holes by address. The same stream gives different heaps.',
    config: freeListRound(growingHeap(2048), { pattern: 'lifetimes', allocs: 18, sizes: small, freeAtEnd: true }, 108, 'first-fit-lifo'),
    par: 'first-fit-lifo',
    markers: true,
    tips: ['Compare the LIFO and FIFO markers: they point at different holes.', 'Reusing a block that was just freed keeps the heap compact.'],
  },
  {
    id: 'sawdust',
    title: 'Splitting and sawdust',
    idea: 'splitting',
    explanation:
      'A hole bigger than the request is split: the rest stays free. Split too carelessly and the heap fills with "sawdust" — slivers too small for anything. Best fit is famous for making sawdust.',
    config: scriptRound('sawdust', lectureHeapConfig(84)),
    par: 'first-fit-address',
    markers: true,
    tips: ['A 9 in a 10-byte hole leaves a 1-byte sliver nobody can use.', 'Sometimes the big hole is the better home.'],
  },
  {
    id: 'deferred-coalescing',
    title: 'Coalescing, now or later',
    idea: 'coalescing',
    explanation:
      'When a block is freed next to a hole, the two can be merged into one bigger hole: coalescing. Here the heap waits until you say so. Press "Coalesce" when neighbouring holes are too small on their own.',
    config: freeListRound(growingHeap(2048, { coalesce: 'deferred' }), { pattern: 'peaks', peaks: 3, perPeak: 6, sizes: small }, 110),
    par: 'first-fit-address',
    markers: true,
    tips: ['Two holes side by side are not one hole until they are coalesced.', 'Coalesce before a big request, or the heap has to grow.'],
  },
  {
    id: 'peaks',
    title: 'Peaks: allocate many, free all',
    idea: 'program patterns · arenas',
    explanation:
      'Many programs work in phases: allocate a lot, then free it all at once (a peak). Blocks that die together should live together, so their holes merge back into one.',
    config: freeListRound(growingHeap(2048), { pattern: 'peaks', peaks: 3, perPeak: 7, sizes: small, survivors: 0.15 }, 111),
    par: 'best-fit',
    markers: true,
    tips: ['The tag on the card says which phase a block belongs to.', 'Keep the long-lived "kept" blocks away from the peak\'s blocks.'],
  },
  {
    id: 'arenas',
    title: 'Arenas: one per phase',
    idea: 'program patterns · arenas',
    explanation:
      'An arena is a bump allocator you throw away whole: objects go in one after another, and its memory comes back only when every object in it is dead. Give each phase of the program (the tag on the card) its own arena, and a peak\'s memory comes back the moment the peak ends.',
    config: {
      kind: 'arena', options: { chunkSize: 64, align: 4 }, seed: 113, timePerRequestMs: PRACTICE_MS_PER_REQUEST, fallback: 'arena-per-tag',
      source: { source: 'pattern', spec: { pattern: 'peaks', peaks: 3, perPeak: 6, sizes: small, survivors: 0.15 } },
    },
    par: 'arena-per-tag',
    markers: true,
    tips: ['Put blocks with the same tag in the same arena.', 'One "kept" block in a peak\'s arena keeps the whole arena alive.'],
  },
  {
    id: 'plateaus',
    title: 'Plateaus: hold long, churn short',
    idea: 'program patterns',
    explanation:
      'A plateau: some blocks are allocated early and held for the whole run while short-lived ones come and go around them. Where the long-lived blocks sit decides whether the churn can reuse the space.',
    config: freeListRound(growingHeap(2048), { pattern: 'plateau', count: 6, sizes: small, churn: 18, churnLife: 2 }, 112),
    par: 'best-fit',
    markers: true,
    tips: ['Long-lived blocks in the middle of the heap split it in two.', 'Tags: "plateau" blocks stay, "temp" blocks leave soon.'],
  },
  {
    id: 'mixed-lifetimes',
    title: 'Same lifetimes, mixed lifetimes',
    idea: 'fragmentation and lifetimes',
    explanation:
      'When blocks that are freed together were allocated together, holes merge and nothing is lost. Mix long and short lifetimes and the survivors pin the heap, leaving holes between them.',
    config: scriptRound('mixed-lifetimes', lectureHeapConfig(null)),
    par: 'first-fit-address',
    markers: true,
    tips: ['Which blocks will outlive the others?', 'Survivors scattered across the heap stop holes from merging.'],
  },
  {
    id: 'buddy-walkthrough',
    title: 'The buddy system',
    idea: 'buddy allocation',
    explanation:
      'A buddy allocator only hands out blocks of 2^k units. A block is split in halves ("buddies") until it is just big enough; when both buddies are free they merge again. In 2^3 units: alloc 2^0, alloc 2^2, free both.',
    config: { kind: 'buddy', options: { maxOrder: 3 }, source: { source: 'script', name: 'buddy-walkthrough' }, seed: 1, timePerRequestMs: PRACTICE_MS_PER_REQUEST, fallback: 'buddy-lowest' },
    par: 'buddy-lowest',
    markers: true,
    tips: ['A block of 2^k units must start at a multiple of 2^k.', 'Take the lowest free block of the right size, as Linux does.'],
  },
  {
    id: 'buddy-rounding',
    title: 'Buddy rounding',
    idea: 'internal fragmentation',
    explanation:
      'Every request is rounded up to a power of two: ask for 33 units and you get 64. That rounding is internal fragmentation — wasted space inside blocks. Requests just over a power of two hurt the most.',
    config: {
      kind: 'buddy', options: { maxOrder: 9 }, seed: 115, timePerRequestMs: PRACTICE_MS_PER_REQUEST, fallback: 'buddy-lowest',
      source: { source: 'pattern', spec: { pattern: 'plateau', count: 4, sizes: { kind: 'pow2', minLog2: 2, maxLog2: 6, exact: 0.3 }, churn: 12, churnLife: 3 } },
    },
    par: 'buddy-lowest',
    markers: true,
    tips: ['A small block placed in the middle of a big free block splits it for good.', 'Keep small blocks together at one end.'],
  },
  {
    id: 'slab',
    title: 'Slabs: a cache per object type',
    idea: 'slab allocation',
    explanation:
      'A kernel allocates many objects of a few types. A slab allocator keeps a cache per type: slabs of a page, cut into equal slots. Put a new object into the fullest slab that has room, so other slabs empty out; give an empty slab\'s page back with "Give back empty slab" (G).',
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
  },
  {
    id: 'sbrk-mmap',
    title: 'sbrk versus mmap',
    idea: 'sbrk and mmap',
    explanation:
      'Small requests come from the heap, which grows with sbrk. Large requests (here 64 bytes or more) get their own mapping outside the heap and are returned as soon as they are freed, so they cannot fragment it.',
    config: freeListRound(
      growingHeap(4096, { mmapThreshold: 64, pageSize: 64 }),
      { pattern: 'plateau', count: 5, sizes: { kind: 'bimodal', small: [4, 16], large: [64, 120], pLarge: 0.2 }, churn: 14, churnLife: 3 },
      116,
    ),
    par: 'first-fit-address',
    markers: true,
    tips: ['Large requests go to the mmap strip by themselves.', 'Only the small ones are yours to place in the heap.'],
  },
  {
    id: 'word-frequency',
    title: 'A real program: word frequencies',
    idea: 'traces · realloc',
    explanation:
      "A trace recorded from a small word-counting program: a line buffer that grows with realloc and is freed after every line, a node and a copy of each new word, and a hash table that doubles when it fills. Real programs mix every pattern you have seen.",
    config: traceRound(WORD_FREQUENCY_REP, growingHeap(4096)),
    par: 'best-fit',
    markers: true,
    tips: ['The line buffer comes and goes every line: give it a spot it can reuse.', 'realloc places the new block while the old one still lives, then frees the old one.'],
  },
  {
    id: 'adaptive-boss',
    title: 'Boss: the adversary',
    idea: 'no allocator escapes fragmentation',
    explanation:
      'This program watches your heap. Every request is just one byte bigger than your largest hole, and it frees the blocks that leave the smallest holes behind (Robson\'s construction). No policy escapes: the best you can do is lose less. Every built-in policy ends far above the live bytes.',
    config: {
      kind: 'freelist', options: growingHeap(4096), source: { source: 'adaptive', liveBudget: 64, maxSize: 8 }, seed: 1,
      timePerRequestMs: PRACTICE_MS_PER_REQUEST, fallback: 'first-fit-address',
    },
    par: 'first-fit-address',
    markers: true,
    tips: ['Every hole you leave is a hole the adversary will make sure is too small.', 'Compare your heap with the policies at the end: they all suffer.'],
  },
];

export function findLevel(id: string): Outcome<Level, 'level/unknown'> {
  const level = LEVELS.find((l) => l.id === id);
  return level ? succeed(level) : refuse('level/unknown', `there is no level "${id}"`);
}

/**
 * [LV-STAR-1] Stars from par (the par policy's score on the level's round): one star
 * at 80% of par, two at par, three at par plus a third of the way from par to a
 * perfect score. Matching the par policy is always worth two stars.
 */
export function starThresholds(parScore: number): readonly [number, number, number] {
  const one = Math.floor(parScore * 0.8);
  const three = Math.ceil(parScore + (MAX_POINTS - parScore) / 3);
  return [one, parScore, Math.max(parScore, three)];
}

export interface LevelPar {
  readonly policy: string;
  readonly score: number;
  readonly stars: readonly [number, number, number];
}

/** [LV-PAR-1] Plays the par policy on the level's round: its score is par. */
export function levelPar(level: Level): Outcome<LevelPar, string> {
  const played = playPolicy(level.config, level.par);
  if (!played.ok) return played;
  const score = played.value.card.score;
  return succeed({ policy: level.par, score, stars: starThresholds(score) });
}
