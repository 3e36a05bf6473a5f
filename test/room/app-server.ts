// The product's own server (server/app.config.ts, the rooms and routes `npm start` serves)
// booted by @colyseus/testing for one test file: before its tests, on a free port, with a
// fresh SQLite file of its own (never the project's data/), and with the environment the file
// asks for (rates, limits) set before the app reads it; shut down after its tests.
// Files that hand in their own store and clock use classroom-server.ts instead.

import fs from 'node:fs';
import os from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { boot, type ColyseusTestServer } from '@colyseus/testing';
import type { ConfigOptions } from '@colyseus/tools';
import { afterAll, beforeAll } from 'vitest';

/** The booted server (after the file's beforeAll); `port` and `base` say where it listens. */
export interface AppServer {
  (): ColyseusTestServer;
  readonly port: number;
  /** `http://127.0.0.1:PORT`, for fetch. */
  readonly base: string;
}

const PORT_TRIES = 8;

/** Whether nothing listens on `port` now (other test files boot servers in parallel). */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, () => probe.close(() => resolve(true)));
  });
}

/** A free port in 20000..39999, away from the fixed ports other test files use. */
async function freePort(): Promise<number> {
  for (let i = 0; i < PORT_TRIES; i++) {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    if (await portIsFree(port)) return port;
  }
  throw new Error(`no free port after ${PORT_TRIES} tries`);
}

async function bootOnFreePort(config: ConfigOptions): Promise<{ server: ColyseusTestServer; port: number }> {
  const port = await freePort();
  return { server: await boot(config, port), port };
}

/** Boots the app for this file's tests; `env` is set now, before the app is imported. */
export function appServer(env: Readonly<Record<string, string>> = {}): AppServer {
  process.env.MALLOCADE_DB = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mallocade-room-test-')), 'test.db');
  Object.assign(process.env, env);
  let booted: { server: ColyseusTestServer; port: number } | null = null;
  beforeAll(async () => {
    const { default: appConfig } = await import('../../server/app.config.ts');
    booted = await bootOnFreePort(appConfig);
  });
  afterAll(async () => {
    await booted?.server.shutdown();
  });
  const running = (): { server: ColyseusTestServer; port: number } => {
    if (!booted) throw new Error('the app server boots in beforeAll: use it inside a test');
    return booted;
  };
  const server = (): ColyseusTestServer => running().server;
  return Object.defineProperties(server, {
    port: { get: () => running().port },
    base: { get: () => `http://127.0.0.1:${running().port}` },
  }) as AppServer;
}
