import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import { args, fail, toolDatabaseUrl } from "./cli";
import { rssMb, signIn } from "./load";
import { SoakLoad } from "./soak-load";
import * as checks from "./soak-checks";
import {
  DEMO_USERS,
  prepareDatabase,
  serverArgs,
  stackEnv,
  startSandbox,
  waitForHealth,
} from "./stack";

/**
 * `npm run soak -- [--minutes 10] [--kill-every-s N] [--callbacks-per-s 10] [--db postgres]`
 * (after `npm run build`; `--db postgres`: in the database `ops_soak` on the server
 * `TEST_DATABASE_URL` names, emptied first): the production server and the sandbox (with a few faults switched on)
 * under a working day's mix for a while — signed callbacks of both kinds (replays of real
 * orders and unmatched ones), top-up creates (double sends and retries after a crash with
 * the same key), re-queries, lists and look-ups from several people — while the server is
 * SIGKILLed and started again every few minutes. At the end: every acknowledged callback
 * stored and processed, no upstream order twice or unknown to us, no status moved backwards,
 * outcomes agreeing with the upstreams, the database's integrity check ok, the overview's
 * roll-ups equal to a recount, memory flat across restarts.
 * Prints a table of figures and the verdicts; exits 1 when one is not met.
 */
const { values } = args({
  minutes: { type: "string" },
  "kill-every-s": { type: "string" },
  "callbacks-per-s": { type: "string" },
  db: { type: "string" },
});
if (values.db && values.db !== "sqlite" && values.db !== "postgres")
  fail(`--db ${values.db}: sqlite or postgres`);
const databaseUrl = values.db === "postgres" ? toolDatabaseUrl("ops_soak") : undefined;
const minutes = Number(values.minutes ?? 10);
const killEvery = Number(values["kill-every-s"] ?? Math.min(150, Math.max(15, minutes * 15)));
const callbackRate = Number(values["callbacks-per-s"] ?? 10);
const warmUpMs = Math.min(20_000, (killEvery * 1000) / 3);
const port = 3300;
const base = `http://127.0.0.1:${port}`;
const env: Record<string, string> = {
  ...stackEnv({
    port,
    dataDir: path.resolve(".tmp", "soak"),
    p2wPort: 4310,
    payoutPort: 4320,
    databaseUrl,
  }),
  SANDBOX_NEW_WITHDRAWAL_EVERY_MS: "1000",
  // Faults a real day brings: failed and cut-off creates, slow calls, callbacks twice, late
  // and out of order. None dropped: catching a lost one is the reconciler's, minutes later,
  // longer than a short run waits.
  SANDBOX_FAULTS: JSON.stringify([
    { op: "create", kind: "5xx", rate: 0.02 },
    { op: "create", kind: "reset_after_commit", rate: 0.02 },
    { op: "*", kind: "latency", rate: 0.05, ms: 1500 },
    { op: "callback", kind: "duplicate", rate: 0.05 },
    { op: "callback", kind: "reorder", rate: 0.05 },
    { op: "callback", kind: "delay", rate: 0.05, ms: 3000 },
  ]),
};
const support2 = {
  role: "support",
  email: "support2@soak.local",
  name: "Soak Two",
  password: "soak-support-2026",
};
fs.rmSync(path.dirname(env.DATABASE_PATH ?? ""), { recursive: true, force: true });
await prepareDatabase(env, [support2]);
const sandbox = startSandbox(env, true);
await waitForHealth(`${env.PAYOUT_API_URL}/__control/withdrawals`);
// Enough balance at P2W for the whole run.
await fetch(`${new URL(env.P2W_API_URL ?? "").origin}/__control/balance`, {
  method: "POST",
  body: JSON.stringify({ balanceSatang: 1e12 }),
});

