import "server-only";

import { type Db, openDb } from "@/db/client";
import { getEnv } from "@/lib/env";

const holder = globalThis as typeof globalThis & { __opsDb?: Db };

/** The process-wide handle on `DATABASE_PATH`, opened on first use (never while `next build` runs). */
export function getDb(): Db {
  holder.__opsDb ??= openDb(getEnv().DATABASE_PATH);
  return holder.__opsDb;
}
