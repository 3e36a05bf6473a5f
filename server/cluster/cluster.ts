// `npm run cluster -- --nodes N [--port P] [--services-only]`: a local cluster for
// development and tests. Uses the Redis at REDIS_URL and the PostgreSQL at
// DATABASE_URL (default: the local ones, started from the Debian packages when
// installed and not running: local-services.ts), then runs N server processes on
// ports P, P+1, … (P = PORT or 2567), each with its own public address, and prints
// the addresses. The processes run the server's JavaScript build, as `npm start` does
// (server/build.ts: the client and the server built first when stale). Ctrl-C stops the processes (not Redis or PostgreSQL). A process
// that dies is reported and not restarted: its classes move to a survivor the next
// time someone looks them up (server/cluster/room-locator.ts).
// `--services-only` makes sure Redis and PostgreSQL answer, prints their URLs and exits (.ci/run).

import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildClient, ensureServerBuilt, isClientStale } from '../build.ts';
import { lanAddresses } from '../net/join-url.ts';
import { LOCAL_DATABASE_URL, LOCAL_REDIS_URL, ensurePostgres, ensureRedis } from './local-services.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const HEALTH_WAIT_MS = 180_000;

const USAGE = `usage: npm run cluster -- [--nodes N] [--port P] [--services-only]
  --nodes N          server processes to run (default 2)
  --port P           the first one's port (default PORT or 2567); the others follow
  --services-only    make sure Redis and PostgreSQL answer, print their URLs, and exit
  REDIS_URL, DATABASE_URL   use these instead of the local services`;

interface Node {
  readonly port: number;
  readonly publicAddress: string;
  readonly child: ChildProcess;
}

/** Set once Ctrl-C (or SIGTERM) asked every process to stop: their exits are then expected. */
let stopping = false;

function startNode(entry: string, port: number, publicAddress: string, env: NodeJS.ProcessEnv, label: string): Node {
  // The built server (plain JavaScript): a process that strips types puts a detach check on every typed-array access.
  const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', entry], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), PUBLIC_ADDRESS: publicAddress },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = (chunk: Buffer): string => chunk.toString().replace(/\n+$/, '').replace(/^/gm, `[${label}] `) + '\n';
  child.stdout?.on('data', (chunk: Buffer) => process.stdout.write(prefix(chunk)));
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(prefix(chunk)));
  child.once('exit', (code, signal) => {
    if (!stopping) console.log(`[${label}] exited (${signal ?? `code ${code}`}); its classes reopen on another process at their next lookup`);
  });
  return { port, publicAddress, child };
}

async function waitForHealth(node: Node): Promise<void> {
  const deadline = Date.now() + HEALTH_WAIT_MS;
  while (Date.now() < deadline) {
    if (node.child.exitCode !== null) throw new Error(`the process on port ${node.port} exited before it answered /health`);
    try {
      if ((await fetch(`http://127.0.0.1:${node.port}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the process on port ${node.port} did not answer /health within ${HEALTH_WAIT_MS / 1000} s`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { nodes: { type: 'string', default: '2' }, port: { type: 'string' }, 'services-only': { type: 'boolean', default: false }, help: { type: 'boolean', default: false } } });
  if (values.help) return console.log(USAGE);
  const count = Number(values.nodes);
  const firstPort = Number(values.port ?? process.env.PORT ?? 2567);
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(firstPort) || firstPort < 1) throw new Error(`--nodes and --port take positive whole numbers\n${USAGE}`);

  const redisUrl = process.env.REDIS_URL?.trim() || LOCAL_REDIS_URL;
  const databaseUrl = process.env.DATABASE_URL?.trim() || LOCAL_DATABASE_URL;
  console.log(await ensureRedis(redisUrl));
  console.log(await ensurePostgres(databaseUrl));
  if (values['services-only']) {
    console.log(`REDIS_URL=${redisUrl}\nDATABASE_URL=${databaseUrl}`);
    return;
  }

  if (process.env.SKIP_CLIENT_BUILD !== '1' && isClientStale()) buildClient();
  const entry = ensureServerBuilt();
  const host = lanAddresses()[0] ?? 'localhost';
  const env = { REDIS_URL: redisUrl, DATABASE_URL: databaseUrl };
  const nodes: Node[] = [];
  const stopAll = (): void => {
    stopping = true;
    for (const n of nodes) if (n.child.exitCode === null && n.child.signalCode === null) n.child.kill('SIGTERM');
  };
  process.once('SIGINT', stopAll);
  process.once('SIGTERM', stopAll);
  for (let i = 0; i < count; i++) {
    const port = firstPort + i;
    nodes.push(startNode(entry, port, `${host}:${port}`, env, `node ${i + 1}`));
  }
  await Promise.all(nodes.map(waitForHealth));
  console.log(`\nMallocade cluster: ${count} process${count === 1 ? '' : 'es'} on Redis ${redisUrl} and PostgreSQL`);
  for (const [i, n] of nodes.entries()) console.log(`  node ${i + 1}: http://${n.publicAddress}  (ws://${n.publicAddress}, pid ${n.child.pid})`);
  console.log('Any address serves the game; a class opened on one is found through all. Ctrl-C stops them.');
  await Promise.all(nodes.map((n) => new Promise((resolve) => (n.child.exitCode !== null ? resolve(null) : n.child.once('exit', resolve)))));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
