import type { Db } from "@/db/client";
import { rawQuery, rawValue } from "@/db/raw";

import { type StatusMachine } from "@/lib/orders/status-machine";
import { TOPUP_MACHINE } from "@/lib/topups/topup-status";
import { WITHDRAWAL_MACHINE } from "@/lib/withdrawals/withdrawal-status";

/**
 * The soak's verdicts, read from the dashboard's database once the run is over
 * (scripts/soak.ts). Each returns what it found, so the table can show figures and a test
 * can show that each one does fail when it should (scripts/soak-checks.test.ts).
 */

/** Callbacks whose processing has not finished: received, waiting for a retry, replaying. */
export function unfinishedCallbacks(db: Db): Promise<number> {
  return rawValue<number>(
    db,
    "select count(*) from callbacks where result in ('received', 'retry', 'replaying')",
  );
}

/**
 * Acknowledged bodies with no stored row of their own. Counted as a multiset: two identical
 * bodies acknowledged twice need two rows.
 */
export async function missingCallbacks(db: Db, acknowledged: string[]): Promise<number> {
  const stored = new Map<string, number>();
  for (const { body } of await rawQuery<{ body: string }>(
    db,
    "select raw_body as body from callbacks",
  ))
    stored.set(body, (stored.get(body) ?? 0) + 1);
  let missing = 0;
  for (const body of acknowledged) {
    const left = stored.get(body) ?? 0;
    if (left > 0) stored.set(body, left - 1);
    else missing++;
  }
  return missing;
}

type HistoryStep = {
  entity_type: "topup" | "withdrawal";
  entity_id: string;
  from_status: string | null;
  to_status: string;
  source: string;
};

const MACHINES: Record<HistoryStep["entity_type"], StatusMachine<string>> = {
  topup: TOPUP_MACHINE,
  withdrawal: WITHDRAWAL_MACHINE,
};

/**
 * Applied status changes that did not move forward: a rank that does not rise, a change
 * away from a final status, or a change whose "from" is not the status the previous change
 * left (a lost write). A person's decision on a review is theirs to make and is not counted.
 */
export async function backwardMoves(db: Db): Promise<{ entity: string; step: string }[]> {
  const found: { entity: string; step: string }[] = [];
  const last = new Map<string, string>();
  const steps = await rawQuery<HistoryStep>(
    db,
    `select entity_type, entity_id, from_status, to_status, source from status_history
     where kind = 'applied' order by entity_type, entity_id, id`,
  );
  for (const step of steps) {
    const machine = MACHINES[step.entity_type];
    const key = `${step.entity_type} ${step.entity_id}`;
    const previous = last.get(key);
    last.set(key, step.to_status);
    if (step.from_status === null) continue;
    const chainBroken = previous !== undefined && previous !== step.from_status;
    const forward =
      step.source === "person" ||
      (!machine.final.includes(step.from_status) &&
        (machine.rank[step.to_status] ?? -1) > (machine.rank[step.from_status] ?? -1));
    if (chainBroken || !forward)
      found.push({ entity: key, step: `${step.from_status} → ${step.to_status} (${step.source})` });
  }
  return found;
}

type Held = { status: string; next_check_at: number | null; needs_review: string | null };

/**
 * An order final upstream, against ours: `agrees`; `settling` (not final here yet, but the
 * reconciler has a check scheduled or a manager has it in the review queue; or final here
 * and the upstream's other word is a conflict in the queue — the contract never applies it,
 * a manager decides: nothing is lost); else `disagrees` (a different outcome, or an order
 * nobody will look at again).
 */
function judge(upstreamFinal: string, held: Held, final: readonly string[]) {
  if (held.status === upstreamFinal) return "agrees";
  if (held.needs_review === "conflict") return "settling";
  if (!final.includes(held.status) && (held.next_check_at !== null || held.needs_review !== null))
    return "settling";
  return "disagrees";
}

/**
 * What the upstream holds against what we hold, for top-ups:
 * - `orphans`: upstream orders no top-up of ours names (an order we would never see again);
 * - `duplicates`: intents (creator + idempotency key) that reached the upstream more than once;
 * - `disagreeing` and `settling`: orders final upstream, judged as `judge` says.
 */
