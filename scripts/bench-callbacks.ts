import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import autocannon from "autocannon";

import { args, toolDatabaseUrl } from "./cli";
import { killTest } from "./kill-test";
import {
  cannon,
  pacedSenders,
  paidWithdrawals,
  p2wCallback,
  payoutCallback,
  rssMb,
  type SignedCallback,
} from "./load";
import { prepareDatabase, serverArgs, stackEnv, startSandbox, waitForHealth } from "./stack";
import { percentile } from "./timing";

/**
 * `npm run bench:callbacks -- [--seconds 20] [--process 6000] [--idle-s 60] [--kill-cycles N]`
 * (after `npm run build`): a production server and the sandbox on their own ports, then
 *
 * 1. intake against the floor: three rounds each of the health route and of signed P2W
 *    callbacks on the dashboard's port, 100 connections for 20 s, interleaved so machine
 *    noise hits both alike (goal: the median round's callbacks ≥ 0.8× the health route's
 *    requests per second);
 * 2. paced intake: 100 callbacks a second from 100 senders, each sending once a second at
 *    its own moment (goal: p99 ≤ 100 ms);
 * 3. processing: `--process` withdrawals made and completed at the gateway simulator (its
 *    own callbacks held back), then one signed success callback each, as fast as they are
 *    taken; every one is confirmed by a signed read before it is applied (goal ≥ 300/s);
 * 4. the server's memory, sampled every 200 ms from start to end (goals: a peak ≤ 300 MB
 *    over every round, < 250 MB after `--idle-s` of idle), and every answer over 1 s
 *    (goal: none).
 *
 * `--profile` has the server write a CPU profile. With `--kill-cycles N [--kill-target M]` it
 * instead runs the crash test (scripts/kill-test.ts): N SIGKILLs of the server mid-flood, at
 * least M callbacks acknowledged in all (default 100,000), none of them lost, and the drain
 * after the last restart timed.
 */
const { values } = args({
  seconds: { type: "string" },
  process: { type: "string" },
  "idle-s": { type: "string" },
  "kill-cycles": { type: "string" },
  "kill-target": { type: "string" },
  profile: { type: "boolean" },
  db: { type: "string" },
});
/** `--db postgres`: the stack on the database `ops_bench_callbacks` (TEST_DATABASE_URL's server). */
const databaseUrl = values.db === "postgres" ? toolDatabaseUrl("ops_bench_callbacks") : undefined;
const roundSeconds = Number(values.seconds ?? 20);
const processCount = Number(values.process ?? 6000);
const idleSeconds = Number(values["idle-s"] ?? 60);
const killCycles = Number(values["kill-cycles"] ?? 0);
const port = 3200;
const payoutPort = 4220;
const base = `http://127.0.0.1:${port}`;
const env: Record<string, string> = {
  ...stackEnv({
    port,
    dataDir: path.resolve(".tmp", "bench-callbacks"),
    p2wPort: 4210,
    payoutPort,
    databaseUrl,
  }),
  RECONCILER: "off",
  SANDBOX_FAILURE_RATE: "0",
};
fs.rmSync(path.dirname(env.DATABASE_PATH ?? ""), { recursive: true, force: true });
await prepareDatabase(env);

