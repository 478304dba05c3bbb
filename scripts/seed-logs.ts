import path from "node:path";

import { args, loadDotEnv } from "./cli";

/**
 * `npm run db:seed-logs -- [--db FILE] [--callbacks N] [--calls N]`: fills a seeded database
 * (npm run db:seed-large) up to the sizes the logs' targets are stated for — 3,000,000
 * callbacks and 2,000,000 upstream calls by default — spread over the last 90 days, with
 * the mix a working pair of upstreams leaves: mostly applied, some duplicates, a few
 * refused, retried and unconfirmed. Rows already there count toward the totals.
 */
loadDotEnv();
const { values } = args({
  db: { type: "string" },
  callbacks: { type: "string" },
  calls: { type: "string" },
});
const file = path.resolve(values.db ?? "data/large.db");
const wantCallbacks = Number(values.callbacks ?? 3_000_000);
const wantCalls = Number(values.calls ?? 2_000_000);
const { openDb } = await import("@/db/client");
const { rawBulk, rawExec, rawValue } = await import("@/db/raw");
const db = openDb(file);
const count = (table: string) => rawValue<number>(db, `select count(*) n from ${table}`);

const CHUNK = 100_000;
const SPAN_MS = 90 * 86_400_000;
const now = Date.now();

/** Inserts `n` rows in chunks, each one statement over a generated series. */
async function fill(table: string, want: number, insert: string) {
  const started = performance.now();
  let have = await count(table);
  while (have < want) {
    const n = Math.min(CHUNK, want - have);
    await rawBulk(db, insert, [[have, have, n, now]]);
    have += n;
    process.stdout.write(`\r${table}: ${have.toLocaleString("en")} / ${want.toLocaleString("en")}`);
  }
  console.log(`\n${table}: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

// A random fraction 0..1 per row, and pickers over it, in SQL.
const series = `with recursive s(i) as (select ? union all select i + 1 from s where i < ? + ? - 1)`;
const callbackInsert = `${series},
  r as (select i, abs(random()) % 10000 as p, abs(random()) % 10000 as q,
               ? - abs(random()) % ${SPAN_MS} as at from s)
  insert into callbacks (upstream, received_at, raw_body, verification, entity_id, order_id, ip,
                         headers, result, detail, attempts, processed_at)
  select
    case when p < 7000 then 'p2w' else 'payout' end,
    at,
    case when p < 7000
      then '{"orderID":"P2WL' || i || '","refID":"TU-L' || i / 2 || '","status":"successed","balance":1234.5,"reason":""}'
      else '{"platform_order_id":"PL' || i / 2 || '","status":"success","amount":1500.25,"account_no":"1234567890","account_name":"สมชาย ใจดี"}'
    end,
    case when q < 9700 then 'ok'
         when p < 7000 then (case q % 3 when 0 then 'bad_token' when 1 then 'bad_body' else 'bad_json' end)
         else (case q % 3 when 0 then 'bad_signature' when 1 then 'stale_time' else 'bad_merchant' end) end,
    case when p < 7000 then 'TU-L' || i / 2 else 'PL' || i / 2 end,
    case when p < 7000 then 'P2WL' || i else null end,
    '10.1.' || (i % 250) || '.' || (i % 7),
    '{"contentType":"application/json","userAgent":"seed","signature":"present"}',
    case when q >= 9700 then 'rejected'
         when q < 8000 then 'applied' when q < 8800 then 'duplicate' when q < 9300 then 'unchanged'
         when q < 9450 then 'stale' when q < 9550 then 'contradicted' when q < 9600 then 'retry'
         when q < 9640 then 'unconfirmed' when q < 9670 then 'anomaly' else 'unmatched' end,
    null,
    case when q between 9550 and 9639 then 1 + q % 5 else 0 end,
    case when q >= 9700 or q between 9550 and 9599 then null else at + 40 + q % 900 end
  from r`;
await fill("callbacks", wantCallbacks, callbackInsert);

const OPERATIONS = ["create_order", "get_order", "withdraw_query"];
const callInsert = `${series},
  r as (select i, abs(random()) % 10000 as p, abs(random()) % 10000 as q,
               ? - abs(random()) % ${SPAN_MS} as at from s)
  insert into upstream_calls (at, upstream, operation, target_id, actor, attempt, http_status,
                              duration_ms, outcome, error_code, request, response)
  select
    at,
    case when p < 7000 then 'p2w' else 'payout' end,
    case when p < 2500 then '${OPERATIONS[0]}' when p < 7000 then '${OPERATIONS[1]}' else '${OPERATIONS[2]}' end,
    case when p < 2500 then 'TU-L' || i when p < 7000 then 'P2WL' || i else 'PL' || i end,
    case when q % 4 = 0 then 'user:' || (1 + q % 12) else 'system:reconciler' end,
    case when q >= 9800 then 2 else 1 end,
    case when q >= 9900 then 502 else 200 end,
    20 + (q * q) % 900,
    case when q >= 9850 then 'error' else 'ok' end,
    case when q >= 9850 then 'UPSTREAM_HTTP' else null end,
    '{"orderID":"P2WL' || i || '"}',
    '{"code":200,"status":"successed"}'
  from r`;
await fill("upstream_calls", wantCalls, callInsert);
await rawExec(db, "pragma optimize");
console.log(
  `${(await count("callbacks")).toLocaleString("en")} callbacks, ${(await count("upstream_calls")).toLocaleString("en")} upstream calls in ${file}`,
);
