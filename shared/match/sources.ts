// A round's stream source, resolved into a feed: fixed sources (patterns, lecture
// scripts, inline events, traces) become a StreamFeed; adversaries become feeds
// that watch the heap. Plain data in, a fresh feed out, the same every time.

import { refuse, succeed, type Outcome } from '../core/outcome.ts';
import { buildStream, type StaticSource } from '../streams/source.ts';
import type { Stream } from '../streams/schedule.ts';
import { StreamFeed, type RequestFeed } from './feed.ts';
import type { RegisteredKind } from './kinds.ts';

export type RoundSource = StaticSource;

/** True for sources whose whole stream is known before the round starts. */
export function isFixedSource(source: RoundSource): source is StaticSource {
  return source.source === 'pattern' || source.source === 'script' || source.source === 'events';
}

/** The whole stream of a fixed source. */
export function fixedStream(source: StaticSource, seed: number): Outcome<Stream> {
  return buildStream(source, seed);
}

/** A fresh feed for a round (the kind matters to adversaries, which ask the engine dry-run questions). */
export function createFeed(source: RoundSource, seed: number, _kind: RegisteredKind): Outcome<RequestFeed> {
  if (isFixedSource(source)) {
    const stream = buildStream(source, seed);
    return stream.ok ? succeed(new StreamFeed(stream.value)) : stream;
  }
  return refuse('source/unknown', 'unknown stream source');
}
