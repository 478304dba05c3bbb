import { ulid } from "ulid";

import type { Db } from "@/db/client";
import { listPackages } from "@/db/queries/packages";
import { balanceSnapshots, statusHistory, topups, withdrawals } from "@/db/schema";
import { gameIdOf } from "@/lib/catalog/topup-fields";
import { accountName, accountNo, bank, platformOrderId } from "@/sandbox/payout-fixtures";

/**
 * Fourteen days of finished orders for the demo's overview, so its charts have shape: busy
 * evenings, quiet nights, a few failures with the upstream's reasons, withdrawals, and a
 * P2W balance that falls with what was spent and is topped up now and then, ending at the
 * sandbox's own balance. Every order here is final (succeeded/failed, success/failed), so
 * the reconciler never asks the simulators about orders they do not hold. Each order has
 * its history entries, so its detail page tells where its status came from.
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

/** A random number with the given mean, always positive (an exponential draw). */
const exponential = (mean: number) => -Math.log(1 - Math.random()) * mean;

export async function seedDemoHistory(db: Db, creatorId: number, now = new Date()): Promise<void> {
  const packages = (await listPackages(db)).filter((p) => p.active);
  if (packages.length === 0) throw new Error("the demo history needs a catalog");
  const start = Math.floor((now.getTime() - DAYS * 24 * HOUR) / HOUR) * HOUR;
  // Spending per 15 minutes, for the balance below.
  const spent = new Map<number, number>();
  const quarter = (t: number) => Math.floor(t / (HOUR / 4));

  db.transaction((tx) => {
    let seq = 0;
    for (let hour = start; hour < now.getTime(); hour += HOUR) {
      const bangkokHour = new Date(hour + 7 * HOUR).getUTCHours();
      const weekend = [0, 6].includes(new Date(hour + 7 * HOUR).getUTCDay());
      const mean = (TOPUPS_BY_HOUR[bangkokHour] ?? 4) * (weekend ? 1.3 : 1);
      const orders = Math.round(mean * (0.7 + Math.random() * 0.6));
      for (let i = 0; i < orders; i++) {
        const createdAt = hour + Math.floor(Math.random() * HOUR);
        if (createdAt > now.getTime() - 10 * 60_000) continue;
        const pkg = packages[Math.floor(Math.random() * packages.length)] ?? packages[0];
        if (!pkg) continue;
        const failed = Math.random() < 0.07;
        const tookMs = Math.round(
          Math.random() < 0.03 ? 300_000 + exponential(1_800_000) : 3_000 + exponential(25_000),
        );
        const completedAt = createdAt + tookMs;
        const topupInfo = Object.fromEntries(
          pkg.fields.map((f, j) => [
            f.key,
            f.options?.[0]?.value ??
              (j === 0 ? String(10_000_000 + Math.floor(Math.random() * 9e7)) : "1"),
          ]),
        );
        const refId = `TU-${ulid(createdAt)}`;
        const orderId = `P2W-DEMO-${++seq}`;
        const status = failed ? "failed" : "succeeded";
        tx.insert(topups)
          .values({
            refId,
            orderId,
            packageId: pkg.packageId,
            topupInfo,
            gameId: gameIdOf(pkg, topupInfo),
            status,
            reason: failed ? FAILURE_REASONS[Math.floor(Math.random() * 2.6)] : null,
            priceSatang: pkg.priceSatang,
            createdBy: creatorId,
            idempotencyKey: `demo-history-${refId}`,
            requestHash: "demo-history",
            createdAt: new Date(createdAt),
            updatedAt: new Date(completedAt),
            completedAt: new Date(completedAt),
          })
          .run();
        tx.insert(statusHistory)
          .values([
            {
              entityType: "topup",
              entityId: refId,
              fromStatus: "submitting",
              toStatus: "pending",
              kind: "applied",
              source: "create",
              actor: "demo",
              at: new Date(createdAt + 400),
            },
            {
              entityType: "topup",
              entityId: refId,
              fromStatus: "pending",
              toStatus: status,
              kind: "applied",
              source: "callback",
              actor: "p2w",
              at: new Date(completedAt),
            },
          ])
          .run();
        if (!failed)
          spent.set(quarter(completedAt), (spent.get(quarter(completedAt)) ?? 0) + pkg.priceSatang);
      }
      const payouts = Math.round((TOPUPS_BY_HOUR[bangkokHour] ?? 4) * 0.4 * Math.random() * 2);
      for (let i = 0; i < payouts; i++) {
        const orderedAt = hour + Math.floor(Math.random() * HOUR);
        if (orderedAt > now.getTime() - 10 * 60_000) continue;
        const failedPayout = Math.random() < 0.05;
        const doneAt = orderedAt + Math.round(20_000 + exponential(60_000));
        const id = platformOrderId("DEMO", new Date(orderedAt));
        const status = failedPayout ? "failed" : "success";
        tx.insert(withdrawals)
          .values({
            platformOrderId: id,
            merchantOrderId: `DEMO-${ulid(orderedAt)}`,
            bank: bank(),
            accountNo: accountNo(),
            accountName: accountName(),
            amountSatang: Math.round(50_000 + exponential(400_000)),
            status,
            orderedAt: new Date(orderedAt),
            doneAt: new Date(doneAt),
            createdAt: new Date(orderedAt),
            updatedAt: new Date(doneAt),
          })
          .run();
        tx.insert(statusHistory)
          .values({
            entityType: "withdrawal",
            entityId: id,
            fromStatus: null,
            toStatus: status,
            kind: "applied",
            source: "callback",
            actor: "payout",
            at: new Date(doneAt),
          })
          .run();
      }
    }

    // The balance, walked backwards from the sandbox's: every quarter hour it was higher by
    // what was spent in it; when it gets high, that is just after a deposit.
    let balance = SANDBOX_BALANCE_SATANG;
    const points: { at: number; satang: number }[] = [];
    for (let q = quarter(now.getTime()); q >= quarter(start); q--) {
      points.push({
        at: Math.min(now.getTime() - 60_000, (q + 1) * (HOUR / 4) - 1),
        satang: balance,
      });
      balance += spent.get(q) ?? 0;
      if (balance > 30_000_000) balance -= 25_000_000;
    }
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
}
