import fs from "node:fs";
import path from "node:path";

import { ulid } from "ulid";

import { args, loadDotEnv, toolDatabaseUrl } from "./cli";

/**
 * `npm run db:seed-large -- [--db FILE|postgres] [--topups N] [--withdrawals N]`: a database the
 * size the list targets are stated for (1,000,000 top-ups and 300,000 withdrawals by default),
 * spread over 180 days, for the benchmark. `--db postgres`: the database `ops_large` on the
 * server `TEST_DATABASE_URL` names (emptied first).
 */
loadDotEnv();
const { values } = args({
  db: { type: "string" },
  topups: { type: "string" },
  withdrawals: { type: "string" },
});
const postgres = values.db === "postgres";
const file = postgres ? toolDatabaseUrl("ops_large") : path.resolve(values.db ?? "data/large.db");
const total = Number(values.topups ?? 1_000_000);
const totalWithdrawals = Number(values.withdrawals ?? 300_000);

if (postgres) {
  const { recreateDatabase } = await import("@/db/pg/maintenance");
  await recreateDatabase(file);
  // Before db/ is first imported: the process's dialect is chosen from it.
  process.env.DATABASE_URL = file;
} else {
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
}
const { openDb } = await import("@/db/client");
const { upsertUser } = await import("@/db/queries/users");
const { rawBulk, rawExec, rawQuery, rawValue } = await import("@/db/raw");
const { importCatalog } = await import("@/lib/catalog/catalog-admin");
const { CATALOG_FILE } = await import("@/sandbox/catalog");

const db = openDb(file);
await importCatalog(db, null, fs.readFileSync(CATALOG_FILE, "utf8"));
const creators: number[] = [];
for (let i = 1; i <= 12; i++) {
  const role = i <= 8 ? "support" : i <= 10 ? "manager" : "admin";
  creators.push(
    (
      await upsertUser(db, {
        email: `staff${i}@example.com`,
        name: `Staff ${i}`,
        role,
        passwordHash: "x",
      })
    ).id,
  );
}
const packages = await rawQuery<{ package_id: string; price_satang: number; fields: unknown }>(
  db,
  "select package_id, price_satang, fields from packages",
);

const STATUSES: [string, number][] = [
  ["succeeded", 0.85],
  ["failed", 0.08],
  ["pending", 0.03],
  ["processing", 0.02],
  ["unknown", 0.005],
  ["submitting", 0.005],
];
function pickStatus(): string {
  let r = Math.random();
  for (const [status, share] of STATUSES) if ((r -= share) < 0) return status;
  return "succeeded";
}
const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)] as T;

const insert = `insert into topups
  (ref_id, order_id, package_id, topup_info, game_id, status, reason, price_satang, created_by, idempotency_key,
   request_hash, needs_review, reconcile_attempts, next_check_at, created_at, updated_at, completed_at)
  values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)`;