// ── the server, killed and started again ──────────────────────────────────────────────────
let server!: ChildProcess;
let up = false;
let cycleStart = 0;
const rssAfterWarmUp: { at: number; mb: number }[] = [];
const restarts: number[] = [];
const start = async () => {
  const t0 = Date.now();
  server = spawn(process.execPath, serverArgs(port), {
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  await waitForHealth(`${base}/api/health`);
  restarts.push(Date.now() - t0);
  cycleStart = Date.now();
  up = true;
};
await start();
process.on("exit", () => {
  for (const child of [server, sandbox]) if (child.exitCode === null) child.kill("SIGTERM");
});
const sampler = setInterval(() => {
  if (up && Date.now() - cycleStart >= warmUpMs)
    rssAfterWarmUp.push({ at: Date.now(), mb: rssMb(server.pid) });
}, 1000);

const cookieOf = (role: string) => {
  const user = DEMO_USERS.find((u) => u.role === role) ?? DEMO_USERS[0];
  return signIn(base, user.email, user.password);
};
const cookies = {
  support: await cookieOf("support"),
  support2: await signIn(base, support2.email, support2.password),
  finance: await cookieOf("finance"),
  manager: await cookieOf("manager"),
};

// ── the load (scripts/soak-load.ts) ──────────────────────────────────────────────────────
const ends = Date.now() + minutes * 60_000;
const running = () => Date.now() < ends;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const load = new SoakLoad(base, env, running);

async function killer() {
  while (running()) {
    await pause(killEvery * 1000 * (0.75 + Math.random() * 0.5));
    if (!running()) break;
    up = false;
    server.kill("SIGKILL");
    await new Promise((r) => server.once("exit", r));
    await start();
    console.log(
      `killed and restarted at ${((Date.now() - (ends - minutes * 60_000)) / 1000).toFixed(0)} s; healthy after ${restarts.at(-1)} ms`,
    );
  }
}

console.log(
  `Soak: ${minutes} min, a kill about every ${killEvery} s, ${callbackRate} signed callbacks/s`,
);
const refresher = setInterval(() => void load.refreshUpstreams().catch(() => {}), 3000);
await load.refreshUpstreams();
await Promise.all([
  load.sendCallbacks(callbackRate),
  load.createTopups(cookies.support),
  load.createTopups(cookies.support2),
  load.financeWork(cookies.finance),
  load.managerWork(cookies.manager),
  killer(),
]);
clearInterval(refresher);

// ── the end: the last server drains, the sandbox delivers what it holds, then the verdicts ──
const { openDb } = await import("@/db/client");
const { rawQuery } = await import("@/db/raw");
const db = openDb(env.DATABASE_URL ?? env.DATABASE_PATH ?? "");
const drainStarted = Date.now();
let topups = await checks.compareTopups(db, []);
let payouts = await checks.compareWithdrawals(db, []);
while (Date.now() - drainStarted < 120_000) {
  await pause(2000);
  await load.refreshUpstreams();
  topups = await checks.compareTopups(db, load.p2wOrders);
  payouts = await checks.compareWithdrawals(db, load.gatewayWithdrawals);
  const settled = topups.disagreeing.length + payouts.disagreeing.length === 0;
  // At least 20 s: the sandbox's late, reordered and retried callbacks arrive.
  if (
    Date.now() - drainStarted >= 20_000 &&
    (await checks.unfinishedCallbacks(db)) === 0 &&
    settled
  )
    break;
}
const drainMs = Date.now() - drainStarted;
clearInterval(sampler);
const lastRss = rssMb(server.pid);
server.kill("SIGTERM");
await new Promise((r) => (server.exitCode !== null ? r(null) : server.once("exit", r)));
sandbox.kill("SIGTERM");

const unfinished = await checks.unfinishedCallbacks(db);
const missing = await checks.missingCallbacks(db, load.acknowledged);
const backwards = await checks.backwardMoves(db);
const integrity = await checks.integrity(db);
const drift = await checks.rollupDrift(db);
const rss = checks.rssTrend(rssAfterWarmUp);
const [counts = { t: 0, w: 0, c: 0 }] = await rawQuery<{ t: number; w: number; c: number }>(
  db,
  "select (select count(*) from topups) t, (select count(*) from withdrawals) w, (select count(*) from callbacks) c",
);
const serverErrors = [...load.tallies.values()].reduce(
  (n, t) => n + t.count((s) => s === "500"),
  0,
);
db.$store.close();

console.log(
  `\n${"requests".padEnd(20)} ${"n".padStart(6)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"max ms".padStart(8)}  answers`,
);
for (const [name, t] of [...load.tallies].sort(([a], [b]) => a.localeCompare(b))) {
  const r = t.summary();
  const ms = (v: number) => v.toFixed(0).padStart(8);
  console.log(
    `${name.padEnd(20)} ${String(r.n).padStart(6)} ${ms(r.p50)} ${ms(r.p95)} ${ms(r.max)}  ${r.statuses}`,
  );
}
restarts.sort((a, b) => a - b);
console.log(
  `\n${restarts.length - 1} kills; healthy again after p50 ${restarts[Math.floor(restarts.length / 2)]} ms, max ${restarts.at(-1)} ms`,
);
console.log(
  `held at the end: ${counts.t} top-ups (${load.intents.length} intents, ${load.p2wOrders.length} orders at P2W), ` +
    `${counts.w} withdrawals, ${counts.c} callbacks (${load.acknowledged.length} of them sent and acknowledged by this run)`,
);
console.log(
  `drain after the load: ${(drainMs / 1000).toFixed(1)} s; still settling (reconciler scheduled or in review): ${topups.settling} top-ups, ${payouts.settling} withdrawals`,
);
console.log(
  `RSS after warm-up: first third ${rss.first.toFixed(0)} MB, last third ${rss.last.toFixed(0)} MB; at the end ${lastRss.toFixed(0)} MB`,
);
const verdicts: [string, boolean][] = [
  [`acknowledged callbacks not stored: ${missing}`, missing === 0],
  [`stored callbacks never processed: ${unfinished}`, unfinished === 0],
  [`intents that reached P2W twice: ${topups.duplicates.length}`, topups.duplicates.length === 0],
  [`P2W orders we hold no top-up for: ${topups.orphans.length}`, topups.orphans.length === 0],
  [
    `statuses that moved backwards: ${backwards.length}${
      backwards.length
        ? ` (${backwards
            .slice(0, 3)
            .map((b) => `${b.entity} ${b.step}`)
            .join("; ")})`
        : ""
    }`,
    backwards.length === 0,
  ],
  [
    `outcomes disagreeing with the upstream: ${topups.disagreeing.length + payouts.disagreeing.length}${[
      ...topups.disagreeing,
      ...payouts.disagreeing,
    ]
      .slice(0, 3)
      .map((d) => ` · ${d}`)
      .join("")}`,
    topups.disagreeing.length + payouts.disagreeing.length === 0,
  ],
  [`answers 500: ${serverErrors}`, serverErrors === 0],
  [`integrity check: ${integrity}`, integrity === "ok"],
  [
    `roll-ups differing from a recount: ${drift.length}${drift.length ? ` (${drift.slice(0, 3).join("; ")})` : ""}`,
    drift.length === 0,
  ],
];
// Memory is a figure for the long runs: a minute's thirds are a few seconds of one process.
const growth = `RSS growth first → last third ×${rss.growth.toFixed(2)} (goal ≤ ×1.10)`;
if (minutes >= 5) verdicts.push([growth, rss.growth <= 1.1]);
console.log("");
for (const [goal, met] of verdicts) console.log(`${met ? "met    " : "NOT MET"}  ${goal}`);
if (minutes < 5) console.log(`         ${growth}: not judged in a run under 5 minutes`);
process.exit(verdicts.every(([, met]) => met) ? 0 : 1);
