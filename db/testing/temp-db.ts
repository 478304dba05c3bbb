import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { type Db, openDb } from "@/db/client";

import { dialect } from "../dialect";
import { openPostgres } from "../pg/store";
import { createTestDatabase, databaseUrl } from "./postgres";

let made = 0;

/**
 * A fresh database, migrated like production: a real SQLite file in a new temporary folder,
 * or, in the PostgreSQL test project (db/testing/pg-global-setup.ts), a new database copied
 * from the run's template (created before the handle's first statement runs).
 */
export function tempDb(): Db {
  if (dialect === "postgres") {
    const admin = process.env.TEST_DATABASE_URL ?? "";
    const run = process.env.OPS_TEST_RUN ?? "";
    const name = `ops_test_${run}_${process.pid}_${++made}`;
    return openPostgres(databaseUrl(admin, name), {
      max: 4,
      prepare: () => createTestDatabase(admin, run, name),
    });
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ops-test-"));
  return openDb(path.join(dir, "test.db"));
}