const now = Date.now();
const span = 180 * 24 * 3600_000;
const started = performance.now();
const BATCH = 50_000;
let orderSeq = 1_000_000_000;
for (let done = 0; done < total; done += BATCH) {
  const rows: unknown[][] = [];
  for (let i = 0; i < Math.min(BATCH, total - done); i++) {
    const created = now - Math.floor(Math.random() * span);
    const status = pickStatus();
    const pkg = pick(packages);
    // SQLite hands JSON back as text, PostgreSQL as the value.
    const fields = (typeof pkg.fields === "string" ? JSON.parse(pkg.fields) : pkg.fields) as {
      key: string;
      options?: { value: string }[];
    }[];
    const gameId = `${Math.floor(Math.random() * 1e9)}`;
    const info = Object.fromEntries(
      fields.map((f, j) => [f.key, j === 0 ? gameId : (f.options?.[0]?.value ?? "x")]),
    );
    const final = status === "succeeded" || status === "failed";
    const hasOrder = status !== "submitting" && status !== "unknown";
    rows.push([
      `TU-${ulid(created)}`,
      hasOrder ? `P2W${orderSeq++}` : null,
      pkg.package_id,
      JSON.stringify(info),
      gameId,
      status,
      status === "failed" ? "Invalid game ID: player not found" : null,
      pkg.price_satang,
      pick(creators),
      `seed-${done + i}`,
      "seed",
      status === "unknown" ? "unknown_outcome" : null,
      final ? null : new Date(created + 60_000),
      new Date(created),
      new Date(created + 5_000),
      final ? new Date(created + 5_000) : null,
    ]);
  }
  await rawBulk(db, insert, rows);
  process.stdout.write(`\r${Math.min(done + BATCH, total).toLocaleString("en-US")} top-ups`);
}
console.log();
const { accountName, accountNo, bank, platformOrderId } = await import("@/sandbox/payout-fixtures");
const insertWithdrawal = `insert into withdrawals
  (platform_order_id, merchant_order_id, bank, account_no, account_name, amount_satang, status, ordered_at, done_at,
   next_check_at, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
for (let done = 0; done < totalWithdrawals; done += BATCH) {
  const rows: unknown[][] = [];
  for (let i = 0; i < Math.min(BATCH, totalWithdrawals - done); i++) {
    const ordered = now - Math.floor(Math.random() * span);
    const r = Math.random();
    const status = r < 0.9 ? "success" : r < 0.97 ? "failed" : "open";
    const amount = Math.floor(Math.random() * 50_000) * 100 + Math.floor(Math.random() * 100);
    rows.push([
      platformOrderId("SBX", new Date(ordered)),
      `PAYOUT-${done + i}`,
      bank(),
      accountNo(),
      accountName(),
      amount,
      status,
      new Date(ordered),
      status === "open" ? null : new Date(ordered + 42_000),
      status === "open" ? new Date(ordered + 60_000) : null,
      new Date(ordered),
      new Date(ordered + 42_000),
    ]);
  }
  await rawBulk(db, insertWithdrawal, rows);
  process.stdout.write(
    `\r${Math.min(done + BATCH, totalWithdrawals).toLocaleString("en-US")} withdrawals`,
  );
}
// The last 14 days' callbacks and balance figures, as a working upstream leaves them: one
// accepted callback per finished top-up and withdrawal (2–60 s after it was created), a few
// refused ones, and a confirmed P2W balance with each top-up callback (the overview's
// callback health, runway and trend read these).
const recent = now - 14 * 24 * 3600_000;
await rawExec(db, postgres ? pgHistory(recent) : sqliteHistory(recent));

const openItems = await rawValue<number>(
  db,
  "select count(*) n from review_items where resolved_at is null",
);
console.log(`\n${openItems.toLocaleString("en-US")} open review items`);
await rawExec(db, postgres ? "vacuum analyze" : "analyze; pragma wal_checkpoint(TRUNCATE);");
db.$store.close();
console.log(`\nSeeded ${file} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);

/**
 * The last 14 days' callbacks and balance figures, as a working upstream leaves them: one
 * accepted callback per finished top-up and withdrawal (2–60 s after it was created), a few
 * refused ones, and a confirmed P2W balance with each top-up callback (the overview's
 * callback health, runway and trend read these). Review items as a year of work leaves them:
 * about 1 % of orders open (unknown outcomes, a sixteenth of the failed top-ups, a seventh of
 * the failed payouts), every other failed order already decided; a manager holds a few.
 * In each database's own SQL (instants: milliseconds on SQLite, timestamptz on PostgreSQL).
 */
function sqliteHistory(recent: number): string {
  return `
  insert into callbacks (upstream, received_at, raw_body, verification, entity_id, order_id, ip, result, attempts, processed_at)
  select 'p2w', created_at + 2000 + abs(random() % 58000), '{"seeded":true}', 'ok', ref_id, order_id,
         '203.0.113.10', 'applied', 1, created_at + 61000
  from topups where created_at >= ${recent} and completed_at is not null order by created_at;
  insert into callbacks (upstream, received_at, raw_body, verification, entity_id, ip, result, attempts, processed_at)
  select 'payout', ordered_at + 2000 + abs(random() % 58000), '{"seeded":true}', 'ok', platform_order_id,
         '203.0.113.20', 'applied', 1, ordered_at + 61000
  from withdrawals where ordered_at >= ${recent} and done_at is not null order by ordered_at;
  insert into callbacks (upstream, received_at, raw_body, verification, ip, result, attempts)
  select 'p2w', received_at + 500, '{"forged":true}', 'bad-token', '198.51.100.7', 'refused', 0
  from callbacks where upstream = 'p2w' and id % 200 = 0;
  insert into balance_snapshots (upstream, balance_satang, source, confirmed, at)
  select 'p2w', 50000000 - (row_number() over (order by received_at)) * 1500 % 45000000, 'callback:' || id, 1, received_at
  from callbacks where upstream = 'p2w' and verification = 'ok' order by received_at;
  insert into review_items (kind, entity_id, reason, detail, opened_at, resolved_at, resolved_by, outcome, note)
  select 'topup', ref_id, 'failed', json_object('error', reason), updated_at,
         case when rowid % 16 = 0 then null else updated_at + 3600000 end,
         case when rowid % 16 = 0 then null else created_by end,
         case when rowid % 16 = 0 then null when rowid % 3 = 0 then 'refunded' else 'no_action' end,
         case when rowid % 16 = 0 then null else 'seeded decision' end
  from topups where status = 'failed';
  insert into review_items (kind, entity_id, reason, detail, opened_at)
  select 'topup', ref_id, 'unknown_outcome', json_object('error', 'UPSTREAM_TIMEOUT'), updated_at
  from topups where needs_review = 'unknown_outcome';
  insert into review_items (kind, entity_id, reason, opened_at, resolved_at, outcome, note)
  select 'withdrawal', platform_order_id, 'failed', updated_at,
         case when rowid % 7 = 0 then null else updated_at + 3600000 end,
         case when rowid % 7 = 0 then null else 'not_paid' end,
         case when rowid % 7 = 0 then null else 'seeded decision' end
  from withdrawals where status = 'failed';
  update review_items set claimed_by = (select id from users where role = 'manager' limit 1),
                          claimed_at = ${Date.now()}
  where resolved_at is null and id % 97 = 0 and exists (select 1 from users where role = 'manager');
`;
}