export async function compareTopups(
  db: Db,
  upstream: { refID: string; status: string }[],
): Promise<{ orphans: string[]; duplicates: string[]; disagreeing: string[]; settling: number }> {
  const ours = new Map(
    (
      await rawQuery<Held & { ref_id: string; created_by: number; idempotency_key: string }>(
        db,
        "select ref_id, created_by, idempotency_key, status, next_check_at, needs_review from topups",
      )
    ).map((t) => [t.ref_id, t]),
  );
  const perIntent = new Map<string, number>();
  const orphans: string[] = [];
  const disagreeing: string[] = [];
  let settling = 0;
  for (const order of upstream) {
    const topup = ours.get(order.refID);
    if (!topup) {
      orphans.push(order.refID);
      continue;
    }
    const intent = `${topup.created_by}:${topup.idempotency_key}`;
    perIntent.set(intent, (perIntent.get(intent) ?? 0) + 1);
    const final = order.status === "successed" ? "succeeded" : order.status;
    if (!TOPUP_MACHINE.final.includes(final as never)) continue;
    const verdict = judge(final, topup, TOPUP_MACHINE.final);
    if (verdict === "settling") settling++;
    if (verdict === "disagrees")
      disagreeing.push(`${order.refID}: upstream ${final}, here ${topup.status}`);
  }
  const duplicates = [...perIntent].filter(([, n]) => n > 1).map(([intent]) => intent);
  return { orphans, duplicates, disagreeing, settling };
}

/** Withdrawals final at the gateway, against ours (those we hold; the rest arrive by look-up). */
export async function compareWithdrawals(
  db: Db,
  upstream: { platform_order_id: string; status: string }[],
): Promise<{ disagreeing: string[]; settling: number }> {
  const ours = new Map(
    (
      await rawQuery<Held & { platform_order_id: string }>(
        db,
        "select platform_order_id, status, next_check_at, needs_review from withdrawals",
      )
    ).map((w) => [w.platform_order_id, w]),
  );
  const disagreeing: string[] = [];
  let settling = 0;
  for (const w of upstream) {
    const held = ours.get(w.platform_order_id);
    if (w.status === "open" || !held) continue;
    const verdict = judge(w.status, held, WITHDRAWAL_MACHINE.final);
    if (verdict === "settling") settling++;
    if (verdict === "disagrees")
      disagreeing.push(`${w.platform_order_id}: gateway ${w.status}, here ${held.status}`);
  }
  return { disagreeing, settling };
}

/** The database's own check of its files: "ok", or the first problems it reports. */
export function integrity(db: Db): Promise<string> {
  return db.$store.integrity();
}

/**
 * Memory over the run: samples taken after each restart's warm-up, split into thirds by
 * time; `growth` is the last third's median over the first third's (1.0: flat).
 */
export function rssTrend(samples: { at: number; mb: number }[]): {
  first: number;
  last: number;
  growth: number;
} {
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] ?? 0;
  };
  if (samples.length < 3) return { first: 0, last: 0, growth: 1 };
  const start = samples[0]?.at ?? 0;
  const span = (samples.at(-1)?.at ?? 0) - start || 1;
  const third = (i: number) =>
    samples
      .filter((s) => Math.min(2, Math.floor(((s.at - start) / span) * 3)) === i)
      .map((s) => s.mb);
  const first = median(third(0));
  const last = median(third(2));
  return { first, last, growth: first > 0 ? last / first : 1 };
}

const HOUR = 3_600_000;

/**
 * Buckets of the overview's roll-ups (top-ups and withdrawals per hour and status) that differ
 * from a recount of the orders themselves, as "table key: rolled ≠ counted".
 */
export async function rollupDrift(db: Db): Promise<string[]> {
  const counted = new Map<string, number>();
  const rolled = new Map<string, number>();
  // A bucket may be kept in several rows (PostgreSQL's shards): every figure is a sum.
  const add = (sums: Map<string, number>, key: string, count: number, satang: number) => {
    sums.set(`${key} count`, (sums.get(`${key} count`) ?? 0) + count);
    sums.set(`${key} satang`, (sums.get(`${key} satang`) ?? 0) + satang);
  };
  const hourOf = (ms: number) => Math.floor(ms / HOUR) * HOUR;
  for (const t of await rawQuery<{ at: number; p: string; s: string; r: string | null; a: number }>(
    db,
    "select created_at as at, package_id as p, status as s, reason as r, price_satang as a from topups",
  )) {
    add(counted, `topup ${hourOf(t.at)} ${t.p} ${t.s} ${t.r ?? ""}`, 1, t.a);
  }
  for (const w of await rawQuery<{ at: number; s: string; a: number }>(
    db,
    "select ordered_at as at, status as s, amount_satang as a from withdrawals",
  )) {
    add(counted, `withdrawal ${hourOf(w.at)} ${w.s}`, 1, w.a);
  }
  for (const h of await rawQuery<{
    h: number;
    p: string;
    s: string;
    r: string;
    n: number;
    a: number;
  }>(
    db,
    "select hour as h, package_id as p, status as s, reason as r, count as n, amount_satang as a from topup_hours",
  )) {
    add(rolled, `topup ${h.h} ${h.p} ${h.s} ${h.r}`, h.n, h.a);
  }
  for (const h of await rawQuery<{ h: number; s: string; n: number; a: number }>(
    db,
    "select hour as h, status as s, count as n, amount_satang as a from withdrawal_hours",
  )) {
    add(rolled, `withdrawal ${h.h} ${h.s}`, h.n, h.a);
  }
  const drift: string[] = [];
  for (const key of new Set([...counted.keys(), ...rolled.keys()])) {
    const [a, b] = [rolled.get(key) ?? 0, counted.get(key) ?? 0];
    if (a !== b) drift.push(`${key}: rolled ${a} ≠ counted ${b}`);
  }
  return drift;
}

