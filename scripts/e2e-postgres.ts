import { spawnSync } from "node:child_process";

import { dropDatabase } from "@/db/pg/maintenance";

import { toolDatabaseUrl } from "./cli";

/**
 * `npm run test:e2e:pg`: the browser suite's smoke (`@smoke`: every page, a search, a top-up
 * settled by its callback) against the production server on PostgreSQL, in a database of its
 * own on the server `TEST_DATABASE_URL` names, dropped afterwards. Without that variable there
 * is no server to run on: it says so and passes (a laptop with SQLite only).
 */
if (!process.env.TEST_DATABASE_URL) {
  console.log("test:e2e:pg skipped: TEST_DATABASE_URL does not name a PostgreSQL server.");
  process.exit(0);
}
const url = toolDatabaseUrl(`ops_e2e_${process.pid}`);
const run = spawnSync("npx", ["playwright", "test", "--grep", "@smoke"], {
  stdio: "inherit",
  env: { ...process.env, E2E_DATABASE_URL: url },
});
await dropDatabase(url);
process.exit(run.status ?? 1);
