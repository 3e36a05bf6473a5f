// The two services a local cluster needs (npm run cluster, the cluster test, CI):
// Redis and PostgreSQL. Each is used when it already answers; otherwise, when the
// Debian package is installed and we are root, it is started (redis-server as a
// daemon without persistence: presence and room listings are rebuilt by the
// processes; PostgreSQL 15's `main` cluster through pg_ctlcluster) and, for
// PostgreSQL, the project's role and database are made. Development only: a
// production deployment points REDIS_URL and DATABASE_URL at services of its own.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import pg from 'pg';

export const LOCAL_REDIS_URL = 'redis://127.0.0.1:6379';
/** The role, password and database `ensurePostgres` makes (development only). */
export const LOCAL_DATABASE_URL = 'postgres://mallocade:mallocade@127.0.0.1:5432/mallocade';

const WAIT_MS = 20_000;
const POLL_MS = 200;

/** Whether a Redis answers PING at `url` (a raw RESP exchange: no client library needed). */
export async function redisAnswers(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname || '127.0.0.1', port: Number(port || 6379) });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

export async function postgresAnswers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function waitFor(what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} did not come up within ${WAIT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

function run(command: string, args: readonly string[]): void {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status})`);
}

const isRoot = (): boolean => process.getuid?.() === 0;

/** Redis at `url`, started from Debian's redis-server when it is not running; what was done, for the log. */
export async function ensureRedis(url = LOCAL_REDIS_URL): Promise<string> {
  if (await redisAnswers(url)) return `Redis: using the one at ${url}`;
  if (!hasCommand('redis-server')) throw new Error(`no Redis answers at ${url} and redis-server is not installed (apt-get install redis-server)`);
  const port = new URL(url).port || '6379';
  run('redis-server', ['--port', port, '--bind', '127.0.0.1', '--daemonize', 'yes', '--save', '', '--appendonly', 'no']);
  await waitFor('Redis', () => redisAnswers(url));
  return `Redis: started redis-server on port ${port}`;
}

/** Runs SQL as the postgres superuser (peer authentication through the local socket). */
function psqlAsPostgres(sql: string): string {
  const result = spawnSync('runuser', ['-u', 'postgres', '--', 'psql', '-X', '-tA', '-v', 'ON_ERROR_STOP=1', '-c', sql], { encoding: 'utf8', cwd: '/' });
  if (result.status !== 0) throw new Error(`psql failed: ${result.stderr}`);
  return result.stdout.trim();
}

/** The role and database of `url` (user, password, database), made when missing. */
function ensureRoleAndDatabase(url: string): void {
  const { username, password, pathname } = new URL(url);
  const role = decodeURIComponent(username);
  const database = decodeURIComponent(pathname.replace(/^\//, ''));
  if (!/^[a-z_][a-z0-9_]*$/.test(role) || !/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error(`role and database names must be plain identifiers: ${role}, ${database}`);
  const quoted = decodeURIComponent(password).replace(/'/g, "''");
  if (psqlAsPostgres(`SELECT 1 FROM pg_roles WHERE rolname = '${role}'`) !== '1') psqlAsPostgres(`CREATE ROLE ${role} LOGIN CREATEDB PASSWORD '${quoted}'`);
  if (psqlAsPostgres(`SELECT 1 FROM pg_database WHERE datname = '${database}'`) !== '1') psqlAsPostgres(`CREATE DATABASE ${database} OWNER ${role}`);
}

/** PostgreSQL at `url`, started from Debian's packages (and given its role and database) when it does not answer. */
export async function ensurePostgres(url = LOCAL_DATABASE_URL): Promise<string> {
  if (await postgresAnswers(url)) return `PostgreSQL: using the one at ${url.replace(/:[^:@/]*@/, ':***@')}`;
  if (!hasCommand('pg_ctlcluster')) throw new Error(`no PostgreSQL answers at ${url} and PostgreSQL is not installed (apt-get install postgresql)`);
  if (!isRoot()) throw new Error('PostgreSQL is installed but not answering; start it as root (pg_ctlcluster 15 main start) or run this as root');
  const clusters = fs.existsSync('/etc/postgresql') ? fs.readdirSync('/etc/postgresql') : [];
  const version = clusters.sort().at(-1);
  if (!version) throw new Error('no PostgreSQL cluster is configured in /etc/postgresql');
  const status = spawnSync('pg_ctlcluster', [version, 'main', 'status'], { stdio: 'ignore' }).status;
  const note = status === 0 ? `PostgreSQL ${version} was running` : `started PostgreSQL ${version}`;
  if (status !== 0) run('pg_ctlcluster', [version, 'main', 'start']);
  await waitFor('PostgreSQL', async () => spawnSync('pg_isready', ['-q', '-h', '127.0.0.1']).status === 0);
  ensureRoleAndDatabase(url);
  await waitFor('PostgreSQL (as the project role)', () => postgresAnswers(url));
  return `PostgreSQL: ${note}, with the role and database of ${url.replace(/:[^:@/]*@/, ':***@')}`;
}
