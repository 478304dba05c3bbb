import path from "node:path";

import { args, loadDotEnv } from "./cli";
import { timeScenario, timingHeader } from "./timing";

/**
 * `npm run bench:lists -- [--db FILE] [--runs N]`: times every list filter through the real
 * data-layer functions against a seeded database (npm run db:seed-large) and prints p50,
 * p95 and max per scenario. Target (docs/design.md): p95 ≤ 50 ms at 1,000,000 top-ups.
 */
loadDotEnv();
const { values } = args({ db: { type: "string" }, runs: { type: "string" } });
const file = path.resolve(values.db ?? "data/large.db");
const runs = Number(values.runs ?? 40);

const { openDb } = await import("@/db/client");
const { rawQuery } = await import("@/db/raw");
const { topupCursorOf, listTopups } = await import("@/db/queries/topups");
const { listWithdrawals, withdrawalCursorOf } = await import("@/db/queries/withdrawals");
const { reviewPage } = await import("@/lib/review/read-review");
const { REVIEW_ITEM_REASONS } = await import("@/db/enums");
type Filter = Parameters<typeof listTopups>[1];
type Options = Parameters<typeof listTopups>[2];

const db = openDb(file);
const count = ((await rawQuery(db, "select count(*) n from topups"))[0] as { n: number }).n;
const sample = (await rawQuery(
  db,
  "select ref_id, order_id, game_id, package_id, created_by from topups where rowid % 997 = 0 limit 500",
)) as {
  ref_id: string;
  order_id: string | null;
  game_id: string;
  package_id: string;
  created_by: number;
}[];
const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)] as T;
const DAY = 86_400_000;
const HOUR = 3_600_000;
const randomDay = () => {
  const start = Date.now() - Math.floor(Math.random() * 170) * DAY;
  return { from: new Date(start), to: new Date(start + DAY) };
};
const deepCursor = async (filter: Filter) => {
  let cursor: Options["cursor"];
  for (let i = 0; i < 20; i++) {
    const page = await listTopups(db, filter, { sort: "created_desc", cursor, limit: 50 });
    const last = page.at(-1);
    if (!last) break;
    cursor = topupCursorOf(last, "created_desc");
  }
  return cursor;
};

const scenarios: [string, () => Promise<[Filter, Partial<Options>]>][] = [
  ["no filter, first page", async () => [{}, {}]],
  ["no filter, page 21 (cursor)", async () => [{}, { cursor: await deepCursor({}) }]],
  ["status=failed", async () => [{ statuses: ["failed"] }, {}]],
  ["status=processing", async () => [{ statuses: ["processing"] }, {}]],
  ["status=pending,processing", async () => [{ statuses: ["pending", "processing"] }, {}]],
  ["one Bangkok day", async () => [randomDay(), {}]],
  ["package", async () => [{ packageId: pick(sample).package_id }, {}]],
  ["created by", async () => [{ createdBy: pick(sample).created_by }, {}]],
  ["q = refID", async () => [{ q: pick(sample).ref_id }, {}]],
  ["q = orderID", async () => [{ q: pick(sample).order_id ?? "P2W1" }, {}]],
  [
    "q = refID tail, lower case",
    async () => [{ q: pick(sample).ref_id.slice(-8).toLowerCase() }, {}],
  ],
  [
    "q = orderID fragment, lower case",
    async () => [{ q: (pick(sample).order_id ?? "P2W1").slice(-7, -1).toLowerCase() }, {}],
  ],
  ["q = player id prefix", async () => [{ q: pick(sample).game_id.slice(0, 6) }, {}]],
  ["q = player id fragment (end)", async () => [{ q: pick(sample).game_id.slice(-5) }, {}]],
  ["q = player id, other case", async () => [{ q: pick(sample).game_id.toUpperCase() }, {}]],
  ["q = no match", async () => [{ q: "zz-nothing" }, {}]],
  [
    "status=processing + created by",
    async () => [{ statuses: ["processing"], createdBy: pick(sample).created_by }, {}],
  ],
  [
    "status=unknown + package",
    async () => [{ statuses: ["unknown"], packageId: pick(sample).package_id }, {}],
  ],
  ["status=failed + one day", async () => [{ statuses: ["failed"], ...randomDay() }, {}]],
  [
    "package + created by + day",
    async () => [
      { packageId: pick(sample).package_id, createdBy: pick(sample).created_by, ...randomDay() },
      {},
    ],
  ],
  [
    "failure reason + day (overview)",
    async () => [
      { statuses: ["failed"], reason: "Invalid game ID: player not found", ...randomDay() },
      {},
    ],
  ],
  [
    "one hour (overview bar)",
    async () => {
      const { from } = randomDay();
      return [
        { from: new Date(from.getTime() + 13 * HOUR), to: new Date(from.getTime() + 14 * HOUR) },
        {},
      ];
    },
  ],
  ["needs review", async () => [{ needsReview: true }, {}]],
  ["oldest first", async () => [{}, { sort: "created_asc" }]],
  ["recently updated", async () => [{}, { sort: "updated_desc" }]],
  [
    "status=failed, page 21",
    async () => [{ statuses: ["failed"] }, { cursor: await deepCursor({ statuses: ["failed"] }) }],
  ],
];

