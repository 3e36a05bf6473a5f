// A PostgreSQL database for tests: MALLOCADE_TEST_DATABASE_URL (what .ci/run exports),
// else DATABASE_URL, else the local development database `npm run cluster` makes
// (server/cluster/local-services.ts). Each caller gets a schema of its own (dropped afterwards),
// selected through the connection string, so test files running at once never see
// each other's rows. Null when no server answers: the caller skips and says so.

import crypto from 'node:crypto';
import pg from 'pg';
import { LOCAL_DATABASE_URL } from '../../server/cluster/local-services.ts';

export interface TestDatabase {
  /** A connection string whose sessions use the fresh schema. */
  readonly url: string;
  drop(): Promise<void>;
}

export function testDatabaseUrl(): string {
  return process.env.MALLOCADE_TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? LOCAL_DATABASE_URL;
}

/** Why PostgreSQL is unusable here, or null when it answers. */
export async function postgresProblem(url = testDatabaseUrl()): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return `no PostgreSQL at ${url.replace(/:[^:@/]*@/, ':***@')} (${(error as Error).message})`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function freshSchema(prefix: string, url = testDatabaseUrl()): Promise<TestDatabase> {
  const schema = `${prefix}_${crypto.randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const withSchema = new URL(url);
  withSchema.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: withSchema.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP SCHEMA ${schema} CASCADE`);
      await client.end();
    },
  };
}
