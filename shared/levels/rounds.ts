// Every round a room can start, by id: the curriculum's levels and the class rounds
// (a warm-up, and a full-length round for a class). Rooms and the host's round
// picker name a round by id; its config comes from here.

import { refuse, succeed, type Outcome } from '../core/outcome.ts';
import type { RoundConfig } from '../match/match.ts';
import { LEVELS } from './levels.ts';

export interface RoundChoice {
  readonly id: string;
  readonly config: RoundConfig;
  /** Whether the player's heap shows where each policy would go. */
  readonly showHints: boolean;
  readonly title: string;
  /** One line on what the round is about (a level's concept). */
  readonly description: string;
  /** The curriculum level this round is, if it is one. */
  readonly levelId?: string;
}

export const WARM_UP_ID = 'warm-up';
/** A full-length class round: 60 requests, long enough to play through a restart or a load run. */
export const BUDDY_PEAKS_ID = 'buddy-peaks';
/** A competition round: the fair adversary reacts to each student's own heap. */
export const FAIR_DUEL_ID = 'fair-duel';

const CLASS_ROUNDS: readonly RoundChoice[] = [
  {
    id: WARM_UP_ID,
    title: 'Warm-up: the buddy walk-through',
    description: 'Two requests on a tiny buddy heap, with hints: learn to place a block.',
    showHints: true,
    config: {
      kind: 'buddy',
      options: { maxOrder: 3 },
      source: { source: 'script', name: 'buddy-walkthrough' },
      seed: 1,
      timePerRequestMs: null,
      fallback: 'buddy-lowest',
    },
  },
  {
    id: BUDDY_PEAKS_ID,
    title: 'Buddy: four peaks',
    description: 'Four peaks of blocks that die together, a few kept for good, on a buddy heap.',
    showHints: false,
    config: {
      kind: 'buddy',
      options: { maxOrder: 8 },
      // Four peaks of 15 blocks (1 to 16 units) that die together, a few kept for
      // good: every student faces the same seeded stream (fair), and where the kept
      // blocks land decides how high the heap has to grow.
      source: { source: 'pattern', spec: { pattern: 'peaks', peaks: 4, perPeak: 15, sizes: { kind: 'pow2', minLog2: 0, maxLog2: 4, exact: 0.5 }, survivors: 0.15 } },
      seed: 7,
      timePerRequestMs: 30_000,
      fallback: 'buddy-lowest',
    },
  },
  {
    id: FAIR_DUEL_ID,
    title: 'Competition: the fair adversary',
    description: 'The same 40 sizes for everyone; the adversary picks the next one from your own heap.',
    showHints: false,
    config: {
      kind: 'freelist',
      options: { align: 1, overhead: 0, header: 0, minBlock: 1, split: true, coalesce: 'immediate', growth: 'sbrk', chunk: 1, initial: 0, limit: 1 << 20 },
      // Everyone gets the same 40 sizes (drawn from the seed) and the same live budget; the
      // adversary picks each next size from a menu of 4 and the block that dies, by asking
      // the engine whether a size would make this student's heap grow. Placement skill pays.
      source: { source: 'fair', liveBudget: 400, requests: 40, sizes: { kind: 'uniform', min: 4, max: 40 }, menu: 4 },
      seed: 3,
      timePerRequestMs: 20_000,
      fallback: 'first-fit-address',
    },
  },
];

const ALL_ROUNDS: readonly RoundChoice[] = [
  ...CLASS_ROUNDS,
  ...LEVELS.map((level, i) => ({ id: level.id, title: `Level ${i + 1}: ${level.title}`, description: level.concept, showHints: level.markers, config: level.config, levelId: level.id })),
];

/** Every round id a host may start, class rounds first, then the levels in order. */
export const ROUND_CHOICES: readonly string[] = ALL_ROUNDS.map((r) => r.id);

/** Every round a host may start, in the order of ROUND_CHOICES. */
export function builtInRounds(): readonly RoundChoice[] {
  return ALL_ROUNDS;
}

export function resolveRound(id: string): Outcome<RoundChoice, 'level/unknown'> {
  const choice = ALL_ROUNDS.find((r) => r.id === id);
  return choice ? succeed(choice) : refuse('level/unknown', `there is no level or round "${id}"`);
}
