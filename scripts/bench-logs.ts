import path from "node:path";

import { args, loadDotEnv } from "./cli";
import { timeScenario, timingHeader } from "./timing";

/**
 * `npm run bench:logs -- [--db FILE] [--runs N]`: times the callbacks log and the upstream
 * calls log, first page and every filter, through the same functions the API serves them
 * with, against a seeded database (npm run db:seed-large, then npm run db:seed-logs).
 * Target (docs/design.md): p95 ≤ 50 ms at 3,000,000 callbacks and 2,000,000 calls.
 */
loadDotEnv();
const { values } = args({ db: { type: "string" }, runs: { type: "string" } });
const file = path.resolve(values.db ?? "data/large.db");
const runs = Number(values.runs ?? 40);

const { openDb } = await import("@/db/client");
const { rawQuery, rawValue } = await import("@/db/raw");
const { callbackCounts, callbackLogPage, callLogPage, callStats, sharedCallStats } =
  await import("@/lib/logs/read-logs");

const db = openDb(file);
const count = (table: string) => rawValue<number>(db, `select count(*) n from ${table}`);
const sample = <T>(sql: string) => rawQuery<T>(db, sql);
const callbackIds = await sample<{ entity_id: string; order_id: string | null }>(
  "select entity_id, order_id from callbacks where id % 997 = 0 and entity_id is not null limit 500",
);
const targets = await sample<{ target_id: string }>(
  "select target_id from upstream_calls where id % 997 = 0 and target_id is not null limit 500",
);
const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)] as T;
const randomDay = () => {
  const day = new Date(Date.now() + 7 * 3_600_000 - Math.floor(Math.random() * 85) * 86_400_000);
  return day.toISOString().slice(0, 10);
};
/** The cursor of page 21 of a list, for the deep-page scenarios. */
async function deepCursor(read: (p: URLSearchParams) => Promise<{ nextCursor: string | null }>) {
  let cursor: string | null = null;
  for (let i = 0; i < 20; i++) {
    const page = await read(new URLSearchParams(cursor ? { cursor } : {}));
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return cursor ?? "";
}

type Scenario = [string, () => Promise<Record<string, string>>];
const WIDTH = 40;

console.log(
  `${(await count("callbacks")).toLocaleString("en")} callbacks, ${(await count("upstream_calls")).toLocaleString("en")} upstream calls, ${runs} runs each\n`,
);

const callbackScenarios: Scenario[] = [
  ["first page (with 24 h counts)", async () => ({})],
  ["page 21 (cursor)", async () => ({ cursor: await deepCursor((p) => callbackLogPage(db, p)) })],
  ["upstream=payout", async () => ({ upstream: "payout" })],
  ["verification=refused", async () => ({ verification: "refused" })],
  ["upstream=p2w + refused", async () => ({ upstream: "p2w", verification: "refused" })],
  ["verification=bad_signature", async () => ({ verification: "bad_signature" })],
  ["result=failed", async () => ({ result: "failed" })],
  ["result=applied", async () => ({ result: "applied" })],
  [
    "result=unconfirmed + upstream=payout",
    async () => ({ result: "unconfirmed", upstream: "payout" }),
  ],
  [
    "one Bangkok day",
    async () => {
      const day = randomDay();
      return { from: day, to: day };
    },
  ],
  [
    "result=failed + one day",
    async () => {
      const day = randomDay();
      return { result: "failed", from: day, to: day };
    },
  ],
  ["q = refID / platform order id", async () => ({ q: pick(callbackIds).entity_id })],
  ["q = P2W orderID", async () => ({ q: pick(callbackIds).order_id ?? "P2WL1" })],
  ["q = prefix (TU-L12)", async () => ({ q: "TU-L12" })],
  ["q = no match", async () => ({ q: "ZZ-NOTHING" })],
];
timingHeader("callbacks log", WIDTH);
let worst = 0;
for (const [name, params] of callbackScenarios) {
  worst = Math.max(
    worst,
    await timeScenario(name, WIDTH, runs, params, (p) =>
      callbackLogPage(db, new URLSearchParams(p)),
    ),
  );
}
worst = Math.max(
  worst,
  await timeScenario(
    "24 h counts alone",
    WIDTH,
    runs,
    async () => null,
    () => callbackCounts(db),
  ),
);

const callScenarios: Scenario[] = [
  ["first page", async () => ({})],
  ["page 21 (cursor)", async () => ({ cursor: await deepCursor((p) => callLogPage(db, p)) })],
  ["upstream=payout", async () => ({ upstream: "payout" })],
  ["operation=get_order", async () => ({ operation: "get_order" })],
  ["outcome=error", async () => ({ outcome: "error" })],
  [
    "operation=create_order + outcome=error",
    async () => ({ operation: "create_order", outcome: "error" }),
  ],
  [
    "outcome=error + one day",
    async () => {
      const day = randomDay();
      return { outcome: "error", from: day, to: day };
    },
  ],
  ["q = target id", async () => ({ q: pick(targets).target_id })],
  ["q = no match", async () => ({ q: "ZZ-NOTHING" })],
];
console.log();
timingHeader("upstream calls log", WIDTH);
for (const [name, params] of callScenarios) {
  worst = Math.max(
    worst,
    await timeScenario(name, WIDTH, runs, params, (p) => callLogPage(db, new URLSearchParams(p))),
  );
}
// The first page as `GET /api/upstream-calls` serves it: the rows and the shared figures
// (recomputed off the request path at most every 10 s). The computation itself is timed
// apart: it runs once per 10 s per process, and no request waits for it but the first.
await sharedCallStats(db);
worst = Math.max(
  worst,
  await timeScenario(
    "first page + latency figures, as served",
    WIDTH,
    runs,
    async () => null,
    () => Promise.all([callLogPage(db, new URLSearchParams()), sharedCallStats(db)]),
  ),
);
await timeScenario(
  "  computing the figures (every 10 s)",
  WIDTH,
  runs,
  async () => null,
  () => callStats(db),
);
console.log(`\nworst p95: ${worst.toFixed(2)} ms (target 50 ms)`);
