import path from "node:path";

import { createRunDatabases, dropRunDatabases } from "./postgres";

/**
 * vitest's global setup for the PostgreSQL project: one template database for the run, and
 * the environment every test process inherits (`DATABASE_URL` selects PostgreSQL; the
 * template's run id lets `tempDb()` copy it).
 */
export default async function setup() {
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) throw new Error("TEST_DATABASE_URL is not set: the PostgreSQL tests need a server");
  const run = `${Date.now().toString(36)}_${process.pid}`;
  const shared = await createRunDatabases(
    admin,
    run,
    path.join(process.cwd(), "db", "pg", "migrations"),
  );
  Object.assign(process.env, { DATABASE_URL: shared, OPS_TEST_RUN: run });
  return () => dropRunDatabases(admin, run);
}
