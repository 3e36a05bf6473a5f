// Metrics shared by every allocator kind (DESIGN §2.4, rules in shared/core/SPEC.md): a
// tracker that follows live and heap bytes op by op, keeps their peaks, counts failures
// and, when asked, records a timeline for plots. The formulas live here once: whatever
// shows a utilization or a fragmentation (summaries, scores, the play screen's meters)
// calls the functions below. Allocators only answer `gauge()`; whoever plays one keeps
// the tracker (CORE-METRIC-3).

/** What an allocator reports about itself at one moment. */
export interface HeapGauge {
  /** Sum of the bytes requested by live blocks. */
  readonly liveBytes: number;
  /** Bytes of heap in use: the break plus mapped pages (free list), extent (buddy), pages held (slab, arena). */
  readonly heapBytes: number;
  /** Free bytes inside the heap. */
  readonly freeBytes: number;
  /** The largest single free block. */
  readonly largestFree: number;
  /** Bytes inside live blocks beyond what was requested (rounding, overhead, unsplit remainders). */
  readonly internalBytes: number;
}

export interface FailureInfo {
  readonly op: number;
  readonly size: number;
  readonly freeBytes: number;
  readonly largestFree: number;
}

export interface TimelinePoint extends HeapGauge {
  readonly op: number;
}

export interface MetricsSummary {
  readonly ops: number;
  readonly failures: number;
  readonly peakLive: number;
  readonly peakHeap: number;
  /** peak live / peak heap (the malloc lab's measure); 1 for an empty run. */
  readonly utilization: number;
  /** (peak heap - peak live) / peak live (Johnstone & Wilson); 0 for an empty run. */
  readonly fragmentation: number;
  readonly firstFailure: FailureInfo | null;
}

/** [CORE-METRIC-2] External fragmentation of a moment: 1 - largest free / total free; 0 when nothing is free. */
export function externalFragmentation(g: Pick<HeapGauge, 'freeBytes' | 'largestFree'>): number {
  return g.freeBytes === 0 ? 0 : 1 - g.largestFree / g.freeBytes;
}

/**
 * [CORE-METRIC-1] The one utilization formula: peak live / peak heap, 1 while the heap
 * never held a byte. Pass a summary's or a synced state's peaks (the play screen's meter too).
 */
export function utilization(peakLive: number, peakHeap: number): number {
  return peakHeap === 0 ? 1 : peakLive / peakHeap;
}

/** [CORE-METRIC-2] (peak heap - peak live) / peak live; 0 while nothing was ever live. */
export function fragmentation(peakLive: number, peakHeap: number): number {
  return peakLive === 0 ? 0 : (peakHeap - peakLive) / peakLive;
}

export class MetricsTracker {
  ops = 0;
  failures = 0;
  peakLive = 0;
  peakHeap = 0;
  firstFailure: FailureInfo | null = null;
  readonly timeline: TimelinePoint[] | null;

  constructor(options: { timeline?: boolean } = {}) {
    this.timeline = options.timeline ? [] : null;
  }

  /** Call after each operation with the allocator's gauge. */
  observe(liveBytes: number, heapBytes: number, gauge?: () => HeapGauge): void {
    this.ops++;
    if (liveBytes > this.peakLive) this.peakLive = liveBytes;
    if (heapBytes > this.peakHeap) this.peakHeap = heapBytes;
    if (this.timeline !== null && gauge !== undefined) this.timeline.push({ op: this.ops, ...gauge() });
  }

  /** Call instead of `observe` after an operation that cannot raise live or heap bytes (a free) when no timeline is kept: it only counts. */
  countOnly(): void {
    this.ops++;
  }

  /** Call when a request could not be met; `op` is the index of the failing operation. */
  fail(op: number, size: number, freeBytes: number, largestFree: number): void {
    this.failures++;
    if (!this.firstFailure) this.firstFailure = { op, size, freeBytes, largestFree };
  }

  summary(): MetricsSummary {
    return {
      ops: this.ops,
      failures: this.failures,
      peakLive: this.peakLive,
      peakHeap: this.peakHeap,
      utilization: utilization(this.peakLive, this.peakHeap),
      fragmentation: fragmentation(this.peakLive, this.peakHeap),
      firstFailure: this.firstFailure,
    };
  }
}
