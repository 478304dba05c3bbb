import path from "node:path";

import { args, loadDotEnv } from "./cli";

/**
 * `npm run bench:lists -- [--db FILE] [--runs N]`: times every list filter through the real
 * data-layer functions against a seeded database (npm run db:seed-large) and prints p50,
 * p95 and max per scenario. Target (DESIGN): p95 ≤ 50 ms at 1,000,000 top-ups.
 */
loadDotEnv();
const { values } = args({ db: { type: "string" }, runs: { type: "string" } });
const file = path.resolve(values.db ?? "data/large.db");
const runs = Number(values.runs ?? 40);

const { openDb } = await import("@/db/client");
const { cursorOf, listTopups } = await import("@/db/queries/topups");
type Filter = Parameters<typeof listTopups>[1];
type Options = Parameters<typeof listTopups>[2];

const db = openDb(file);
const count = (db.$client.prepare("select count(*) n from topups").get() as { n: number }).n;
const sample = db.$client
  .prepare(
    "select ref_id, order_id, game_id, package_id, created_by from topups where rowid % 997 = 0 limit 500",
  )
  .all() as {
  ref_id: string;
  order_id: string | null;
  game_id: string;
  package_id: string;
  created_by: number;
}[];
const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)] as T;
const DAY = 86_400_000;
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
    cursor = cursorOf(last, "created_desc");
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
  ["q = player id prefix", async () => [{ q: pick(sample).game_id.slice(0, 6) }, {}]],
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
  ["needs review", async () => [{ needsReview: true }, {}]],
  ["oldest first", async () => [{}, { sort: "created_asc" }]],
  ["recently updated", async () => [{}, { sort: "updated_desc" }]],
  [
    "status=failed, page 21",
    async () => [{ statuses: ["failed"] }, { cursor: await deepCursor({ statuses: ["failed"] }) }],
  ],
];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
console.log(
  `${count.toLocaleString("en-US")} top-ups in ${file}; ${runs} runs per scenario, 50 rows a page\n`,
);
console.log(
  `${"scenario".padEnd(34)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"max ms".padStart(8)}`,
);
let worst = 0;
for (const [name, make] of scenarios) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const [filter, extra] = await make();
    const started = performance.now();
    await listTopups(db, filter, { sort: "created_desc", limit: 51, ...extra });
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const p95 = percentile(times, 95);
  worst = Math.max(worst, p95);
  console.log(
    `${name.padEnd(34)} ${percentile(times, 50).toFixed(2).padStart(8)} ${p95.toFixed(2).padStart(8)} ${(times.at(-1) ?? 0).toFixed(2).padStart(8)}`,
  );
}
console.log(`\nworst p95: ${worst.toFixed(2)} ms (target ≤ 50 ms)`);
