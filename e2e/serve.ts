import fs from "node:fs";
import path from "node:path";

import { E2E_METRICS_TOKEN, E2E_USERS } from "./users";

import {
  prepareDatabase,
  stackEnv,
  startDashboard,
  startSandbox,
  waitForHealth,
} from "../scripts/stack";

/**
 * Playwright's web server: the demo stack on its own ports and data folder, on SQLite, or on
 * the PostgreSQL database `E2E_DATABASE_URL` names (emptied first; scripts/e2e-postgres.ts).
 */
const port = Number(process.argv[2] ?? 3100);
const options = {
  port,
  dataDir: path.resolve(".tmp", "e2e"),
  p2wPort: 4110,
  payoutPort: 4120,
  databaseUrl: process.env.E2E_DATABASE_URL || undefined,
};
// Deterministic upstreams for tests: no random failures (a game id starting with "fail" fails).
const env = {
  ...stackEnv(options),
  SANDBOX_FAILURE_RATE: "0",
  SANDBOX_COMPLETE_AFTER_MS: "2500",
  METRICS_TOKEN: E2E_METRICS_TOKEN,
};
await prepareDatabase(env, E2E_USERS);
startSandbox(env, true);
await waitForHealth(`http://127.0.0.1:${options.p2wPort}/__control/state`);
const dashboard = startDashboard(env, port, true);
// For e2e/footprint.spec.ts, which reads what the server process has loaded.
fs.writeFileSync(path.join(options.dataDir, "dashboard.pid"), String(dashboard.pid));
