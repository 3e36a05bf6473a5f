// Builds a round engine from a round's config: the kind's allocator from its
// options, the feed from the source and seed (or a given stream), and the round's
// fallback policy as the judge of whether a request fits anywhere.

import type { Policy } from '../core/allocator.ts';
import { succeed, type Outcome } from '../core/outcome.ts';
import type { StreamEvent } from '../core/stream.ts';
import { RoundEngine } from './engine.ts';
import { StreamFeed, type RequestFeed } from '../core/feed.ts';
import { createAllocator, createPolicy, fitsIfCoalescedFor, observerOf } from './kinds.ts';
import type { RoundConfig } from './round-config.ts';
import { createFeed } from './sources.ts';

export interface BuiltEngine {
  readonly engine: RoundEngine;
  /** The round's fallback policy (a fresh instance, following this engine's heap as an observer: [MATCH-SLAB-2]). */
  readonly judge: Policy;
}

/** A fresh engine for the round; `events` replaces the round's source when given (the clairvoyant's replays). */
export function buildEngine(
  config: RoundConfig,
  options: { readonly timeline?: boolean; readonly events?: readonly StreamEvent[] } = {},
): Outcome<BuiltEngine, string> {
  const judge = createPolicy(config.kind, config.fallback);
  if (!judge.ok) return judge;
  const allocator = createAllocator(config);
  if (!allocator.ok) return allocator;
  let feed: RequestFeed;
  if (options.events) feed = new StreamFeed(options.events);
  else {
    const made = createFeed(config.source, config.seed, allocator.value);
    if (!made.ok) return made;
    feed = made.value;
  }
  const fitsIfCoalesced = fitsIfCoalescedFor(config.kind);
  const observer = observerOf(config.kind, judge.value);
  const engine = new RoundEngine(allocator.value, feed, {
    judge: observer,
    timeline: options.timeline ?? false,
    ...(fitsIfCoalesced ? { fitsIfCoalesced } : {}),
  });
  return succeed({ engine, judge: observer });
}
