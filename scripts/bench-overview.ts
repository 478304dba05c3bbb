import path from "node:path";

import { args, loadDotEnv } from "./cli";
import { timeScenario, timingHeader } from "./timing";

/**
 * `npm run bench:overview -- [--db FILE] [--runs N]`: times the overview as `GET
 * /api/overview` computes it (every figure, every part an admin sees, without the shared
 * cache) for today, yesterday and the last seven days against a seeded database (npm run
 * db:seed-large), then the cached answer fifty tabs share. Target: p95 ≤ 100 ms at
 * 1,000,000 top-ups and 300,000 withdrawals. Also checks that the roll-ups equal a plain
 * recount of the rows, and prints how long that recount takes (what the roll-ups save).
 */
loadDotEnv();
const { values } = args({ db: { type: "string" }, runs: { type: "string" } });
const file = path.resolve(values.db ?? "data/large.db");
const runs = Number(values.runs ?? 40);

const { openDb } = await import("@/db/client");
const { rawQuery, rawValue } = await import("@/db/raw");
const { overview } = await import("@/lib/overview/overview");
const { readOverview } = await import("@/lib/overview/read-overview");
const { overviewRange, presetDays } = await import("@/lib/overview/range");
const { getSettings } = await import("@/lib/settings/settings");

const opened = performance.now();
const db = openDb(file);
console.log(`opened and migrated ${file} in ${((performance.now() - opened) / 1000).toFixed(1)} s`);
const count = (sql: string) => rawValue<number>(db, sql);
console.log(
  `${(await count("select count(*) n from topups")).toLocaleString("en-US")} top-ups, ` +
    `${(await count("select count(*) n from withdrawals")).toLocaleString("en-US")} withdrawals, ` +
    `${(await count("select count(*) n from callbacks")).toLocaleString("en-US")} callbacks, ` +
    `${(await count("select count(*) n from balance_snapshots")).toLocaleString("en-US")} balance figures, ` +
    `${(await count("select count(*) n from topup_hours")).toLocaleString("en-US")} roll-up rows\n`,
);

const settings = await getSettings(db);
const now = new Date();
timingHeader("range", 40);
const time = (name: string, run: () => Promise<unknown>) =>
  timeScenario(name, 40, runs, async () => undefined, run);
for (const preset of ["today", "yesterday", "last7"] as const) {
  const days = presetDays(preset, now);
  const range = overviewRange(days.from, days.to, now);
  if ("problem" in range) throw new Error(range.problem);
  await time(`${preset}, computed (admin)`, () =>
    overview(db, "admin", range, settings, new Date()),
  );
  await time(`${preset}, computed (support)`, () =>
    overview(db, "support", range, settings, new Date()),
  );
  await time(`${preset}, shared answer (cache hit)`, () => readOverview(db, "admin", days));
}

// The roll-ups against a plain recount of every row.
const started = performance.now();
type GroupRow = {
  hour: number;
  package_id: string;
  status: string;
  reason: string;
  count: number;
  amount_satang: number;
};
const plain = (await rawQuery(
  db,
  `select (created_at / 3600000) * 3600000 hour, package_id, status, coalesce(reason, '') reason,
            count(*) count, sum(price_satang) amount_satang from topups group by 1, 2, 3, 4`,
)) as GroupRow[];
const recountMs = performance.now() - started;
const keyOf = (r: GroupRow) => `${r.hour}|${r.package_id}|${r.status}|${r.reason}`;
const rolled = new Map(
  (
    (await rawQuery(
      db,
      `select hour, package_id, status, reason, sum(count) as count, sum(amount_satang) as amount_satang
         from topup_hours group by hour, package_id, status, reason having sum(count) > 0`,
    )) as GroupRow[]
  ).map((r) => [keyOf(r), r]),
);
const mismatches = plain.filter((p) => {
  const r = rolled.get(keyOf(p));
  return !r || r.count !== p.count || r.amount_satang !== p.amount_satang;
}).length;
console.log(
  `\nplain recount of every top-up: ${recountMs.toFixed(0)} ms; ` +
    `roll-up rows ${rolled.size}, plain groups ${plain.length}, mismatches ${mismatches + Math.abs(rolled.size - plain.length)}`,
);
db.$store.close();
