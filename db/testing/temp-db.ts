import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { type Db, openDb } from "@/db/client";

/** A real SQLite file in a fresh temporary folder, migrated like production. */
export function tempDb(): Db {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ops-test-"));
  return openDb(path.join(dir, "test.db"));
}
