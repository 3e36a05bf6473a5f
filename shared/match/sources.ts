// A round's stream source, resolved into a feed: fixed sources (patterns, lecture
// scripts, inline events, traces) become a StreamFeed; adversaries become feeds
// that watch the player's heap. Plain data in, a fresh feed out, the same every time.

import type { Allocator } from '../core/allocator.ts';
import { refuse, succeed, type Outcome } from '../core/outcome.ts';
import { buildStream, type StaticSource } from '../streams/source.ts';
import type { Stream } from '../streams/schedule.ts';
import { AdaptiveAdversary } from '../adversary/adaptive.ts';
import { FairAdversary, type FairOptions } from '../adversary/fair.ts';
import { findScriptedAdversary } from '../adversary/scripted.ts';
import { StreamFeed, type RequestFeed } from '../core/feed.ts';
import { addressLayout, isRegisteredKind, wouldGrow } from './kinds.ts';

/** [MATCH-SRC-2] Sources that react to the heap they play against. */
export type AdversarySource =
  /** The adaptive (Robson-style) adversary: live budget M, sizes minSize..maxSize. */
  | { readonly source: 'adaptive'; readonly liveBudget: number; readonly maxSize: number; readonly minSize?: number }
  /** The fair adversary (or, with order 'random', the same sizes in plain seeded order). */
  | ({ readonly source: 'fair' } & FairOptions);

/** A fixed source: a stream source of shared/streams, or a scripted adversary by name. */
export type FixedSource = StaticSource | { readonly source: 'scripted'; readonly name: string };

export type RoundSource = FixedSource | AdversarySource;

/** [MATCH-SRC-1] True for sources whose whole stream is known before the round starts. */
export function isFixedSource(source: RoundSource): source is FixedSource {
  return source.source !== 'adaptive' && source.source !== 'fair';
}

/** The whole stream of a fixed source. */
export function fixedStream(source: FixedSource, seed: number): Outcome<Stream, string> {
  if (source.source !== 'scripted') return buildStream(source, seed);
  const script = findScriptedAdversary(source.name);
  return script ? succeed(script.stream) : refuse('source/unknown', `there is no scripted adversary named "${source.name}"`);
}

/** A fresh feed for a round on `allocator` (adversaries size their requests by the kind's layout). */
export function createFeed(source: RoundSource, seed: number, allocator: Allocator): Outcome<RequestFeed, string> {
  if (isFixedSource(source)) {
    const stream = fixedStream(source, seed);
    return stream.ok ? succeed(new StreamFeed(stream.value)) : stream;
  }
  const layout = addressLayout(allocator);
  if (!layout) return refuse('source/unsupported', `the ${source.source} adversary needs a heap laid out by address, not a ${allocator.kind}`);
  if (source.source === 'fair') {
    const { liveBudget, requests, menu } = source;
    if (!isWhole(liveBudget) || !isWhole(requests) || !isWhole(menu)) return refuse('source/invalid', 'the fair adversary needs whole numbers for its budget, requests and menu');
    const kind = allocator.kind;
    return isRegisteredKind(kind)
      ? succeed(new FairAdversary(source, seed, layout, (a, size) => wouldGrow(kind, a, size)))
      : refuse('kind/unknown', `there is no allocator kind "${kind}"`);
  }
  const { liveBudget, maxSize, minSize = 1 } = source;
  if (!isWhole(liveBudget) || !isWhole(maxSize) || !isWhole(minSize) || minSize > maxSize) {
    return refuse('source/invalid', 'the adaptive adversary needs whole numbers 1 <= minSize <= maxSize and a live budget');
  }
  return succeed(new AdaptiveAdversary({ liveBudget, maxSize, minSize }, layout));
}

function isWhole(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 1;
}
