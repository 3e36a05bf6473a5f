// The bench's trace: a fixed-seed stream of allocs and random frees that ramps up to
// about `live` live blocks and stays there, sizes uniform in [minSize, maxSize].
// An alloc comes with probability 1/2 + 1/2 (live - n) / live (n blocks live now), so
// the count climbs fast, then hovers around `live`. Each alloc gets a new id.

import { createPrng, nextFloat, nextInt } from '../../shared/core/prng.ts';
import { alloc, free, type StreamEvent } from '../../shared/core/stream.ts';

export interface BenchTraceSpec {
  readonly ops: number;
  readonly live: number;
  readonly minSize: number;
  readonly maxSize: number;
  readonly seed: number;
}

export const BENCH_TRACE: BenchTraceSpec = { ops: 1_000_000, live: 50_000, minSize: 16, maxSize: 4096, seed: 20_260_301 };

export function generateBenchTrace(spec: BenchTraceSpec): StreamEvent[] {
  const prng = createPrng(spec.seed);
  const events: StreamEvent[] = new Array<StreamEvent>(spec.ops);
  const live: number[] = [];
  let nextId = 0;
  for (let i = 0; i < spec.ops; i++) {
    const pAlloc = 0.5 + (0.5 * (spec.live - live.length)) / spec.live;
    if (live.length === 0 || nextFloat(prng) < pAlloc) {
      const id = nextId++;
      live.push(id);
      events[i] = alloc(id, nextInt(prng, spec.minSize, spec.maxSize));
    } else {
      const k = nextInt(prng, 0, live.length - 1);
      const id = live[k]!;
      live[k] = live[live.length - 1]!;
      live.pop();
      events[i] = free(id);
    }
  }
  return events;
}