function pgHistory(recent: number): string {
  const since = `to_timestamp(${recent / 1000})`;
  return `
  insert into callbacks (upstream, received_at, raw_body, verification, entity_id, order_id, ip, result, attempts, processed_at)
  select 'p2w', created_at + (2000 + floor(random() * 58000)) * interval '1 millisecond', '{"seeded":true}', 'ok',
         ref_id, order_id, '203.0.113.10', 'applied', 1, created_at + interval '61 seconds'
  from topups where created_at >= ${since} and completed_at is not null order by created_at;
  insert into callbacks (upstream, received_at, raw_body, verification, entity_id, ip, result, attempts, processed_at)
  select 'payout', ordered_at + (2000 + floor(random() * 58000)) * interval '1 millisecond', '{"seeded":true}', 'ok',
         platform_order_id, '203.0.113.20', 'applied', 1, ordered_at + interval '61 seconds'
  from withdrawals where ordered_at >= ${since} and done_at is not null order by ordered_at;
  insert into callbacks (upstream, received_at, raw_body, verification, ip, result, attempts)
  select 'p2w', received_at + interval '500 milliseconds', '{"forged":true}', 'bad-token', '198.51.100.7', 'refused', 0
  from callbacks where upstream = 'p2w' and id % 200 = 0;
  insert into balance_snapshots (upstream, balance_satang, source, confirmed, at)
  select 'p2w', 50000000 - (row_number() over (order by received_at)) * 1500 % 45000000, 'callback:' || id, true, received_at
  from callbacks where upstream = 'p2w' and verification = 'ok' order by received_at;
  insert into review_items (kind, entity_id, reason, detail, opened_at, resolved_at, resolved_by, outcome, note)
  select 'topup', ref_id, 'failed', jsonb_build_object('error', reason), updated_at,
         case when n % 16 = 0 then null else updated_at + interval '1 hour' end,
         case when n % 16 = 0 then null else created_by end,
         case when n % 16 = 0 then null when n % 3 = 0 then 'refunded' else 'no_action' end,
         case when n % 16 = 0 then null else 'seeded decision' end
  from (select *, row_number() over () as n from topups where status = 'failed') t;
  insert into review_items (kind, entity_id, reason, detail, opened_at)
  select 'topup', ref_id, 'unknown_outcome', jsonb_build_object('error', 'UPSTREAM_TIMEOUT'), updated_at
  from topups where needs_review = 'unknown_outcome';
  insert into review_items (kind, entity_id, reason, opened_at, resolved_at, outcome, note)
  select 'withdrawal', platform_order_id, 'failed', updated_at,
         case when n % 7 = 0 then null else updated_at + interval '1 hour' end,
         case when n % 7 = 0 then null else 'not_paid' end,
         case when n % 7 = 0 then null else 'seeded decision' end
  from (select *, row_number() over () as n from withdrawals where status = 'failed') w;
  update review_items set claimed_by = (select id from users where role = 'manager' limit 1),
                          claimed_at = now()
  where resolved_at is null and id % 97 = 0 and exists (select 1 from users where role = 'manager');
`;
}
