// Process-wide services the rooms and routes share: the store and the limiters.
// Created once on first use from the environment (MALLOCADE_DB for the database file).

import { SqliteStorage } from './storage/sqlite-storage.ts';
import type { Storage } from './storage/storage.ts';
import { KeyedLimiter, type BucketOptions } from './protocol/rate-limit.ts';

export interface Services {
  readonly storage: Storage;
  /** Join-code lookups per client address: slows guessing to a crawl. */
  readonly codeLookups: KeyedLimiter;
  /** Messages a client may send per second, and in a burst (MALLOCADE_MESSAGE_RATE="rate,burst" to change). */
  readonly messageRate: BucketOptions;
}

function messageRateFromEnv(): BucketOptions {
  const [rate, burst] = (process.env.MALLOCADE_MESSAGE_RATE ?? '').split(',').map(Number);
  return rate && burst && rate > 0 && burst > 0 ? { ratePerSecond: rate, burst } : { ratePerSecond: 20, burst: 40 };
}

let services: Services | null = null;

export function getServices(): Services {
  services ??= {
    storage: new SqliteStorage(),
    codeLookups: new KeyedLimiter({ ratePerSecond: 0.5, burst: 10, idleMs: 10 * 60_000 }),
    messageRate: messageRateFromEnv(),
  };
  return services;
}

/** Closes the store (on shutdown); the next getServices() opens a fresh one. */
export async function closeServices(): Promise<void> {
  const current = services;
  services = null;
  await current?.storage.close();
}
