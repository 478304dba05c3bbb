import { ulid } from "ulid";

import type { Db } from "@/db/client";
import { listPackages } from "@/db/queries/packages";
import { changeTopupAtomically, type TopupPlan } from "@/db/queries/topups";
import { changeWithdrawalAtomically } from "@/db/queries/withdrawals";
import { balanceSnapshots, type TopupRow } from "@/db/schema";
import type { Reporter } from "@/lib/orders/observe";
import { resolveReviewItem } from "@/lib/review/review";
import {
  planTopupObservation,
  planTopupRejected,
  planTopupStuck,
  planTopupUnknown,
} from "@/lib/topups/observe";
import type { PayoutWithdrawal } from "@/lib/payout/transform";
import { planWithdrawalObservation } from "@/lib/withdrawals/observe";
import { accountName, accountNo, bank, platformOrderId } from "@/sandbox/payout-fixtures";

import { insertDemoTopup, live, type Step } from "./demo-life";

/**
 * Fourteen days of orders for the demo, so every page has a working day to show: busy
 * evenings and quiet nights, a few thousand top-ups and withdrawals, each brought through
 * its life by the same plans and transaction the server uses — the create's answer, P2W's
 * callbacks (some twice), failures with the upstream's reasons, refused creates, unknown
 * outcomes and stuck orders that a later callback settled, conflicts — and then dated to
 * when that life happened (`demo-life.ts`). Managers decided the older review items as a
 * manager would; the last day's are still open. Every order ends final, so the reconciler
 * never asks the simulators about orders they do not hold. The P2W balance falls with what
 * was spent and is topped up now and then, ending at the sandbox's own balance.
 */
const HOUR = 3_600_000;
const DAYS = 14;
/** Orders an hour at each Bangkok hour of the day (a Thai gaming day: late and evening). */
const TOPUPS_BY_HOUR = [
  6, 4, 2, 1, 1, 1, 1, 2, 3, 4, 5, 6, 8, 8, 7, 7, 8, 9, 11, 13, 14, 13, 11, 8,
];
const FAILURE_REASONS = [
  "Invalid game ID: player not found",
  "Game server under maintenance",
  "Package temporarily out of stock",
  "Player account is banned",
];
/** What the sandbox starts with (sandbox/p2w.ts): the history ends there. */
const SANDBOX_BALANCE_SATANG = 5_000_000;
/** Review items older than this were decided by a manager; younger ones wait. */
const DECIDED_AFTER_MS = 20 * HOUR;

/** A random number with the given mean, always positive (an exponential draw). */
const exponential = (mean: number) => -Math.log(1 - Math.random()) * mean;
const chance = (p: number) => Math.random() < p;
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
const by = (source: Reporter["source"], actor: string): Reporter => ({ source, actor });

type Manager = { id: number; email: string };

