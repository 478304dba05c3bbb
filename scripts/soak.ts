import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import { Balancer } from "./balancer";
import { args, fail, toolDatabaseUrl } from "./cli";
import { rssMb, signIn } from "./load";
import { SoakLoad } from "./soak-load";
import * as checks from "./soak-checks";
import { scrapeFindings, scrapeMetrics } from "./soak-metrics";
import {
  DEMO_USERS,
  ended,
  prepareDatabase,
  serverArgs,
  stackEnv,
  startSandbox,
  waitForHealth,
} from "./stack";

/**
 * `npm run soak -- [--minutes 10] [--kill-every-s N] [--callbacks-per-s 10] [--db postgres]
 * [--instances 2]` (after `npm run build`; `--db postgres`: in the database `ops_soak` on the
 * server `TEST_DATABASE_URL` names, emptied first): production servers behind a balancer
 * (scripts/balancer.ts; several instances only on PostgreSQL) and the sandbox (with a few
 * faults switched on) under a working day's mix for a while — signed callbacks of both kinds
 * (replays of real orders and unmatched ones), top-up creates (double sends and retries after
 * a crash with the same key), re-queries, lists, look-ups and the live feed from several
 * people, spread over the instances — while one instance at a time is SIGKILLed and started
 * again every few minutes; at the end every instance is sent SIGTERM right after a burst of
 * callbacks. Then: every acknowledged callback stored and processed, every instance exited 0
 * within its stop budget, none applied twice, no upstream order twice or unknown to us, no
 * status moved backwards, outcomes agreeing with the upstreams, no two reconciler passes
 * overlapping, the live feed complete, the database's integrity check ok, the overview's
 * roll-ups equal to a recount, memory flat across restarts, and every listed metric in each
 * instance's scrape.
 * Prints a table of figures and the verdicts; exits 1 when one is not met.
 */
const { values } = args({
  minutes: { type: "string" },
  "kill-every-s": { type: "string" },
  "callbacks-per-s": { type: "string" },
  db: { type: "string" },
  instances: { type: "string" },
});
if (values.db && values.db !== "sqlite" && values.db !== "postgres")
  fail(`--db ${values.db}: sqlite or postgres`);
const databaseUrl = values.db === "postgres" ? toolDatabaseUrl("ops_soak") : undefined;
const minutes = Number(values.minutes ?? 10);
const killEvery = Number(values["kill-every-s"] ?? Math.min(150, Math.max(15, minutes * 15)));
const callbackRate = Number(values["callbacks-per-s"] ?? 10);
const warmUpMs = Math.min(20_000, (killEvery * 1000) / 3);
const instanceCount = Number(values.instances ?? 1);
if (!Number.isInteger(instanceCount) || instanceCount < 1 || instanceCount > 4)
  fail(`--instances ${values.instances}: 1 to 4`);
if (instanceCount > 1 && !databaseUrl)
  fail("--instances 2 needs --db postgres: several instances share one PostgreSQL database");