const sandbox = startSandbox(env, true);
await waitForHealth(`http://127.0.0.1:${payoutPort}/__control/withdrawals`);
// --profile: the server writes a CPU profile into .tmp/profile when it stops (open it in
// Chrome's DevTools, Performance tab).
const profile = values.profile ? ["--cpu-prof", "--cpu-prof-dir=.tmp/profile"] : [];
const startServer = () =>
  spawn(process.execPath, serverArgs(port, profile), {
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
const server = startServer();
await waitForHealth(`${base}/api/health`);
// The floor: a plain Node.js HTTP server on this machine answering a small JSON body.
const floorPort = 3299;
const floor = spawn(
  process.execPath,
  [
    "-e",
    `require("node:http").createServer((q, r) => { r.setHeader("content-type", "application/json"); r.end(JSON.stringify({ ok: true, time: new Date().toISOString() })); }).listen(${floorPort})`,
  ],
  { stdio: "ignore" },
);
await waitForHealth(`http://127.0.0.1:${floorPort}/`);
// Whatever happens (a failed step too), the servers this run started stop with it.
process.on("exit", () => stopAll());
const stopAll = () => {
  for (const child of [server, sandbox, floor] as ChildProcess[])
    if (child.exitCode === null) child.kill("SIGTERM");
};

/** The server's resident memory, sampled every 200 ms for the whole run. */
const rss: { at: number; mb: number }[] = [];
const sampler = setInterval(() => rss.push({ at: Date.now(), mb: rssMb(server.pid ?? 0) }), 200);
const idleBefore = rssMb(server.pid ?? 0);

// ── callbacks, signed as each upstream signs them ─────────────────────────────────────────
let p2wSerial = 0;
function nextP2wCallback(): SignedCallback {
  const refId = `TU-BENCH-${process.pid}-${String(p2wSerial++).padStart(8, "0")}`;
  return p2wCallback(env.WEBHOOK_SECRET ?? "", {
    orderID: `P2W-B-${refId}`,
    refID: refId,
    status: "successed",
  });
}

type Round = { rps: number; p50: number; p99: number; max: number; slow: number; non2xx: number };
const slowAnswers: Record<string, number> = {};

/** One autocannon run; `next` gives each request's path and body (null: GET health). */
async function round(
  name: string,
  options: { seconds?: number; amount?: number; rate?: number; url?: string },
  next: (() => { path: string; body: string; headers?: Record<string, string> }) | null,
): Promise<Round> {
  const options_ = {
    url: options.url ?? base,
    connections: 100,
    ...(options.amount ? { amount: options.amount } : { duration: options.seconds ?? 5 }),
    ...(options.rate ? { overallRate: options.rate } : {}),
    timeout: 30,
    requests: [
      next
        ? {
            method: "POST",
            setupRequest: (request) => {
              const { path: p, body, headers } = next();
              return { ...request, path: p, body, headers: { ...request.headers, ...headers } };
            },
          }
        : { method: "GET", path: "/api/health" },
    ],
  } satisfies autocannon.Options;
  const { result, slow } = await cannon(options_);
  slowAnswers[name] = (slowAnswers[name] ?? 0) + slow;
  return {
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    slow,
    non2xx: result.non2xx + result.errors + result.timeouts,
  };
}

const row = (name: string, r: Round) =>
  console.log(
    `${name.padEnd(28)} ${r.rps.toFixed(0).padStart(7)}/s  p50 ${String(r.p50).padStart(4)} ms  p99 ${String(r.p99).padStart(5)} ms  max ${String(r.max).padStart(5)} ms  >1s ${r.slow}  not 2xx ${r.non2xx}`,
  );
const verdict = (goal: string, met: boolean) => `${met ? "met    " : "NOT MET"}  ${goal}`;
const verdicts: string[] = [];

if (killCycles > 0) {
  clearInterval(sampler);
  // One in four is a gateway callback for a paid withdrawal (10,000 of them, each confirmed by
  // a signed read the first time; repeats are duplicates); the rest P2W ones about no order.
  const paid = await paidWithdrawals(`http://127.0.0.1:${payoutPort}`, 10_000);
  let sent = 0;
  const ok = await killTest({
    base,
    databasePath: env.DATABASE_URL ?? env.DATABASE_PATH ?? "",
    next: () =>
      sent++ % 4 === 0
        ? payoutCallback(
            env.PAYOUT_SECRET ?? "",
            env.PAYOUT_MERCHANT_ID ?? "",
            paid[(sent >> 2) % paid.length] ?? {},
          )
        : nextP2wCallback(),
    start: startServer,
    server,
    cycles: killCycles,
    target: Number(values["kill-target"] ?? 100_000),
  });
  process.exit(ok ? 0 : 1);
}

// ── 1. intake against the health route, interleaved ────────────────────────────────────────
console.log(`\nIntake at 100 connections, ${roundSeconds} s rounds (after a warm-up)`);
await round("warm-up health", { seconds: 2 }, null);
await round("warm-up callbacks", { seconds: 2 }, nextP2wCallback);
await round("warm-up floor", { seconds: 2, url: `http://127.0.0.1:${floorPort}` }, null);
const health: Round[] = [];
const intake: Round[] = [];
for (let i = 0; i < 3; i++) {
  const f = await round(
    "floor",
    { seconds: Math.min(5, roundSeconds), url: `http://127.0.0.1:${floorPort}` },
    null,
  );
  const h = await round("health", { seconds: roundSeconds }, null);
  const c = await round("callbacks", { seconds: roundSeconds }, nextP2wCallback);
  row(`plain Node server #${i + 1}`, f);
  row(`health #${i + 1}`, h);
  row(`P2W callbacks #${i + 1}`, c);
  health.push(h);
  intake.push(c);
}
// Each round's ratio to the health round beside it, and their median: what an outside
// harness reports (the ratio of the sums is printed too; they differ when one round is off).
const ratios = intake.map((c, i) => c.rps / (health[i]?.rps ?? Infinity)).sort((a, b) => a - b);
const ratio = ratios[Math.floor(ratios.length / 2)] ?? 0;
const sum = (rounds: Round[]) => rounds.reduce((a, r) => a + r.rps, 0);
console.log(
  `intake ÷ health per round: ${ratios.map((r) => r.toFixed(2)).join(", ")}; of the sums: ${(sum(intake) / sum(health)).toFixed(2)}`,
);
verdicts.push(
  verdict(
    `intake ${ratio.toFixed(2)}× the health route, median of 3 rounds (goal ≥ 0.80×)`,
    ratio >= 0.8,
  ),
);

// ── 2. paced intake ────────────────────────────────────────────────────────────────────────
console.log("\nPaced: 100 callbacks a second from 100 senders, each at its own moment");
const pacedTally = await pacedSenders({ base, senders: 100, seconds: 10, next: nextP2wCallback });
const pacedMs = [...pacedTally.ms].sort((a, b) => a - b);
const paced: Round = {
  rps: pacedMs.length / 10,
  p50: Math.round(percentile(pacedMs, 50)),
  p99: Math.round(percentile(pacedMs, 99)),
  max: Math.round(pacedMs.at(-1) ?? 0),
  slow: pacedMs.filter((ms) => ms > 1000).length,
  non2xx: pacedTally.count((status) => status !== "200"),
};
slowAnswers.paced = paced.slow;
row("P2W callbacks at 100/s", paced);
verdicts.push(
  verdict(`paced p99 ${paced.p99} ms (goal ≤ 100 ms)`, paced.p99 <= 100 && paced.non2xx === 0),
);

// ── 3. processing with confirming reads ────────────────────────────────────────────────────
console.log(`\nProcessing: ${processCount} gateway callbacks, each confirmed by a signed read`);
const { openDb } = await import("@/db/client");
const { rawQuery, rawValue } = await import("@/db/raw");
const db = openDb(env.DATABASE_URL ?? env.DATABASE_PATH ?? "");
const waitingCount = () =>
  rawValue<number>(db, "select count(*) from callbacks where result in ('received', 'retry')");
while ((await waitingCount()) > 0) await new Promise((r) => setTimeout(r, 200));

const wires = await paidWithdrawals(`http://127.0.0.1:${payoutPort}`, processCount);
let wireIndex = 0;
const nextPayoutCallback = () =>
  payoutCallback(
    env.PAYOUT_SECRET ?? "",
    env.PAYOUT_MERCHANT_ID ?? "",
    wires[wireIndex++ % wires.length] ?? {},
  );
const firstId = (await rawValue<number>(db, "select coalesce(max(id), 0) from callbacks")) + 1;
const started = Date.now();
const sent = await round("process intake", { amount: processCount }, nextPayoutCallback);
row("gateway callbacks (intake)", sent);
const intakeDone = Date.now();
const waitingAtIntakeEnd = await waitingCount();
while ((await waitingCount()) > 0 && Date.now() - intakeDone < 300_000)
  await new Promise((r) => setTimeout(r, 100));
const finished = await rawValue<number>(
  db,
  "select max(processed_at) from callbacks where id >= ?",
  [firstId],
);
const results = await rawQuery<{ result: string; n: number }>(
  db,
  "select result, count(*) n from callbacks where id >= ? group by result",
  [firstId],
);
const reads = await rawValue<number>(
  db,
  "select count(*) from upstream_calls where operation = 'withdraw_query' and at >= ?",
  [new Date(started)],
);
const processRate = processCount / ((finished - started) / 1000);
console.log(
  `${processCount} processed in ${((finished - started) / 1000).toFixed(1)} s: ${processRate.toFixed(0)}/s; ` +
    `${waitingAtIntakeEnd} still waiting when intake ended; ${reads} confirming reads; ` +
    results.map((r) => `${r.result} ${r.n}`).join(", "),
);
verdicts.push(
  verdict(
    `processing ${processRate.toFixed(0)}/s with confirming reads (goal ≥ 300/s)`,
    processRate >= 300,
  ),
);

// ── 4. memory and stalls ───────────────────────────────────────────────────────────────────
const busyUntil = Date.now();
console.log(`\nIdle for ${idleSeconds} s…`);
await new Promise((r) => setTimeout(r, idleSeconds * 1000));
clearInterval(sampler);
const peak = Math.max(...rss.map((s) => s.mb));
const after = rssMb(server.pid ?? 0);
const atBusyEnd = rss.filter((s) => s.at <= busyUntil).at(-1)?.mb ?? 0;
console.log(
  `RSS: idle ${idleBefore.toFixed(0)} MB, peak ${peak.toFixed(0)} MB, at the end of the load ${atBusyEnd.toFixed(0)} MB, after ${idleSeconds} s idle ${after.toFixed(0)} MB`,
);
verdicts.push(verdict(`RSS peak ${peak.toFixed(0)} MB (goal ≤ 300 MB)`, peak <= 300));
verdicts.push(
  verdict(`RSS after ${idleSeconds} s idle ${after.toFixed(0)} MB (goal < 250 MB)`, after < 250),
);
const stalls = Object.entries(slowAnswers).filter(
  ([name]) => !name.startsWith("warm-up") && name !== "floor",
);
const stallCount = stalls.reduce((a, [, n]) => a + n, 0);
verdicts.push(
  verdict(
    `answers over 1 s: ${stallCount} (${stalls.map(([n, c]) => `${n} ${c}`).join(", ")}) (goal: none)`,
    stallCount === 0,
  ),
);
console.log(
  `(the plain Node server, same client, same machine: ${slowAnswers.floor ?? 0} answers over 1 s)`,
);

console.log(`\n${verdicts.join("\n")}`);
stopAll();
