import { desc, eq, getTableColumns } from "drizzle-orm";
import { rawExec } from "@/db/raw";
import { describe, expect, it } from "vitest";

import { tempDb } from "@/db/testing/temp-db";

import { packages, topups, users, withdrawals } from "../schema";
import { flatRows } from "./flat-rows";

async function seeded() {
  const db = tempDb();
  await rawExec(
    db,
    `
    insert into users (email, name, role, password_hash) values ('s@x', 'Somchai', 'support', 'x');
    insert into packages (package_id, game, name, price_satang, active, fields)
      values ('P1', 'G', '{"th":"ก","en":"b"}', 100, 1, '[]');
    insert into topups (ref_id, order_id, package_id, topup_info, game_id, status, reason, price_satang, created_by, idempotency_key, request_hash, needs_review, created_at, updated_at, completed_at)
      values ('TU-01AAA', 'P2W100', 'P1', '{"playerId":"777"}', '777', 'failed', 'GAME_ID_INVALID', 100, 1, 'k1', 'h', 'failed', 1000, 2000, 2500),
             ('TU-01BBB', null, 'P1', '{}', null, 'submitting', null, 250, 1, 'k2', 'h', null, 3000, 3000, null);
    insert into withdrawals (platform_order_id, merchant_order_id, bank, account_no, account_name, amount_satang, status, ordered_at, done_at)
      values ('AAAW20260101AAAAAAAAAAAA', 'PAYOUT-1', 'KBANK', '6117707022', 'สมชาย วงศ์สวัสดิ์', 100, 'success', 1, 9),
             ('AAAW20260101BBBBBBBBBBBB', 'PAYOUT-2', 'SCB', '1234509876', 'วิชัย ทองคำ', 100, 'open', 2, null);
  `,
  );
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
