import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import path from "node:path";

import { mixedLoad } from "./bench-mixed";
import { listLoad, oneVersusTwoInstances } from "./bench-instances";
import { args, fail, loadDotEnv, toolDatabaseUrl } from "./cli";
import { signIn } from "./load";
import { stackEnv, startDashboard, stopAll, waitForHealth } from "./stack";
import { percentile } from "./timing";

/**
 * `npm run bench -- [--db FILE|postgres] [--instances 2] [--runs N] [--skip-build] [--skip-callbacks] [--only TEXT] [--mixed]`: the whole
 * performance picture in one run, each figure beside its floor and goal. Seeds the large
 * file when missing (1,000,000 top-ups, 300,000 withdrawals: ~7 minutes), builds, starts the
 * production server on it and measures, interleaved so machine noise hits every side alike:
 * for each list filter the API's p95, the same query in-process (the data layer's SQL) and
 * the health route (400 runs each); then both lists at 100 connections (answers over 1 s);
 * with `--instances 2` (PostgreSQL) the same on one instance and on two side by side
 * (scripts/bench-instances.ts); callbacks while 50 list readers saturate the server
 * (scripts/bench-mixed.ts);
 * the server's memory through all of it (the peak of every 200 ms sample up to a minute after
 * the last page load, and what is left then); a list's first row on screen in a real browser
 * (bench:paint) and the callback benchmark with its own stack (bench:callbacks).
 */
loadDotEnv();
const { values } = args({
  db: { type: "string" },
  runs: { type: "string" },
  "skip-build": { type: "boolean" },
  "skip-callbacks": { type: "boolean" },
  only: { type: "string" },
  mixed: { type: "boolean" },
  instances: { type: "string" },
});
/** `--db postgres`: the database `ops_large` on the server TEST_DATABASE_URL names. */
const postgres = values.db === "postgres";
const file = postgres ? toolDatabaseUrl("ops_large") : path.resolve(values.db ?? "data/large.db");
if (postgres) process.env.DATABASE_URL = file;
const instances = Number(values.instances ?? 1);
if (instances !== 1 && instances !== 2) fail(`--instances ${values.instances}: 1 or 2`);
if (instances === 2 && !postgres)
  fail("--instances 2 needs --db postgres: several instances share one PostgreSQL database");
const runs = Number(values.runs ?? 400);
/** `--only "topups: q"`: just the filters whose name contains this. */
const only = values.only ?? "";
/** `--mixed`: just the callbacks while list readers saturate the server. */
const mixedOnly = values.mixed === true;
/** Runs per filter before measuring: the first requests of a route compile and warm its code. */
const WARM_UP = 5;
const PORT = 3200;
const base = `http://localhost:${PORT}`;
const BENCH_USER = { email: "bench@bench.local", password: "bench-password-2026", name: "Bench" };
const require = createRequire(import.meta.url);
const scriptArgs = (script: string, extra: string[]) => [
  require.resolve("tsx/cli"),
  "--conditions=react-server",
  script,
  ...extra,
];
/** Runs one of the project's scripts; its output is returned, or shown as it comes (`show`). */
const run = (script: string, extra: string[], show = false) =>
  spawnSync(process.execPath, scriptArgs(script, extra), {
    stdio: show ? "inherit" : ["ignore", "pipe", "inherit"],
    encoding: "utf8",
  });