/** One top-up's life, created at `t0`, as steps at their times. */
function topupLife(
  refId: string,
  t0: number,
  creator: number,
  manager: Manager,
  now: number,
): { steps: Step[]; spent: boolean; finishedAt: number } {
  const orderId = `P2W-DEMO-${ulid(t0).slice(-12)}`;
  const took = Math.round(
    chance(0.03) ? 300_000 + exponential(1_800_000) : 3_000 + exponential(25_000),
  );
  const timedOut = chance(0.02);
  // A timed-out create heard of its order only by callback, after the 10 s it waited.
  const done = Math.min(t0 + Math.max(took, timedOut ? 60_000 : 0), now - 60_000);
  const change = (plan: (row: TopupRow, at: Date) => TopupPlan) => async (at: Date) =>
    void (await changeTopupAtomically(globalDb, refId, (row) => plan(row, at)));
  const reported = (status: TopupRow["status"], source: Reporter["source"], reason?: string) =>
    change((row, at) =>
      planTopupObservation(
        row,
        { ...by(source, source === "create" ? `user:${creator}` : "p2w"), status, orderId, reason },
        at,
      ),
    );
  const steps: Step[] = [];

  if (chance(0.01)) {
    // P2W refused the create at once (its balance, a bad player id).
    const code = pick(["INSUFFICIENT_BALANCE", "INVALID_GAME_ID"]);
    steps.push([
      t0 + 300,
      change((row, at) =>
        planTopupRejected(row, by("create", `user:${creator}`), { code, message: code }, at),
      ),
    ]);
    return {
      steps: decide(steps, refId, "topup", t0 + 300, manager, now),
      spent: false,
      finishedAt: t0,
    };
  }
  if (timedOut) {
    // The create timed out: unknown until P2W's callback told.
    steps.push([
      t0 + 10_000,
      change((row) =>
        planTopupUnknown(row, by("create", `user:${creator}`), {
          code: "UPSTREAM_TIMEOUT",
          message: "no answer in 10 s",
        }),
      ),
    ]);
  } else {
    steps.push([t0 + 400, reported("pending", "create")]);
    if (chance(0.1)) steps.push([t0 + 2_000, reported("processing", "callback")]);
    // Slow ones were given up on by the reconciler before P2W finished them.
    if (t0 + 1_800_000 < done)
      steps.push([
        t0 + 1_800_000,
        change((row) => planTopupStuck(row, by("reconciler", "system:reconciler"))),
      ]);
  }
  const failed = chance(0.07);
  const final = failed ? "failed" : "succeeded";
  steps.push([done, reported(final, "callback", failed ? pick(FAILURE_REASONS) : undefined)]);
  // P2W sends some callbacks twice: the second is stale, recorded, not applied.
  if (chance(0.15)) steps.push([done + 5_000, reported(final, "callback")]);
  // Now and then P2W changes its mind after the fact: a conflict for a manager.
  if (chance(0.004) && done + 3_600_000 < now)
    steps.push([done + 3_600_000, reported(failed ? "succeeded" : "failed", "callback")]);
  return {
    steps: decide(steps, refId, "topup", done, manager, now),
    spent: !failed,
    finishedAt: done,
  };
}

/** A manager decides what the order left open, when it is old enough to have been decided. */
function decide(
  steps: Step[],
  id: string,
  kind: "topup" | "withdrawal",
  lastAt: number,
  manager: Manager,
  now: number,
): Step[] {
  const at = lastAt + 2 * HOUR + Math.round(exponential(3 * HOUR));
  if (now - lastAt < DECIDED_AFTER_MS || at > now) return steps;
  return [
    ...steps,
    [
      at,
      async () => {
        const open = globalDb.$client
          .prepare(
            "select id, reason from review_items where kind = ? and entity_id = ? and resolved_at is null",
          )
          .all(kind, id) as { id: number; reason: string }[];
        for (const item of open) {
          const outcome =
            kind === "withdrawal"
              ? "not_paid"
              : item.reason === "failed"
                ? "refunded"
                : item.reason === "unknown_outcome"
                  ? "not_delivered"
                  : "no_action";
          await resolveReviewItem(globalDb, { ...manager, ip: "10.0.0.5" }, item.id, {
            outcome,
            note: outcome === "refunded" ? "คืนเงินให้ลูกค้าแล้ว" : "ตรวจสอบกับผู้ให้บริการแล้ว",
          });
        }
      },
    ],
  ];
}

/** One withdrawal's life: ordered (open), then paid or failed, by the gateway's callbacks. */
function withdrawalLife(
  orderedAt: number,
  manager: Manager,
  now: number,
): { id: string; steps: Step[] } {
  const base: PayoutWithdrawal = {
    platformOrderId: platformOrderId("DMO", new Date(orderedAt)),
    merchantOrderId: `DEMO-${ulid(orderedAt)}`,
    bank: bank(),
    accountNo: accountNo(),
    accountName: accountName(),
    amountSatang: Math.round(50_000 + exponential(400_000)),
    status: "open",
    rawStatus: "open",
    orderedAt: new Date(orderedAt),
    doneAt: null,
  };
  const doneAt = Math.min(orderedAt + Math.round(20_000 + exponential(60_000)), now - 60_000);
  const status = chance(0.05) ? "failed" : "success";
  const report = (fields: Partial<PayoutWithdrawal>) => async (at: Date) =>
    void (await changeWithdrawalAtomically(globalDb, base.platformOrderId, (row) =>
      planWithdrawalObservation(row, { ...base, ...fields }, by("callback", "payout"), at),
    ));
  const steps: Step[] = [
    [orderedAt + 2_000, report({})],
    [doneAt, report({ status, rawStatus: status, doneAt: new Date(doneAt) })],
  ];
  if (chance(0.1))
    steps.push([doneAt + 4_000, report({ status, rawStatus: status, doneAt: new Date(doneAt) })]);
  return {
    id: base.platformOrderId,
    steps: decide(steps, base.platformOrderId, "withdrawal", doneAt, manager, now),
  };
}

