import { ulid } from "ulid";

import { rawQuery } from "@/db/raw";
import { type Db, withTx } from "@/db/client";
import { listPackages } from "@/db/queries/packages";
import { changeTopupAtomically, getTopup } from "@/db/queries/topups";
import { balanceSnapshots } from "@/db/schema";
import type { Reporter } from "@/lib/orders/observe";
import { resolveReviewItem } from "@/lib/review/review";
import { sendTopup } from "@/lib/topups/create-topup";
import { planTopupStuck } from "@/lib/topups/observe";
import { accountName, accountNo, bank, platformOrderId } from "@/sandbox/payout-fixtures";
import type { SandboxWithdrawal } from "@/sandbox/payout";

import { live, liveDemoTopup, type Step } from "./demo-life";
import type { DemoUpstreams } from "./demo-upstreams";

/**
 * Fourteen days of orders for the demo, so every page has a working day to show: busy
 * evenings and quiet nights, a few thousand top-ups and withdrawals, each lived through the
 * server's own code against the simulators (`demo-upstreams.ts`): the create's signed call
 * and its answer, P2W's callbacks (some twice) received, confirmed with a signed read and
 * applied, failures with the upstream's reasons, refused creates, creates whose answer was
 * lost and a later callback settled, stuck orders, conflicts — and then dated to when that
 * life happened (`demo-life.ts`). Managers decided the older review items as a manager
 * would; the last day's are still open. Every order ends final, so the reconciler has
 * nothing to ask. The P2W balance falls with what was spent and is topped up now and then,
 * ending at the sandbox's own balance.
 */