/** `run` without blocking this process, whose memory sampler goes on meanwhile. */
const runBeside = (script: string, extra: string[]) =>
  new Promise<{ status: number | null; stdout: string }>((resolve) => {
    const child = spawn(process.execPath, scriptArgs(script, extra), {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let stdout = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.on("close", (status) => resolve({ status, stdout }));
  });

if (!(postgres ? await seededPostgres(file) : fs.existsSync(file))) {
  console.log(`Seeding ${file} (about 7 minutes)…`);
  const seeded = run("scripts/seed-large.ts", ["--db", postgres ? "postgres" : file], true);
  if (seeded.status !== 0) process.exit(seeded.status ?? 1);
}
if (!values["skip-build"]) {
  console.log("Building the dashboard (production build)…");
  const built = spawnSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], {
    stdio: "inherit",
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const { openDb } = await import("@/db/client");
const { rawQuery } = await import("@/db/raw");
const { upsertUser } = await import("@/db/queries/users");
const { hashPassword } = await import("@/lib/auth/password");
const { listTopups } = await import("@/db/queries/topups");
const { listWithdrawals } = await import("@/db/queries/withdrawals");
const { parseTopupQuery } = await import("@/lib/topups/list-query");
const { parseWithdrawalQuery } = await import("@/lib/withdrawals/list-query");

const db = openDb(file);
await upsertUser(db, {
  ...BENCH_USER,
  role: "manager",
  passwordHash: await hashPassword(BENCH_USER.password),
});
const sample = <T>(sql: string) => rawQuery<T>(db, sql);
const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)] as T;
const topupRows = await sample<{
  ref_id: string;
  order_id: string | null;
  game_id: string;
  package_id: string;
}>("select ref_id, order_id, game_id, package_id from topups order by random() limit 300");
const withdrawalRows = await sample<{
  platform_order_id: string;
  merchant_order_id: string;
  account_no: string;
  account_name: string;
  bank: string;
}>(
  "select platform_order_id, merchant_order_id, account_no, account_name, bank from withdrawals order by random() limit 300",
);
const day = () => {
  const d = new Date(Date.now() - Math.floor(Math.random() * 170) * 86_400_000 + 7 * 3_600_000);
  return d.toISOString().slice(0, 10);
};

const oneDay = () => {
  const d = day();
  return `from=${d}&to=${d}`;
};

/** Each list filter as the page URL gives it to the API. */
const SCENARIOS: { list: "topups" | "withdrawals"; name: string; query: () => string }[] = [
  { list: "topups", name: "no filter", query: () => "" },
  { list: "topups", name: "status=failed", query: () => "status=failed" },
  { list: "topups", name: "one day", query: () => oneDay() },
  { list: "topups", name: "package", query: () => `packageId=${pick(topupRows).package_id}` },
  { list: "topups", name: "q = refID", query: () => `q=${pick(topupRows).ref_id}` },
  {
    list: "topups",
    name: "q = player id fragment",
    query: () => `q=${pick(topupRows).game_id.slice(-5)}`,
  },
  // Ids as people copy them: the tail a list shows, in lower case.
  {
    list: "topups",
    name: "q = refID tail, lower case",
    query: () => `q=${pick(topupRows).ref_id.slice(-8).toLowerCase()}`,
  },
  {
    list: "topups",
    name: "q = P2W order id fragment",
    query: () => `q=${(pick(topupRows).order_id ?? "P2W1").slice(-7, -1).toLowerCase()}`,
  },
  { list: "topups", name: "status=failed + day", query: () => `status=failed&${oneDay()}` },
  { list: "topups", name: "needs review", query: () => "review=1" },
  { list: "topups", name: "recently updated", query: () => "sort=updated_desc" },
  { list: "withdrawals", name: "no filter", query: () => "" },
  { list: "withdrawals", name: "status=open", query: () => "status=open" },
  { list: "withdrawals", name: "bank", query: () => `bank=${pick(withdrawalRows).bank}` },
  { list: "withdrawals", name: "amount 1,000-1,200", query: () => "min=1000&max=1200" },
  {
    list: "withdrawals",
    name: "q = platform id",
    query: () => `q=${pick(withdrawalRows).platform_order_id}`,
  },
  {
    list: "withdrawals",
    name: "q = platform id tail, lower case",
    query: () => `q=${pick(withdrawalRows).platform_order_id.slice(-8).toLowerCase()}`,
  },
  {
    list: "withdrawals",
    name: "q = merchant id, no prefix",
    query: () => `q=${pick(withdrawalRows).merchant_order_id.slice(-11)}`,
  },
  {
    list: "withdrawals",
    name: "q = Thai first name",
    query: () => `q=${encodeURIComponent(pick(withdrawalRows).account_name.split(" ")[0] ?? "")}`,
  },
  {
    list: "withdrawals",
    name: "q = account, last 4",
    query: () => `q=${pick(withdrawalRows).account_no.slice(-4)}`,
  },
];

/** The data layer's query for a list URL: the SQL the API runs, without HTTP or session. */
async function inProcess(list: "topups" | "withdrawals", query: string) {
  const params = new URLSearchParams(query);
  if (list === "topups") {
    const q = parseTopupQuery(params);
    return listTopups(db, q.filter, { sort: q.sort, cursor: q.cursor, limit: q.limit + 1 });
  }
  const q = parseWithdrawalQuery(params);
  return listWithdrawals(db, q.filter, { sort: q.sort, cursor: q.cursor, limit: q.limit + 1 });
}

const env: Record<string, string> = {
  ...stackEnv({
    port: PORT,
    dataDir: postgres ? path.resolve(".tmp", "bench") : path.dirname(file),
    p2wPort: 4210,
    payoutPort: 4220,
    databaseUrl: postgres ? file : undefined,
  }),
  ...(postgres ? {} : { DATABASE_PATH: file }),
  RECONCILER: "off",
};
const server = startDashboard(env, PORT, true);
await waitForHealth(`${base}/api/health`, 120_000);
const rss = () => {
  const status = fs.readFileSync(`/proc/${server.pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
};
const rssIdle = rss();
let rssPeak = rssIdle;
const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rss())), 200);
const cookie = await signIn(base, BENCH_USER.email, BENCH_USER.password);
const timed = async (work: () => Promise<unknown>) => {
  const t0 = performance.now();
  await work();
  return performance.now() - t0;
};
/**
 * One kept-alive connection, as a browser holds to the dashboard. node:http rather than fetch:
 * fetch's own objects (request, headers, streams) cost the measuring side ~0.3 ms a request
 * and garbage collections that land on either side at random.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const get =
  (url: string, withCookie = true) =>
  () =>
    new Promise<void>((resolve, reject) => {
      const headers = withCookie ? { cookie } : {};
      http
        .get(url, { agent, headers }, (res) => {
          res.resume();
          res.on("end", () =>
            res.statusCode === 200 ? resolve() : reject(new Error(`${url}: ${res.statusCode}`)),
          );
        })
        .on("error", reject);
    });

const met = (ok: boolean) => (ok ? "met" : "NOT met");
const rows: string[] = [];
let stalls = 0;
let allMet = true;
console.log(
  `\n${runs} interleaved runs per filter (API, in-process SQL, health) after ${WARM_UP} warm-up runs, 50 rows a page\n`,
);
console.log(
  `${"list / filter".padEnd(36)} ${"API p95".padStart(8)} ${"SQL p95".padStart(8)} ${"health".padStart(8)}  ≤50 ms   overhead ≤ 1.5×SQL+1`,
);
for (const scenario of SCENARIOS.filter(
  (s) => !mixedOnly && `${s.list}: ${s.name}`.includes(only),
)) {
  const api: number[] = [];
  const sql: number[] = [];
  const health: number[] = [];
  for (let i = 0; i < WARM_UP; i++) {
    const query = scenario.query();
    await get(`${base}/api/${scenario.list}?${query}`)();
    await inProcess(scenario.list, query);
  }
  for (let i = 0; i < runs; i++) {
    const query = scenario.query();
    // Whichever side reads a page first may find it outside every cache: take turns.
    const apiSide = async () => api.push(await timed(get(`${base}/api/${scenario.list}?${query}`)));
    const sqlSide = async () => sql.push(await timed(() => inProcess(scenario.list, query)));
    health.push(await timed(get(`${base}/api/health`, false)));
    for (const side of i % 2 === 0 ? [apiSide, sqlSide] : [sqlSide, apiSide]) await side();
  }
  for (const list of [api, sql, health]) list.sort((a, b) => a - b);
  stalls += [...api, ...health].filter((ms) => ms > 1000).length;
  const [a, s, h] = [percentile(api, 95), percentile(sql, 95), percentile(health, 95)];
  const overheadOk = a - h <= 1.5 * s + 1;
  allMet &&= a <= 50 && overheadOk;
  rows.push(
    `${`${scenario.list}: ${scenario.name}`.padEnd(36)} ${a.toFixed(1).padStart(8)} ${s.toFixed(1).padStart(8)} ${h.toFixed(1).padStart(8)}  ${met(a <= 50).padEnd(8)} ${met(overheadOk)} (${(a - h).toFixed(1)} vs ${(1.5 * s + 1).toFixed(1)})`,
  );
  console.log(rows.at(-1));
}
// The lists at 100 connections, every request a filter drawn at random: the server queues
// them; none may wait over a second, and memory is sampled throughout.
let concurrentSlow = 0;
if (!only && !mixedOnly) {
  console.log("\nThe lists at 100 connections, 10 s each, every request a random filter:");
  for (const list of ["topups", "withdrawals"] as const) {
    const { result, slow } = await listLoad({
      url: base,
      cookie,
      scenarios: SCENARIOS,
      list,
      connections: 100,
    });
    concurrentSlow += slow;
    const failed = result.non2xx + result.errors + result.timeouts;
    allMet &&= failed === 0;
    console.log(
      `${`/api/${list}`.padEnd(20)} ${(result.requests.total / result.duration).toFixed(0).padStart(5)}/s  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  max ${result.latency.max} ms  over 1 s: ${slow}  not 200: ${failed}`,
    );
  }
}
if (!only && !mixedOnly && instances === 2) {
  console.log("\nThe lists at 100 connections on one instance and on two (10 s each):");
  const side = await oneVersusTwoInstances({ base, port: PORT, env, cookie, scenarios: SCENARIOS });
  for (const line of side.lines) console.log(line);
  allMet &&= side.ok;
}
if (!only) {
  console.log("\nCallbacks while list readers saturate the server (10 s a round):");
  const mixed = await mixedLoad({
    base,
    callbackBase: env.CALLBACK_URL ?? base,
    cookie,
    webhookSecret: env.WEBHOOK_SECRET ?? "",
    listPath: () => {
      const scenario = pick(SCENARIOS);
      return `/api/${scenario.list}?${scenario.query()}`;
    },
  });
  for (const line of mixed.lines) console.log(line);
  allMet &&= mixed.met;
}
const rssAfterLists = rss();
if (only || mixedOnly) {
  clearInterval(sampler);
  if (mixedOnly) console.log(`\nEvery goal above: ${allMet ? "met" : "NOT all met"}`);
  // A look at some filters only: no memory, paint or callback figures.
  db.$store.close();
  stopAll(0);
  process.exit(0);
}

console.log("\nFirst row on screen, /topups, in a real browser:");
const paint = await runBeside("scripts/bench-paint.ts", [
  "--url",
  base,
  "--email",
  BENCH_USER.email,
  "--password",
  BENCH_USER.password,
  "--runs",
  "10",
]);
process.stdout.write(paint.stdout);
// Warm and cold first row, cold largest paint: every one met.
const paintMet =
  paint.status === 0 && /goal p50[^:]*: met/.test(paint.stdout) && !/NOT met/.test(paint.stdout);

const rssAfterPaint = rss();
// The sampler runs on through the paint and the idle minute: the peak is the whole run's.
await new Promise((r) => setTimeout(r, 60_000));
clearInterval(sampler);
const rssIdleAfter = rss();
rssPeak = Math.max(rssPeak, rssIdleAfter);
server.kill("SIGTERM");
db.$store.close();

console.log(
  `\nServer memory (RSS): idle ${rssIdle.toFixed(0)} MB, peak ${rssPeak.toFixed(0)} MB, after the lists ${rssAfterLists.toFixed(0)} MB, after the page loads ${rssAfterPaint.toFixed(0)} MB, a minute later ${rssIdleAfter.toFixed(0)} MB`,
);
console.log(
  `  peak ≤ 300 MB: ${met(rssPeak <= 300)}; back under 250 MB within a minute: ${met(rssIdleAfter < 250)}`,
);
console.log(
  `Requests over 1 s during the lists: ${stalls} one at a time, ${concurrentSlow} at 100 connections (goal 0: ${met(stalls + concurrentSlow === 0)})`,
);
console.log(
  `First row ≤ 500 ms p50, warm and cold; cold largest paint < 800 ms p50: ${met(paintMet)}`,
);
allMet &&= rssPeak <= 300 && rssIdleAfter < 250 && stalls + concurrentSlow === 0 && paintMet;

if (!values["skip-callbacks"]) {
  console.log("\nCallbacks (bench:callbacks, its own stack):");
  const callbacks = run("scripts/bench-callbacks.ts", postgres ? ["--db", "postgres"] : []);
  process.stdout.write(callbacks.stdout);
  allMet &&= callbacks.status === 0 && !/not met/i.test(callbacks.stdout);
}
console.log(`\nEvery goal above: ${allMet ? "met" : "NOT all met"}`);
stopAll(0);

/** Whether the PostgreSQL database at `url` holds a finished seed (its last step: review items). */
async function seededPostgres(url: string): Promise<boolean> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query<{ n: string }>("select count(*) as n from review_items");
    return Number(rows[0]?.n ?? 0) > 0;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
