import path from "node:path";

import {
  prepareDatabase,
  stackEnv,
  startDashboard,
  startSandbox,
  waitForHealth,
} from "../scripts/stack";

/** Playwright's web server: the demo stack on its own ports and data folder. */
const port = Number(process.argv[2] ?? 3100);
const options = { port, dataDir: path.resolve(".tmp", "e2e"), p2wPort: 4110, payoutPort: 4120 };
const env = stackEnv(options);
await prepareDatabase(env);
startSandbox(env, true);
await waitForHealth(`http://127.0.0.1:${options.p2wPort}/__control/state`);
startDashboard(env, port, true);
