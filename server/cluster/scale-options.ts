// How one server process joins a deployment of several (issue 15). Off by default:
// without REDIS_URL the process keeps Colyseus's in-memory presence and driver and
// stands alone. With REDIS_URL set:
//   - presence and the room listing live in Redis (@colyseus/redis-presence and
//     @colyseus/redis-driver), so any process can find a room any other one holds;
//   - this process has a public address (PUBLIC_ADDRESS, e.g. `mallocade.example.edu/p1`
//     behind a proxy, else `host:PORT`), which Colyseus writes into each room's listing
//     and the SDK's seat reservation: a client that reserved a seat through one process
//     opens its websocket at the address of the process holding the room;
//   - a room is created on the process that was asked (the one a class's creator or the
//     lookup reached), not on whichever process has fewest rooms: the reverse proxy
//     already spreads requests, and a lookup that re-creates a dead process's class
//     must not hand it to another process that may be dead too.

import { matchMaker, type Presence } from '@colyseus/core';
import { RedisDriver } from '@colyseus/redis-driver';
import { RedisPresence } from '@colyseus/redis-presence';
import { lanAddresses } from '../net/join-url.ts';

export interface ScaleOptions {
  readonly presence?: Presence;
  readonly driver?: matchMaker.MatchMakerDriver;
  readonly publicAddress?: string;
  readonly selectProcessIdToCreateRoom?: matchMaker.SelectProcessIdCallback;
}

/** This process's public address: PUBLIC_ADDRESS as given (host[:port][/path], no scheme), else the LAN address and PORT. */
export function publicAddressFrom(env: NodeJS.ProcessEnv, lan: readonly string[]): string {
  const given = env.PUBLIC_ADDRESS?.trim();
  if (given) {
    if (/^[a-z]+:\/\//i.test(given)) throw new Error(`PUBLIC_ADDRESS is host[:port][/path] without a scheme (the SDK adds ws:// or wss://), not ${given}`);
    return given.replace(/\/+$/, '');
  }
  return `${lan[0] ?? 'localhost'}:${env.PORT ?? '2567'}`;
}

export function scaleOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): ScaleOptions {
  const redisUrl = env.REDIS_URL?.trim();
  if (!redisUrl) return {};
  return {
    presence: new RedisPresence(redisUrl),
    driver: new RedisDriver(redisUrl),
    publicAddress: publicAddressFrom(env, lanAddresses()),
    selectProcessIdToCreateRoom: async () => matchMaker.processId,
  };
}