/** The database the lives above write to (set for the length of `seedDemoHistory`). */
let globalDb: Db;

export async function seedDemoHistory(
  db: Db,
  people: { creator: number; manager: Manager },
  now = new Date(),
  days = DAYS,
): Promise<{ topups: number; withdrawals: number }> {
  globalDb = db;
  const packages = (await listPackages(db)).filter((p) => p.active);
  if (packages.length === 0) throw new Error("the demo history needs a catalog");
  const end = now.getTime();
  const start = Math.floor((end - days * 24 * HOUR) / HOUR) * HOUR;
  // Spending per 15 minutes, for the balance below.
  const spent = new Map<number, number>();
  const quarter = (t: number) => Math.floor(t / (HOUR / 4));
  let topupCount = 0;
  let withdrawalCount = 0;

  for (let hour = start; hour < end; hour += HOUR) {
    const bangkokHour = new Date(hour + 7 * HOUR).getUTCHours();
    const weekend = [0, 6].includes(new Date(hour + 7 * HOUR).getUTCDay());
    const mean = (TOPUPS_BY_HOUR[bangkokHour] ?? 4) * (weekend ? 1.3 : 1);
    const orders = Math.round(mean * (0.7 + Math.random() * 0.6));
    for (let i = 0; i < orders; i++) {
      const t0 = hour + Math.floor(Math.random() * HOUR);
      if (t0 > end - 10 * 60_000) continue;
      const pkg = pick(packages);
      const refId = `TU-${ulid(t0)}`;
      const life = topupLife(refId, t0, people.creator, people.manager, end);
      await live(db, { type: "topup", id: refId }, [
        [
          t0,
          () =>
            insertDemoTopup(db, {
              refId,
              pkg,
              player: String(10_000_000 + Math.floor(Math.random() * 9e7)),
              creator: people.creator,
              createdAt: new Date(t0),
              actor: `user:${people.creator}`,
              keyPrefix: "demo-history",
            }),
        ],
        ...life.steps,
      ]);
      topupCount++;
      if (life.spent) {
        const q = quarter(life.finishedAt);
        spent.set(q, (spent.get(q) ?? 0) + pkg.priceSatang);
      }
    }
    const payouts = Math.round((TOPUPS_BY_HOUR[bangkokHour] ?? 4) * 0.4 * Math.random() * 2);
    for (let i = 0; i < payouts; i++) {
      const orderedAt = hour + Math.floor(Math.random() * HOUR);
      if (orderedAt > end - 10 * 60_000) continue;
      const life = withdrawalLife(orderedAt, people.manager, end);
      await live(db, { type: "withdrawal", id: life.id }, life.steps);
      withdrawalCount++;
    }
  }

  // The balance, walked backwards from the sandbox's: every quarter hour it was higher by
  // what was spent in it; when it gets high, that is just after a deposit.
  let balance = SANDBOX_BALANCE_SATANG;
  const points: { at: number; satang: number }[] = [];
  for (let q = quarter(end); q >= quarter(start); q--) {
    points.push({ at: Math.min(end - 60_000, (q + 1) * (HOUR / 4) - 1), satang: balance });
    balance += spent.get(q) ?? 0;
    if (balance > 30_000_000) balance -= 25_000_000;
  }
  db.transaction((tx) => {
    for (const p of points.reverse())
      tx.insert(balanceSnapshots)
        .values({
          upstream: "p2w",
          balanceSatang: p.satang,
          source: "demo-history",
          confirmed: true,
          at: new Date(p.at),
        })
        .run();
  });
  return { topups: topupCount, withdrawals: withdrawalCount };
}
