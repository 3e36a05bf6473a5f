// Builds the client once for the whole browser-test run, into a folder of its own,
// and points every test server at it (no server rebuilds, no half-built folder).

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mallocade-client-'));
  const built = spawnSync(process.execPath, [path.resolve('node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--logLevel', 'warn'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (built.status !== 0) throw new Error('the client did not build');
  process.env.MALLOCADE_CLIENT_DIST = outDir;
  process.env.SKIP_CLIENT_BUILD = '1';
  return () => fs.rmSync(outDir, { recursive: true, force: true });
}
