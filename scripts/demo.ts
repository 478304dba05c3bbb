import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

import { sendDemoRefusals } from "./demo-refusals";
import {
  DEMO_USERS,
  prepareDatabase,
  stackEnv,
  startDashboard,
  startSandbox,
  waitForHealth,
} from "./stack";

/**
 * `npm run demo`: a fresh demo database, one user per role, both upstream simulators, and the
 * production build of the dashboard on http://localhost:3000. Ctrl-C stops everything.
 */
const PORT = 3000;
const options = {
  port: PORT,
  dataDir: path.resolve("data", "demo"),
  p2wPort: 4010,
  payoutPort: 4020,
};
// Some callbacks arrive twice, as real upstreams' retries do (the log shows them as duplicates).
const env: Record<string, string> = {
  ...stackEnv(options),
  SANDBOX_FAULTS: JSON.stringify([{ op: "callback", kind: "duplicate", rate: 0.15 }]),
};

console.log("Building the dashboard (production build)…");
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const build = spawnSync(process.execPath, [nextBin, "build"], {
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
});
if (build.status !== 0) process.exit(build.status ?? 1);

await prepareDatabase(env, [], { history: true });
startSandbox(env);
await waitForHealth(`http://127.0.0.1:${options.p2wPort}/__control/state`);
startDashboard(env, PORT);
await waitForHealth(`http://localhost:${PORT}/api/health`);
await sendDemoRefusals(`http://localhost:${PORT}`, env);

console.log(`
Dashboard: http://localhost:${PORT}   (Ctrl-C stops it and the simulators)
Sandbox:   P2W ${env.P2W_API_URL}, payout ${env.PAYOUT_API_URL}
Metrics:   curl -H "Authorization: Bearer ${env.METRICS_TOKEN}" http://localhost:${PORT}/api/metrics
Alerts:    what the demo's Slack, LINE and e-mail channels received: http://127.0.0.1:${env.SANDBOX_ALERTS_PORT}/
Demo users (password after the e-mail):
${DEMO_USERS.map((u) => `  ${u.role.padEnd(8)} ${u.email.padEnd(20)} ${u.password}`).join("\n")}
`);
