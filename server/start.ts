// `npm start`: builds the client when it is missing or older than its sources,
// then serves the game, the HTTP API and the rooms on one port (PORT, default 2567).

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listen } from '@colyseus/tools';
import app, { CLIENT_DIST } from './app.config.ts';
import { lanAddresses, publicUrlFrom } from './net/join-url.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const t = entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}

function isClientStale(): boolean {
  const index = path.join(CLIENT_DIST, 'index.html');
  if (!fs.existsSync(index)) return true;
  const built = fs.statSync(index).mtimeMs;
  return newestMtime(path.join(root, 'client')) > built || newestMtime(path.join(root, 'shared')) > built;
}

if (process.env.SKIP_CLIENT_BUILD !== '1' && isClientStale()) {
  console.log('Building the client…');
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', CLIENT_DIST], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const port = Number(process.env.PORT ?? 2567);
await listen(app, port);
console.log(`Mallocade is ready at http://localhost:${port}`);
const reachable = publicUrlFrom(process.env.PUBLIC_URL) ?? null;
const others = reachable ? [reachable] : lanAddresses().map((address) => `http://${address}:${port}`);
if (others.length > 0) console.log(`Students join at ${others.join(' or ')}`);
else console.log('No network address found: students on other machines cannot reach this one.');
