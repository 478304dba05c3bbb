import "server-only";

import { type Db, openDb } from "@/db/client";
import { getEnv } from "@/lib/env";

const holder = globalThis as typeof globalThis & { __opsDb?: Db; __opsWorkerDb?: Db };

/** The process-wide handle on `DATABASE_PATH`, opened on first use (never while `next build` runs). */
export function getDb(): Db {
  holder.__opsDb ??= openDb(getEnv().DATABASE_PATH);
  return holder.__opsDb;
}

/**
 * The callback worker's own handle on the same file, with `synchronous = NORMAL` (see
 * `openDb`): its many small commits cost no sync each, and nothing it writes can take an
 * acknowledgement with it.
 */
export function getWorkerDb(): Db {
  holder.__opsWorkerDb ??= openDb(getEnv().DATABASE_PATH, "NORMAL");
  return holder.__opsWorkerDb;
}
