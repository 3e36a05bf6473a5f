// `npm start`'s build step: builds the client (Vite, into dist/client) and the server
// (plain JavaScript, into dist/server: server/delivery/build-js.ts says why) when either
// is missing or older than its sources; then `npm start` runs dist/server/server/start.js
// in a process that never strips types. SKIP_CLIENT_BUILD=1 leaves the client alone
// (the browser tests build theirs once, elsewhere).

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildJs } from './delivery/build-js.ts';
import { CLIENT_DIST, ROOT, SERVER_DIST } from './delivery/paths.ts';

/** The server's entry in its build. */
export const SERVER_ENTRY = path.join(SERVER_DIST, 'server/start.js');
/** Written after a whole server build: its time is the build's. */
const SERVER_STAMP = path.join(SERVER_DIST, 'built');

/** The newest modification time of the files under `dir` (0 when there are none). */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const t = entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}

/** Whether `built` is missing or older than anything under the source folders. */
function isStale(built: string, sources: readonly string[]): boolean {
  if (!fs.existsSync(built)) return true;
  const time = fs.statSync(built).mtimeMs;
  return sources.some((dir) => newestMtime(path.join(ROOT, dir)) > time);
}

export function isClientStale(): boolean {
  return isStale(path.join(CLIENT_DIST, 'index.html'), ['client', 'shared']);
}

export function isServerStale(): boolean {
  return isStale(SERVER_STAMP, ['server', 'shared']);
}

/** Builds the client with Vite (which also precompresses it and prints the first load's bytes). */
export function buildClient(): void {
  console.log('Building the client…');
  const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', CLIENT_DIST], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error(`the client build failed (exit ${result.status})`);
}

/** Builds the server into dist/server when stale; answers its entry. */
export function ensureServerBuilt(): string {
  if (isServerStale()) {
    const started = fs.existsSync(SERVER_STAMP) ? 'Rebuilding' : 'Building';
    console.log(`${started} the server as JavaScript…`);
    buildJs(ROOT, path.join(ROOT, 'server/start.ts'), SERVER_DIST);
    fs.writeFileSync(SERVER_STAMP, `${new Date().toISOString()}\n`);
  }
  return SERVER_ENTRY;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  if (process.env.SKIP_CLIENT_BUILD !== '1' && isClientStale()) buildClient();
  ensureServerBuilt();
}
