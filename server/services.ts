// The services the server's parts are handed (never fetched from a global): the
// store, the limiters and the wall clock. app.config.ts makes one set per server
// and gives it to each room when the room is defined and to the HTTP routes; a test
// can hand in its own (a slow store, a clock it drives). The store opens on first
// use, from the environment (DATABASE_URL for PostgreSQL, else MALLOCADE_DB for the
// SQLite file: server/storage/open.ts).

import { openStorageFromEnv } from './storage/open.ts';
import type { Storage } from './storage/storage.ts';
import { KeyedLimiter, type BucketOptions } from './protocol/rate-limit.ts';
import { newSecret } from './classroom/secrets.ts';
import { classIdleMsFromEnv } from './rooms/class-closing.ts';

/** What a room needs from its server. */
export interface RoomServices {
  readonly storage: Storage;
  /** Messages a client may send per second, and in a burst (MALLOCADE_MESSAGE_RATE="rate,burst" to change). */
  readonly messageRate: BucketOptions;
  /** Wall time in ms: the rooms' clocks and the stored timestamps read this. */
  readonly now: () => number;
  /** A class with no activity (no join, no message) for this long closes itself (MALLOCADE_CLASS_IDLE_MINUTES, 120 by default). */
  readonly classIdleMs: number;
}

/** What the whole server shares: the rooms' services and the HTTP API's. */
export interface Services extends RoomServices {
  /** Join-code lookups per client address: slows guessing to a crawl. */
  readonly codeLookups: KeyedLimiter;
  /** Failed join attempts (wrong code or key) per client address. */
  readonly badJoins: KeyedLimiter;
  /**
   * Random for each start of the server process (`GET /health`, the class lookup): a client
   * that sees it change knows its old connection cannot be resumed and joins again at once.
   */
  readonly bootId: string;
  /** Closes the store (on shutdown); a later use opens a fresh one. */
  close(): Promise<void>;
}

function messageRateFromEnv(): BucketOptions {
  const [rate, burst] = (process.env.MALLOCADE_MESSAGE_RATE ?? '').split(',').map(Number);
  return rate && burst && rate > 0 && burst > 0 ? { ratePerSecond: rate, burst } : { ratePerSecond: 20, burst: 40 };
}

/** The server's services from the environment; `storage` opens on first use (a server that only plays practice never opens it). */
export function createServices(overrides: { readonly storage?: () => Storage; readonly now?: () => number; readonly classIdleMs?: number } = {}): Services {
  let storage: Storage | null = null;
  const open = overrides.storage ?? (() => openStorageFromEnv());
  return {
    get storage(): Storage {
      storage ??= open();
      return storage;
    },
    messageRate: messageRateFromEnv(),
    now: overrides.now ?? (() => Date.now()),
    classIdleMs: overrides.classIdleMs ?? classIdleMsFromEnv(process.env.MALLOCADE_CLASS_IDLE_MINUTES),
    codeLookups: new KeyedLimiter({ ratePerSecond: 0.5, burst: 10, idleMs: 10 * 60_000 }),
    badJoins: new KeyedLimiter({ ratePerSecond: 0.2, burst: 10, idleMs: 10 * 60_000 }),
    bootId: newSecret().slice(0, 12),
    async close(): Promise<void> {
      const current = storage;
      storage = null;
      await current?.close();
    },
  };
}