// The balancer's ports: the dashboard's and the callbacks' own, as the upstreams and the
// people reach them; each instance listens on two ports of its own behind them.
const port = 3300;
const base = `http://127.0.0.1:${port}`;
/** The run's files: its database (SQLite), logs and the end-of-run metric scrapes. */
const dataDir = path.resolve(".tmp", "soak");
const env: Record<string, string> = {
  ...stackEnv({
    port,
    dataDir,
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

// ── the instances, one of them killed and started again every few minutes ────────────────
type Instance = {
  id: string;
  port: number;
  process: ChildProcess | null;
  cycleStart: number;
  rss: { at: number; mb: number }[];
};
const instances: Instance[] = Array.from({ length: instanceCount }, (_, i) => ({
  id: `soak-${String.fromCharCode(97 + i)}`,
  port: port + 10 * (i + 1),
  process: null,
  cycleStart: 0,
  rss: [],
}));
const restarts: number[] = [];
/** Callbacks sent at once just before the instances are stopped. */
const STOP_BURST = 100;
/** How long a stopped instance may take to exit (scripts/serve.mjs: 10 s at most). */
const STOP_BUDGET_MS = 10_000;
const start = async (instance: Instance) => {
  const t0 = Date.now();
  instance.process = spawn(process.execPath, serverArgs(instance.port), {
    env: {
      ...process.env,
      ...env,
      INSTANCE_ID: instance.id,
      CALLBACK_PORT: String(instance.port + 1),
      TRUSTED_PROXIES: "1",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  await waitForHealth(`http://127.0.0.1:${instance.port}/api/health`);
  restarts.push(Date.now() - t0);
  instance.cycleStart = Date.now();
};
const healthOf = (i: number) => `http://127.0.0.1:${instances[i]?.port}/api/health`;
const balancers = [
  new Balancer(
    instances.map((instance) => instance.port),
    healthOf,
  ),
  new Balancer(
    instances.map((instance) => instance.port + 1),
    healthOf,
  ),
];
await Promise.all(balancers.map((balancer, i) => balancer.listen(port + i)));
for (const instance of instances) await start(instance);
process.on("exit", () => {
  for (const child of [...instances.map((instance) => instance.process), sandbox])
    if (child && child.exitCode === null) child.kill("SIGTERM");
});
const sampler = setInterval(() => {
  for (const instance of instances)
    if (instance.process && Date.now() - instance.cycleStart >= warmUpMs)
      instance.rss.push({ at: Date.now(), mb: rssMb(instance.process.pid) });
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
  for (let kill = 0; running(); kill++) {
    await pause(killEvery * 1000 * (0.75 + Math.random() * 0.5));
    if (!running()) break;
    const victim = instances[kill % instances.length];
    const child = victim?.process;
    if (!victim || !child) continue;
    victim.process = null;
    child.kill("SIGKILL");
    await ended(child);
    await start(victim);
    console.log(
      `killed ${victim.id} and restarted it at ${((Date.now() - (ends - minutes * 60_000)) / 1000).toFixed(0)} s; healthy after ${restarts.at(-1)} ms`,
    );
  }
}

console.log(
  `Soak: ${minutes} min, ${instanceCount} instance${instanceCount > 1 ? "s" : ""}, a kill about every ${killEvery} s, ${callbackRate} signed callbacks/s`,
);
const refresher = setInterval(() => void load.refreshUpstreams().catch(() => {}), 3000);
await load.refreshUpstreams();
await Promise.all([
  load.sendCallbacks(callbackRate),
  load.createTopups(cookies.support),
  load.createTopups(cookies.support2),
  load.financeWork(cookies.finance),
  load.managerWork(cookies.manager),
  load.followFeed(cookies.manager),
  killer(),
]);
clearInterval(refresher);

// ── the end: the last server drains, the sandbox delivers what it holds, then the verdicts ──
const { openDb } = await import("@/db/client");
const { rawQuery, rawValue } = await import("@/db/raw");
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
await load.catchUpFeed(cookies.manager);
clearInterval(sampler);
const lastRss = instances.map((instance) => rssMb(instance.process?.pid));
// One scrape of /api/metrics per instance, as Prometheus makes them (kept in dataDir).
const scraped = scrapeFindings(await scrapeMetrics(instances, env.METRICS_TOKEN ?? "", dataDir));
// The stop, as a deployment makes it: a burst of callbacks, and every instance sent SIGTERM
// the moment the last is answered. What an instance acknowledged is processed before it exits
// (the "never processed" verdict below), and it exits 0 within its stop budget. Every upstream
// read takes 300 ms from now on, so the burst (each callback needs a confirming read) takes a
// couple of seconds to process: an instance that exits at once leaves most of it unprocessed.
await Promise.all(
  [new URL(env.P2W_API_URL ?? "").origin, env.PAYOUT_API_URL].map((url) =>
    fetch(`${url}/__control/faults`, {
      method: "POST",
      body: JSON.stringify({ rules: [{ op: "*", kind: "latency", ms: 300 }] }),
    }),
  ),
);
await load.refreshUpstreams();
await load.burst(STOP_BURST);
const stops = await Promise.all(
  instances.map(async ({ process: child }) => {
    if (!child) return { ms: 0, code: null as number | null };
    const t0 = Date.now();
    child.kill("SIGTERM");
    await ended(child);
    return { ms: Date.now() - t0, code: child.exitCode };
  }),
);
const stoppedCleanly = stops.filter((stop) => stop.code === 0 && stop.ms <= STOP_BUDGET_MS);
for (const balancer of balancers) balancer.close();
// Its end is expected now: not the stack's "exited, stopping" (scripts/stack.ts).
sandbox.removeAllListeners("exit");
sandbox.kill("SIGTERM");

const unfinished = await checks.unfinishedCallbacks(db);
const missing = await checks.missingCallbacks(db, load.acknowledged);
const backwards = await checks.backwardMoves(db);
const integrity = await checks.integrity(db);
const drift = await checks.rollupDrift(db);
const appliedTwice = await checks.callbacksAppliedTwice(db);
const overlaps = await checks.overlappingPasses(db);
const passes = await rawValue<number>(db, "select count(*) from reconciler_passes");
const feedGaps = await checks.feedGaps(db, load.feed);
// Memory per instance; the verdict is the instance that grew most.
const rss = instances
  .map((instance) => checks.rssTrend(instance.rss))
  .reduce((worst, trend) => (trend.growth > worst.growth ? trend : worst));
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
  `\n${restarts.length - instances.length} kills; healthy again after p50 ${restarts[Math.floor(restarts.length / 2)]} ms, max ${restarts.at(-1)} ms`,
);
console.log(
  `held at the end: ${counts.t} top-ups (${load.intents.length} intents, ${load.p2wOrders.length} orders at P2W), ` +
    `${counts.w} withdrawals, ${counts.c} callbacks (${load.acknowledged.length} of them sent and acknowledged by this run)`,
);
console.log(
  `drain after the load: ${(drainMs / 1000).toFixed(1)} s; still settling (reconciler scheduled or in review): ${topups.settling} top-ups, ${payouts.settling} withdrawals`,
);
console.log(
  `RSS after warm-up (the instance that grew most): first third ${rss.first.toFixed(0)} MB, last third ${rss.last.toFixed(0)} MB; at the end ${lastRss.map((mb) => mb.toFixed(0)).join(" / ")} MB`,
);
console.log(
  `reconciler passes: ${passes}; live feed: ${load.feed.delivered} changes delivered to one follower`,
);
console.log(
  `the stop: SIGTERM right after ${load.tallies.get("callback burst")?.summary().n ?? 0} callbacks were answered; exited after ${stops.map((stop) => `${stop.ms} ms (code ${stop.code})`).join(" / ")}`,
);
const verdicts: [string, boolean][] = [
  [`acknowledged callbacks not stored: ${missing}`, missing === 0],
  [`stored callbacks never processed: ${unfinished}`, unfinished === 0],
  [
    `instances that exited 0 within ${STOP_BUDGET_MS / 1000} s of SIGTERM: ${stoppedCleanly.length} of ${stops.length}`,
    stoppedCleanly.length === stops.length,
  ],
  [
    `callbacks applied more than once: ${appliedTwice.length}${appliedTwice.length ? ` (${appliedTwice.slice(0, 3).join(", ")})` : ""}`,
    appliedTwice.length === 0,
  ],
  [
    `reconciler passes overlapping another: ${overlaps.length}${overlaps.length ? ` (${overlaps.slice(0, 2).join("; ")})` : ""}`,
    overlaps.length === 0,
  ],
  [
    `changes the live feed missed or repeated: ${feedGaps.length}${feedGaps.length ? ` (${feedGaps.slice(0, 3).join("; ")})` : ""}`,
    feedGaps.length === 0,
  ],
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
  [
    `listed metrics missing from an instance's scrape: ${scraped.missing.length}${scraped.missing.length ? ` (${scraped.missing.join(", ")})` : ""}`,
    scraped.missing.length === 0,
  ],
  [
    `metric labels naming an order, person or account: ${scraped.idLabels.length}${scraped.idLabels.length ? ` (${scraped.idLabels.slice(0, 2).join(" ")})` : ""}`,
    scraped.idLabels.length === 0,
  ],
  [
    `instances saying they lead the reconciler: ${scraped.leaders} (at most 1)`,
    scraped.leaders <= 1,
  ],
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
