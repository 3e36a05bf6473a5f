// Which store a server process opens: PostgreSQL when DATABASE_URL is set (a
// deployment of several processes shares it), else the embedded SQLite file
// (MALLOCADE_DB, default ./data/mallocade.db): `npm start` needs no other service.

import { PgStorage } from './pg-storage.ts';
import { SqliteStorage } from './sqlite-storage.ts';
import type { Storage } from './storage.ts';

export function openStorageFromEnv(env: NodeJS.ProcessEnv = process.env): Storage {
  const url = env.DATABASE_URL?.trim();
  return url ? new PgStorage(url) : new SqliteStorage();
}
