import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { seedCatalog, seedUser } from "@/lib/testing/fixtures";

import { withTx } from "@/db/client";
import {
  topupDurations,
  topupHours,
  topups,
  TOPUP_STATUSES,
  withdrawalHours,
  withdrawals,
  WITHDRAWAL_STATUSES,
} from "@/db/schema";
import { tempDb } from "@/db/testing/temp-db";

const HOUR = 3_600_000;
const BUCKETS = [
  1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400, 43200, 86400,
];
const durationBucket = (ms: number) => BUCKETS.find((b) => ms <= b * 1000) ?? 2_147_483_647;
const hourOf = (d: Date) => Math.floor(d.getTime() / HOUR) * HOUR;

/**
 * The overview's hourly roll-ups are kept by the database (SQLite: triggers; PostgreSQL:
 * PL/pgSQL triggers). Here many transactions run at once — on PostgreSQL on several pooled
 * connections, each moving orders between buckets, some two orders in opposite orders (the
 * deadlock a fixed key order avoids inside one change, and a retry resolves across two) —
 * and afterwards every bucket equals a plain recount of the orders.
 */
describe("the hourly roll-ups under concurrent changes", () => {
  it("equal a recount of the orders", async () => {
    const db = tempDb();
    await seedCatalog(db);
    const user = await seedUser(db, "support");
    const packages = ["ROLTH_A01_P001", "FF_TH_D100", "ROV_TH_C115"];
    const base = Date.UTC(2026, 10, 1, 5);
    const refs = Array.from({ length: 60 }, (_, i) => `TU-R${String(i).padStart(4, "0")}`);
    const ids = Array.from({ length: 30 }, (_, i) => `RLLW20261101${String(i).padStart(12, "0")}`);
    await withTx(db, async (tx) => {
      await tx.insert(topups).values(
        refs.map((refId, i) => ({
          refId,
          packageId: packages[i % 3] as string,
          topupInfo: {},
          status: "pending" as const,
          priceSatang: 100 + i,
          createdBy: user.id,
          idempotencyKey: refId,
          requestHash: "h",
          createdAt: new Date(base + (i % 4) * HOUR + i * 1000),
        })),
      );
      await tx.insert(withdrawals).values(
        ids.map((platformOrderId, i) => ({
          platformOrderId,
          merchantOrderId: `M-${i}`,
          bank: "KBANK",
          accountNo: "1",
          accountName: "N",
          amountSatang: 1000 + i,
          status: "open" as const,
          orderedAt: new Date(base + (i % 3) * HOUR),
        })),
      );
    });

    const pick = <T>(items: readonly T[], n: number) => items[n % items.length] as T;
    const work = Array.from({ length: 160 }, (_, n) =>
      withTx(db, async (tx) => {
        // Two orders per transaction, in either order: transactions cross each other's rows.
        const [a, b] =
          n % 2 ? [pick(refs, n), pick(refs, n * 7 + 3)] : [pick(refs, n * 7 + 3), pick(refs, n)];
        for (const refId of [a, b]) {
          const status = pick(TOPUP_STATUSES, n + refId.length);
          const [row] = await tx.select().from(topups).where(eq(topups.refId, refId));
          await tx
            .update(topups)
            .set({
              status,
              reason: status === "failed" ? pick(["A", "B"], n) : null,
              packageId: pick(packages, n + 1),
              priceSatang: 100 + n,
              completedAt:
                status === "succeeded" || status === "failed"
                  ? new Date((row?.createdAt.getTime() ?? base) + (n % 9) * 997)
                  : null,
            })
            .where(eq(topups.refId, refId));
        }
        const w = pick(ids, n);
        await tx
          .update(withdrawals)
          .set({ status: pick(WITHDRAWAL_STATUSES, n), amountSatang: 2000 + n })
          .where(eq(withdrawals.platformOrderId, w));
      }),
    );
    // A few orders leave altogether (retention): their buckets go down with them.
    work.push(
      withTx(db, async (tx) => {
        await tx.delete(topups).where(inArray(topups.refId, refs.slice(0, 3)));
      }),
    );
    await Promise.all(work);

    const orders = await db.select().from(topups);
    const hours = new Map<string, { count: number; amount: number }>();
    const durations = new Map<string, number>();
    for (const t of orders) {
      const key = [hourOf(t.createdAt), t.packageId, t.status, t.reason ?? ""].join("|");
      const h = hours.get(key) ?? { count: 0, amount: 0 };
      hours.set(key, { count: h.count + 1, amount: h.amount + t.priceSatang });
      if (t.completedAt) {
        const k = [
          hourOf(t.createdAt),
          durationBucket(t.completedAt.getTime() - t.createdAt.getTime()),
        ].join("|");
        durations.set(k, (durations.get(k) ?? 0) + 1);
      }
    }
    // A bucket may be kept in several rows (PostgreSQL's shards): summed, as the overview does.
    const sum = <R>(
      rows: R[],
      key: (r: R) => string,
      count: (r: R) => number,
      amount: (r: R) => number,
    ) => {
      const sums = new Map<string, { count: number; amount: number }>();
      for (const r of rows) {
        const s = sums.get(key(r)) ?? { count: 0, amount: 0 };
        sums.set(key(r), { count: s.count + count(r), amount: s.amount + amount(r) });
      }
      return new Map([...sums].filter(([, s]) => s.count !== 0));
    };
    const rolled = sum(
      await db.select().from(topupHours),
      (r) => [r.hour.getTime(), r.packageId, r.status, r.reason].join("|"),
      (r) => r.count,
      (r) => r.amountSatang,
    );
    expect(rolled).toEqual(hours);
    const rolledDurations = new Map(
      [
        ...sum(
          await db.select().from(topupDurations),
          (r) => [r.hour.getTime(), r.seconds].join("|"),
          (r) => r.count,
          () => 0,
        ),
      ].map(([key, s]) => [key, s.count]),
    );
    expect(rolledDurations).toEqual(durations);

    const paid = new Map<string, { count: number; amount: number }>();
    for (const w of await db.select().from(withdrawals)) {
      const key = [hourOf(w.orderedAt), w.status].join("|");
      const h = paid.get(key) ?? { count: 0, amount: 0 };
      paid.set(key, { count: h.count + 1, amount: h.amount + w.amountSatang });
    }
    const rolledPaid = sum(
      await db.select().from(withdrawalHours),
      (r) => [r.hour.getTime(), r.status].join("|"),
      (r) => r.count,
      (r) => r.amountSatang,
    );
    expect(rolledPaid).toEqual(paid);
  }, 60_000);
});