/**
 * Callbacks whose change was applied more than once (each applied change from a callback
 * names it in its history row's details), as their ids.
 */
export async function callbacksAppliedTwice(db: Db): Promise<number[]> {
  const applied = new Map<number, number>();
  for (const { details } of await rawQuery<{ details: unknown }>(
    db,
    "select details from status_history where kind = 'applied' and source = 'callback'",
  )) {
    // jsonb comes back parsed, SQLite's JSON as text.
    const parsed = (typeof details === "string" ? JSON.parse(details) : details) as {
      callbackId?: number;
    } | null;
    const id = parsed?.callbackId;
    if (typeof id === "number") applied.set(id, (applied.get(id) ?? 0) + 1);
  }
  return [...applied].filter(([, n]) => n > 1).map(([id]) => id);
}

type Pass = { id: number; holder: string; epoch: number; s: number; f: number | null };

/**
 * Reconciler passes that ran while another did, by the database's clock: a pass started
 * before the one before it had finished, or two holders under one fencing epoch. A pass
 * whose holder was killed never finishes; the next one may start once its lease lapsed.
 */
export async function overlappingPasses(db: Db): Promise<string[]> {
  const passes = await rawQuery<Pass>(
    db,
    "select id, holder, epoch, started_at as s, finished_at as f from reconciler_passes order by started_at, id",
  );
  const found: string[] = [];
  const holderOf = new Map<number, string>();
  const name = (p: Pass) => `pass ${p.id} (${p.holder}, epoch ${p.epoch})`;
  passes.forEach((pass, i) => {
    const before = passes[i - 1];
    if (before?.f != null && pass.s < before.f)
      found.push(`${name(pass)} started before ${name(before)} finished`);
    const holder = holderOf.get(pass.epoch);
    if (holder !== undefined && holder !== pass.holder)
      found.push(`${name(pass)} shares its epoch with ${holder}`);
    holderOf.set(pass.epoch, pass.holder);
  });
  return found;
}

/**
 * Orders whose changes the live feed did not deliver exactly once each: every history row
 * written between the follower's first cursor and its last against the changes it was told
 * of (`type id` → how many). The cursor is a history id on SQLite, a transaction id on
 * PostgreSQL.
 */
export async function feedGaps(
  db: Db,
  feed: { start: number; cursor: number; changes: ReadonlyMap<string, number> },
): Promise<string[]> {
  const pg = db.$store.dialect === "postgres";
  const cursor = (v: number) => (pg ? String(v) : v);
  const between = pg
    ? "tx_id > cast(cast(? as text) as xid8) and tx_id <= cast(cast(? as text) as xid8)"
    : "id > ? and id <= ?";
  const written = new Map<string, number>();
  for (const row of await rawQuery<{ t: string; e: string; n: number }>(
    db,
    `select entity_type as t, entity_id as e, count(*) as n from status_history
      where ${between} group by entity_type, entity_id`,
    [cursor(feed.start), cursor(feed.cursor)],
  ))
    written.set(`${row.t} ${row.e}`, Number(row.n));
  const gaps: string[] = [];
  for (const key of new Set([...written.keys(), ...feed.changes.keys()])) {
    const [w, d] = [written.get(key) ?? 0, feed.changes.get(key) ?? 0];
    if (w !== d) gaps.push(`${key}: ${w} written, ${d} delivered`);
  }
  return gaps;
}
