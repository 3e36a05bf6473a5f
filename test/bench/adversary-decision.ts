// The adaptive adversary's decision time at 10k live blocks (shared/adversary/SPEC.md):
// it plays a growing free-list heap (alignment 1, no overhead) with first fit, and
// times each decision (choosing the next event, and taking in a placement) while
// 9.5k to 10.5k blocks are live. Goal: at most 1 ms a decision. Used by `npm run
// bench`; run alone with `node test/bench/adversary-decision.ts [--json]`.

import { fileURLToPath } from 'node:url';
import type { Allocator, Target } from '../../shared/core/allocator.ts';
import type { StreamEvent } from '../../shared/core/stream.ts';
import { AdaptiveAdversary } from '../../shared/adversary/adaptive.ts';
import { createFreeListHeap, firstFitAddress, lectureHeapConfig } from '../../shared/freelist/index.ts';
import { RoundEngine, playOut, policyChooser } from '../../shared/match/engine.ts';
import type { Request, RequestFeed } from '../../shared/core/feed.ts';
import { addressLayout } from '../../shared/match/kinds.ts';

export interface AdversaryDecisionFigure {
  readonly liveBlocks: number;
  readonly decisions: number;
  /** Mean, 99th percentile and worst microseconds per decision (wall clock) in the window; the worst includes GC pauses. */
  readonly meanMicros: number;
  readonly p99Micros: number;
  readonly maxMicros: number;
  readonly goalMicros: number;
}

const TARGET = 10_000;

/** Times every decision of an adaptive adversary whose live blocks pass through 10k. */
export function measureAdversaryDecision(): AdversaryDecisionFigure {
  const made = createFreeListHeap(lectureHeapConfig(null));
  if (!made.ok) throw new Error(made.message);
  const heap = made.value;
  const layout = addressLayout(heap);
  if (!layout) throw new Error('the free list has an address layout');
  const adversary = new AdaptiveAdversary({ liveBudget: 2 * TARGET, maxSize: 64 }, layout);
  const times: number[] = [];
  const timed = <T>(run: () => T): T => {
    const inWindow = Math.abs(adversary.liveBlocks - TARGET) <= TARGET / 20;
    const t0 = performance.now();
    const out = run();
    if (inWindow) times.push(performance.now() - t0);
    return out;
  };
  const feed: RequestFeed = {
    next: (): StreamEvent | null => timed(() => adversary.next()),
    onPlaced: (allocator: Allocator, request: Request, target: Target) => timed(() => adversary.onPlaced(allocator, request, target)),
  };
  const engine = new RoundEngine(heap, feed, { judge: firstFitAddress });
  playOut(engine, policyChooser(engine, firstFitAddress));
  const total = times.reduce((a, b) => a + b, 0);
  const sorted = [...times].sort((a, b) => a - b);
  return {
    liveBlocks: TARGET,
    decisions: times.length,
    meanMicros: (1000 * total) / Math.max(1, times.length),
    p99Micros: 1000 * (sorted[Math.floor(0.99 * (sorted.length - 1))] ?? 0),
    maxMicros: 1000 * (sorted[sorted.length - 1] ?? 0),
    goalMicros: 1000,
  };
}

export function formatAdversaryDecision(f: AdversaryDecisionFigure): string {
  return `adaptive adversary at ${f.liveBlocks} live blocks: ${f.meanMicros.toFixed(2)} µs a decision (p99 ${f.p99Micros.toFixed(1)} µs, worst ${f.maxMicros.toFixed(0)} µs, ` +
    `${f.decisions} decisions; goal ≤ ${f.goalMicros} µs): ${(f.goalMicros / f.meanMicros).toFixed(0)}× under the goal`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const figure = measureAdversaryDecision();
  process.stdout.write(`${process.argv.includes('--json') ? JSON.stringify(figure) : formatAdversaryDecision(figure)}\n`);
}