console.log(
  `${count.toLocaleString("en-US")} top-ups in ${file}; ${runs} runs per scenario, 50 rows a page\n`,
);
let worst = 0;
/** Times each scenario `runs` times and prints p50, p95 and max. */
async function report<F, O>(
  scenarios: [string, () => Promise<[F, Partial<O>]>][],
  run: (filter: F, extra: Partial<O>) => Promise<unknown>,
) {
  timingHeader("scenario", 34);
  for (const [name, make] of scenarios) {
    const p95 = await timeScenario(name, 34, runs, make, ([filter, extra]) => run(filter, extra));
    worst = Math.max(worst, p95);
  }
}
await report(scenarios, (filter, extra) =>
  listTopups(db, filter, { sort: "created_desc", limit: 51, ...extra }),
);

type WFilter = Parameters<typeof listWithdrawals>[1];
type WOptions = Parameters<typeof listWithdrawals>[2];
const wCount = ((await rawQuery(db, "select count(*) n from withdrawals"))[0] as { n: number }).n;
const wSample = (await rawQuery(
  db,
  "select platform_order_id, merchant_order_id, account_no, account_name, bank from withdrawals where rowid % 199 = 0 limit 500",
)) as {
  platform_order_id: string;
  merchant_order_id: string;
  account_no: string;
  account_name: string;
  bank: string;
}[];
const wDeep = async (filter: WFilter) => {
  let cursor: WOptions["cursor"];
  for (let i = 0; i < 20; i++) {
    const page = await listWithdrawals(db, filter, { sort: "ordered_desc", cursor, limit: 50 });
    const last = page.at(-1);
    if (!last) break;
    cursor = withdrawalCursorOf(last, "ordered_desc");
  }
  return cursor;
};
const wScenarios: [string, () => Promise<[WFilter, Partial<WOptions>]>][] = [
  ["no filter, first page", async () => [{}, {}]],
  ["no filter, page 21 (cursor)", async () => [{}, { cursor: await wDeep({}) }]],
  ["status=open", async () => [{ statuses: ["open"] }, {}]],
  ["status=open,failed", async () => [{ statuses: ["open", "failed"] }, {}]],
  ["one Bangkok day", async () => [randomDay(), {}]],
  ["bank", async () => [{ bank: pick(wSample).bank }, {}]],
  ["amount 1,000-1,200 baht", async () => [{ minSatang: 100_000, maxSatang: 120_000 }, {}]],
  ["amount ≥ 49,990 baht (rare)", async () => [{ minSatang: 4_999_000 }, {}]],
  [
    "bank + status=failed + day",
    async () => [{ bank: pick(wSample).bank, statuses: ["failed"], ...randomDay() }, {}],
  ],
  ["q = platform id", async () => [{ q: pick(wSample).platform_order_id }, {}]],
  ["q = merchant order id", async () => [{ q: pick(wSample).merchant_order_id }, {}]],
  [
    "q = platform id tail, lower case",
    async () => [{ q: pick(wSample).platform_order_id.slice(-8).toLowerCase() }, {}],
  ],
  [
    "q = merchant id without prefix",
    async () => [{ q: pick(wSample).merchant_order_id.slice(-11) }, {}],
  ],
  ["q = account number", async () => [{ q: pick(wSample).account_no }, {}]],
  ["q = Thai name prefix", async () => [{ q: pick(wSample).account_name.split(" ")[0] ?? "" }, {}]],
  ["q = surname alone", async () => [{ q: pick(wSample).account_name.split(" ")[1] ?? "" }, {}]],
  ["q = account, last 4 digits", async () => [{ q: pick(wSample).account_no.slice(-4) }, {}]],
  [
    "q = account, dashed",
    async () => {
      const a = pick(wSample).account_no;
      return [{ q: `${a.slice(0, 3)}-${a.slice(3, 4)}-${a.slice(4, 9)}-${a.slice(9)}` }, {}];
    },
  ],
  ["needs review", async () => [{ needsReview: true }, {}]],
  ["recently updated", async () => [{}, { sort: "updated_desc" }]],
];
console.log(`\n${wCount.toLocaleString("en-US")} withdrawals\n`);
await report(wScenarios, (filter, extra) =>
  listWithdrawals(db, filter, { sort: "ordered_desc", limit: 51, ...extra }),
);
// The review queue, as GET /api/review answers it: the page, the tab counts, the approvals.
const reviewOpen = (
  (await rawQuery(db, "select count(*) n from review_items where resolved_at is null"))[0] as {
    n: number;
  }
).n;
const manager =
  (
    (await rawQuery(db, "select id from users where role in ('manager', 'admin') limit 1"))[0] as
      { id: number } | undefined
  )?.id ?? 1;
const queueNext = async (query: string) =>
  (await reviewPage(db, manager, new URLSearchParams(query))).nextCursor ?? "";
const qScenarios: [string, () => Promise<[string, Partial<Record<string, never>>]>][] = [
  ["queue, first page (all reasons)", async () => ["", {}]],
  ["queue, page 2 (cursor)", async () => [`cursor=${await queueNext("")}`, {}]],
  ...REVIEW_ITEM_REASONS.map(
    (reason): [string, () => Promise<[string, Partial<Record<string, never>>]>] => [
      `queue, tab ${reason}`,
      async () => [`reason=${reason}`, {}],
    ],
  ),
  ["queue, withdrawals only", async () => ["kind=withdrawal", {}]],
  ["queue, claimed by me", async () => ["claimed=me", {}]],
  ["queue, unclaimed", async () => ["claimed=none", {}]],
  ["queue, decided (resolved=1)", async () => ["resolved=1", {}]],
];
console.log(`\n${reviewOpen.toLocaleString("en-US")} open review items\n`);
await report(qScenarios, (query) => reviewPage(db, manager, new URLSearchParams(query)));
console.log(`\nworst p95: ${worst.toFixed(2)} ms (target ≤ 50 ms)`);
