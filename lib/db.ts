import "server-only";

import { type Db, openDb } from "@/db/client";
import { getEnv } from "@/lib/env";

const holder = globalThis as typeof globalThis & { __opsDb?: Db; __opsWorkerDb?: Db };

/**
 * The process-wide handle on the database: PostgreSQL when `DATABASE_URL` is set, otherwise
 * the SQLite file at `DATABASE_PATH`; opened on first use (never while `next build` runs).
 */
export function getDb(): Db {
  const env = getEnv();
  holder.__opsDb ??= env.DATABASE_URL
    ? openDb(env.DATABASE_URL, { pool: env.DATABASE_POOL })
    : openDb(env.DATABASE_PATH);
  return holder.__opsDb;
}

/**
 * The callback worker's own handle on the same SQLite file, with `synchronous = NORMAL` (see
 * `openSqlite`): its many small commits cost no sync each, and nothing it writes can take an
 * acknowledgement with it.
 */
export function getWorkerDb(): Db {
  // PostgreSQL syncs every commit alike: the worker shares the pool.
  if (getEnv().DATABASE_URL) return getDb();
  holder.__opsWorkerDb ??= openDb(getEnv().DATABASE_PATH, { synchronous: "NORMAL" });
  return holder.__opsWorkerDb;
}
