import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { type Db, openDb } from "@/db/client";

import { dialect } from "../dialect";
import { openPostgres } from "../pg/store";
import { withDatabase } from "../pg/maintenance";
import { createTestDatabase } from "./postgres";

let made = 0;

const pgTest = () => {
  const admin = process.env.TEST_DATABASE_URL ?? "";
  const run = process.env.OPS_TEST_RUN ?? "";
  const name = `ops_test_${run}_${process.pid}_${++made}`;
  return { admin, run, name, url: withDatabase(admin, name) };
};

/**
 * Where a fresh database is, for a test that opens it from several processes: a new SQLite
 * file's path, or the URL of a new PostgreSQL database (already created and migrated).
 * `envOf` gives a child process the variable that selects it.
 */
export async function tempDbLocation(): Promise<string> {
  if (dialect !== "postgres") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ops-test-"));
    return path.join(dir, "test.db");
  }
  const { admin, run, name, url } = pgTest();
  await createTestDatabase(admin, run, name);
  return url;
}

/** The environment that makes a child process's `getDb()` open `location`. */
export const envOf = (location: string): Record<string, string> =>
  dialect === "postgres" ? { DATABASE_URL: location } : { DATABASE_PATH: location };

/**
 * A fresh database, migrated like production: a real SQLite file in a new temporary folder,
 * or, in the PostgreSQL test project (db/testing/pg-global-setup.ts), a new database copied
 * from the run's template (created before the handle's first statement runs).
 */
export function tempDb(): Db {
  if (dialect === "postgres") {
    const { admin, run, name, url } = pgTest();
    return openPostgres(url, {
      max: 4,
      prepare: () => createTestDatabase(admin, run, name),
    });
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ops-test-"));
  return openDb(path.join(dir, "test.db"));
}