const HOUR = 3_600_000;
const DAYS = 14;
/** Orders an hour at each Bangkok hour of the day (a Thai gaming day: late and evening). */
const TOPUPS_BY_HOUR = [
  6, 4, 2, 1, 1, 1, 1, 2, 3, 4, 5, 6, 8, 8, 7, 7, 8, 9, 11, 13, 14, 13, 11, 8,
];
/** Why P2W fails an order, in its words (the sandbox's own list). */
const FAILURE_REASONS = [
  "Invalid game ID: player not found",
  "Game server under maintenance",
  "Character is banned from receiving items",
  "Publisher rejected the top-up: daily limit reached",
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

/**
 * The create's call as the server sends it (`sendTopup`), against a P2W that refuses it for
 * its balance (`refused`), or commits it and drops the connection before answering (`lost`:
 * the outcome is unknown until a callback tells).
 */
export function demoCreate(
  up: DemoUpstreams,
  db: Db,
  refId: string,
  actor: string,
  how: "answered" | "refused" | "lost" = "answered",
) {
  return async () => {
    const row = await getTopup(db, refId);
    if (!row) throw new Error(`no demo top-up ${refId}`);
    const balance = up.p2w.balanceSatang;
    if (how === "refused") up.p2w.balanceSatang = 0;
    if (how === "lost") up.p2w.faults.set([{ op: "create", kind: "reset_after_commit", times: 1 }]);
    try {
      await sendTopup(up.topups, row, actor, row);
    } finally {
      up.p2w.balanceSatang = balance;
      up.p2w.faults.set([]);
    }
  };
}

/**
 * P2W moves its order for `refId` and calls back; the callback is received and processed as
 * the server does. The returned step delivers the very same callback once more (P2W's retry).
 */
export function demoP2wReport(
  up: DemoUpstreams,
  refId: string,
  status: "pending" | "processing" | "succeeded" | "failed",
  reason = "",
) {
  let sent: ReturnType<DemoUpstreams["p2w"]["report"]> | undefined;
  return {
    step: async () => {
      const orderId = up.p2w.orderIdOf(refId);
      if (!orderId) throw new Error(`P2W holds no order for ${refId}`);
      sent = up.p2w.report(orderId, status, reason);
      await up.deliverP2w(sent);
    },
    again: async () => {
      if (sent) await up.deliverP2w(sent);
    },
  };
}

/** One top-up's life, created at `t0`, as steps at their times. */
function topupLife(
  refId: string,
  t0: number,
  creator: number,
  manager: Manager,
  now: number,
): { steps: Step[]; spent: boolean; finishedAt: number } {
  const up = upstreams;
  const actor = `user:${creator}`;
  const took = Math.round(
    chance(0.03) ? 300_000 + exponential(1_800_000) : 3_000 + exponential(25_000),
  );
  const lost = chance(0.02);
  // A create whose answer was lost heard of its order only by callback, a minute later.
  const done = Math.min(t0 + Math.max(took, lost ? 60_000 : 0), now - 60_000);
  const steps: Step[] = [];

  if (chance(0.01)) {
    // P2W refused the create at once: its balance had run out.
    steps.push([t0 + 300, demoCreate(up, globalDb, refId, actor, "refused")]);
    return {
      steps: decide(steps, refId, "topup", t0 + 300, manager, now),
      spent: false,
      finishedAt: t0,
    };
  }
  steps.push([t0 + 400, demoCreate(up, globalDb, refId, actor, lost ? "lost" : "answered")]);
  if (!lost) {
    if (chance(0.1)) steps.push([t0 + 2_000, demoP2wReport(up, refId, "processing").step]);
    // Slow ones were given up on by the reconciler before P2W finished them.
    if (t0 + 1_800_000 < done)
      steps.push([
        t0 + 1_800_000,
        async () =>
          void (await changeTopupAtomically(globalDb, refId, (row) =>
            planTopupStuck(row, by("reconciler", "system:reconciler")),
          )),
      ]);
  }
  const failed = chance(0.07);
  const final = demoP2wReport(
    up,
    refId,
    failed ? "failed" : "succeeded",
    failed ? pick(FAILURE_REASONS) : "",
  );
  steps.push([done, final.step]);
  // P2W sends some callbacks twice: the second is a duplicate, recorded, not applied.
  if (chance(0.15)) steps.push([done + 5_000, final.again]);
  // Now and then P2W changes its mind after the fact: a conflict for a manager.
  if (chance(0.004) && done + 3_600_000 < now)
    steps.push([
      done + 3_600_000,
      demoP2wReport(up, refId, failed ? "succeeded" : "failed", failed ? "" : pick(FAILURE_REASONS))
        .step,
    ]);
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
        const open = (await rawQuery(
          globalDb,
          "select id, reason from review_items where kind = ? and entity_id = ? and resolved_at is null",
          [kind, id],
        )) as { id: number; reason: string }[];
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

/**
 * The gateway reports a withdrawal as `w` says, stamped `at`; the callback is received and
 * processed as the server does.
 */
export function demoPayoutReport(up: DemoUpstreams, w: Omit<SandboxWithdrawal, "merchantId">) {
  return async (at: Date) => {
    up.setNow(at);
    await up.deliverPayout(up.payout.report(w, at));
  };
}

/** One withdrawal's life: ordered (open), then paid or failed, by the gateway's callbacks. */
function withdrawalLife(
  orderedAt: number,
  manager: Manager,
  now: number,
): { id: string; steps: Step[] } {
  const base: Omit<SandboxWithdrawal, "merchantId"> = {
    platformOrderId: platformOrderId("DMO", new Date(orderedAt)),
    merchantOrderId: `DEMO-${ulid(orderedAt)}`,
    bank: bank(),
    accountNo: accountNo(),
    accountName: accountName(),
    amountSatang: Math.round(50_000 + exponential(400_000)),
    status: "open",
    orderedAt: new Date(orderedAt),
    doneAt: null,
  };
  const doneAt = Math.min(orderedAt + Math.round(20_000 + exponential(60_000)), now - 60_000);
  const status = chance(0.05) ? "failed" : "success";
  const final = demoPayoutReport(upstreams, { ...base, status, doneAt: new Date(doneAt) });
  const steps: Step[] = [
    [orderedAt + 2_000, demoPayoutReport(upstreams, base)],
    [doneAt, final],
  ];
  // The gateway's retry: the same report again, a duplicate.
  if (chance(0.1)) steps.push([doneAt + 4_000, final]);
  return {
    id: base.platformOrderId,
    steps: decide(steps, base.platformOrderId, "withdrawal", doneAt, manager, now),
  };
}

/** The database and upstreams the lives above use (set for the length of `seedDemoHistory`). */
let globalDb: Db;
let upstreams: DemoUpstreams;

export async function seedDemoHistory(
  db: Db,
  up: DemoUpstreams,
  people: { creator: number; manager: Manager },
  now = new Date(),
  days = DAYS,
): Promise<{ topups: number; withdrawals: number }> {
  globalDb = db;
  upstreams = up;
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
      await liveDemoTopup(
        db,
        { refId, pkg, creator: people.creator, t0, keyPrefix: "demo-history" },
        life.steps,
      );
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
  await withTx(db, (tx) =>
    tx.insert(balanceSnapshots).values(
      points.reverse().map((p) => ({
        upstream: "p2w" as const,
        balanceSatang: p.satang,
        source: "demo-history",
        confirmed: true,
        at: new Date(p.at),
      })),
    ),
  );
  return { topups: topupCount, withdrawals: withdrawalCount };
}
