import { desc, eq, getTableColumns } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { withTx } from "@/db/client";
import { tempDb } from "@/db/testing/temp-db";

import { packages, topups, users, withdrawals } from "../schema";
import { flatRows } from "./flat-rows";

async function seeded() {
  const db = tempDb();
  await withTx(db, async (tx) => {
    await tx
      .insert(users)
      .values({ email: "s@x", name: "Somchai", role: "support", passwordHash: "x" });
    await tx.insert(packages).values({
      packageId: "P1",
      game: "G",
      name: { th: "ก", en: "b" },
      priceSatang: 100,
      active: true,
      fields: [],
    });
    const topup = { packageId: "P1", createdBy: 1, requestHash: "h" };
    const rows: (typeof topups.$inferInsert)[] = [
      {
        ...topup,
        refId: "TU-01AAA",
        orderId: "P2W100",
        topupInfo: { playerId: "777" },
        gameId: "777",
        status: "failed",
        reason: "GAME_ID_INVALID",
        priceSatang: 100,
        idempotencyKey: "k1",
        needsReview: "anomaly",
        createdAt: new Date(1000),
        updatedAt: new Date(2000),
        completedAt: new Date(2500),
      },
      {
        ...topup,
        refId: "TU-01BBB",
        topupInfo: {},
        status: "submitting",
        priceSatang: 250,
        idempotencyKey: "k2",
        createdAt: new Date(3000),
        updatedAt: new Date(3000),
      },
    ];
    await tx.insert(topups).values(rows);
    const withdrawal = { amountSatang: 100 };
    await tx.insert(withdrawals).values([
      {
        ...withdrawal,
        platformOrderId: "AAAW20260101AAAAAAAAAAAA",
        merchantOrderId: "PAYOUT-1",
        bank: "KBANK",
        accountNo: "6117707022",
        accountName: "สมชาย วงศ์สวัสดิ์",
        status: "success",
        orderedAt: new Date(1),
        doneAt: new Date(9),
      },
      {
        ...withdrawal,
        platformOrderId: "AAAW20260101BBBBBBBBBBBB",
        merchantOrderId: "PAYOUT-2",
        bank: "SCB",
        accountNo: "1234509876",
        accountName: "วิชัย ทองคำ",
        status: "open",
        orderedAt: new Date(2),
      },
    ]);
  });
  return db;
}

describe("flatRows (the lists' row reader)", () => {
  it("reads exactly what drizzle reads: dates, JSON, enums, nulls and joined columns", async () => {
    const db = await seeded();
    const fields = {
      refId: topups.refId,
      orderId: topups.orderId,
      topupInfo: topups.topupInfo,
      status: topups.status,
      reason: topups.reason,
      priceSatang: topups.priceSatang,
      needsReview: topups.needsReview,
      createdAt: topups.createdAt,
      completedAt: topups.completedAt,
      createdByName: users.name,
      packageName: packages.name,
    };
    const build = () =>
      db
        .select(fields)
        .from(topups)
        .leftJoin(users, eq(users.id, topups.createdBy))
        .leftJoin(packages, eq(packages.packageId, topups.packageId))
        .where(eq(topups.packageId, "P1"))
        .orderBy(desc(topups.createdAt));
    const fast = await flatRows(db, fields, build());
    expect(fast).toEqual(await build());
    expect(fast[0]?.createdAt).toEqual(new Date(3000));
    expect(fast[1]?.topupInfo).toEqual({ playerId: "777" });
    expect(fast[1]?.packageName).toEqual({ th: "ก", en: "b" });

    const whole = getTableColumns(withdrawals);
    const all = () => db.select(whole).from(withdrawals).orderBy(withdrawals.orderedAt);
    expect(await flatRows(db, whole, all())).toEqual(await all());
  });

  it("binds each call's own values to the statement it keeps for the same SQL", async () => {
    const db = await seeded();
    const fields = { refId: topups.refId };
    const of = (status: "failed" | "submitting") =>
      flatRows(db, fields, db.select(fields).from(topups).where(eq(topups.status, status)));
    expect(await of("failed")).toEqual([{ refId: "TU-01AAA" }]);
    expect(await of("submitting")).toEqual([{ refId: "TU-01BBB" }]);
    expect(await of("failed")).toEqual([{ refId: "TU-01AAA" }]);
  });
});
