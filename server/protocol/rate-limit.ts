// Token buckets: per-client message rate limits and per-address join-code lookups.
// Time comes from the caller, so the limiter is testable without a clock.

export interface BucketOptions {
  /** Tokens added per second. */
  readonly ratePerSecond: number;
  /** Bucket size: the burst allowed after a quiet spell. */
  readonly burst: number;
}

export class TokenBucket {
  private tokens: number;
  private last: number;
  private readonly options: BucketOptions;

  constructor(options: BucketOptions, nowMs: number) {
    this.options = options;
    this.tokens = options.burst;
    this.last = nowMs;
  }

  /** Takes one token if there is one. */
  take(nowMs: number): boolean {
    const elapsed = Math.max(0, nowMs - this.last) / 1000;
    this.tokens = Math.min(this.options.burst, this.tokens + elapsed * this.options.ratePerSecond);
    this.last = nowMs;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Milliseconds until a token is available (0 when one is). */
  waitMs(nowMs: number): number {
    const elapsed = Math.max(0, nowMs - this.last) / 1000;
    const tokens = Math.min(this.options.burst, this.tokens + elapsed * this.options.ratePerSecond);
    return tokens >= 1 ? 0 : Math.ceil(((1 - tokens) / this.options.ratePerSecond) * 1000);
  }
}

/** One bucket per key (client id, IP address), forgotten after `idleMs` without use. */
export class KeyedLimiter {
  private readonly buckets = new Map<string, { bucket: TokenBucket; lastUsed: number }>();
  private readonly options: BucketOptions & { readonly idleMs: number };

  constructor(options: BucketOptions & { readonly idleMs: number }) {
    this.options = options;
  }

  take(key: string, nowMs: number): boolean {
    let entry = this.buckets.get(key);
    if (!entry) {
      if (this.buckets.size > 10_000) this.sweep(nowMs);
      entry = { bucket: new TokenBucket(this.options, nowMs), lastUsed: nowMs };
      this.buckets.set(key, entry);
    }
    entry.lastUsed = nowMs;
    return entry.bucket.take(nowMs);
  }

  waitMs(key: string, nowMs: number): number {
    return this.buckets.get(key)?.bucket.waitMs(nowMs) ?? 0;
  }

  private sweep(nowMs: number): void {
    for (const [key, entry] of this.buckets) if (nowMs - entry.lastUsed > this.options.idleMs) this.buckets.delete(key);
  }
}
