import path from "node:path";

import { prepareDatabase, stackEnv, startDashboard } from "../scripts/stack";

/** Playwright's web server: the demo stack on its own port and data folder. */
const port = Number(process.argv[2] ?? 3100);
const options = { port, dataDir: path.resolve(".tmp", "e2e") };
const env = stackEnv(options);
await prepareDatabase(env);
startDashboard(env, port, true);
