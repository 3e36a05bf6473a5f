// A round's config as plain data: the allocator kind and its options, where the
// requests come from, the seed, the clock and the fallback policy. Its own module so
// that the engine builder and the match rules both depend on it, not on each other
// (match.ts re-exports it for the match's callers).

import type { AllocatorSetup } from './kinds.ts';
import type { RoundSource } from './sources.ts';

export interface RoundRules {
  readonly source: RoundSource;
  readonly seed: number;
  /** Milliseconds a player has for each request; null for no clock. */
  readonly timePerRequestMs: number | null;
  /** The built-in policy that places an overdue request; it also judges whether a request fits anywhere. */
  readonly fallback: string;
}

/** [MATCH-ROUND-1] A round: an allocator kind and its options, a stream source, a seed, a clock, a fallback policy. */
export type RoundConfig = AllocatorSetup & RoundRules;
