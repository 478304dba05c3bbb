import { describe, expect, it } from "vitest";

import { rawBulk, rawQuery } from "@/db/raw";
import { tempDb } from "@/db/testing/temp-db";

import { desc } from "drizzle-orm";

import { dialect } from "../dialect";
import { withdrawals } from "../schema";
import { searchCondition } from "./keyset";
import { listWithdrawals, WITHDRAWAL_SEARCH } from "./withdrawals";

/** 2,100 withdrawals to one first name (a dense search) and three to another. */
async function seeded() {
  const db = tempDb();
  const rows: unknown[][] = [];
  {
    for (let i = 0; i < 2_100; i++) {
      rows.push([
        `AAAW20260101${String(i).padStart(12, "0")}`,
        `M-${i}`,
        `0000${i}`,
        `สมชาย คนที่${i}`,
        new Date(1_700_000_000_000 + i * 1000),
      ]);
    }
    for (let i = 0; i < 3; i++) {
      rows.push([
        `BBBW20260101${String(i).padStart(12, "0")}`,
        `N-${i}`,
        `9999${i}`,
        `วิชัย ทองคำ`,
        new Date(1_600_000_000_000 + i),
      ]);
    }
  }
  await rawBulk(
    db,
    `insert into withdrawals (platform_order_id, merchant_order_id, bank, account_no, account_name, amount_satang, status, ordered_at)
       values (?, ?, 'KBANK', ?, ?, 100, 'success', ?)`,
    rows,
  );
  return db;
}

describe("withdrawal search", () => {
  it("answers exactly, whether a name is shared by thousands or by a few", async () => {
    const db = await seeded();
    const common = await listWithdrawals(db, { q: "สมชาย" }, { sort: "ordered_desc", limit: 50 });
    const expected = (await rawQuery(
      db,
      "select platform_order_id from withdrawals where account_name like 'สมชาย%' order by ordered_at desc limit 50",
    )) as { platform_order_id: string }[];
    expect(common.map((w) => w.platformOrderId)).toEqual(expected.map((r) => r.platform_order_id));
    expect(
      await listWithdrawals(db, { q: "วิชัย" }, { sort: "ordered_desc", limit: 50 }),
    ).toHaveLength(3);
    expect(
      await listWithdrawals(db, { q: "99991" }, { sort: "ordered_desc", limit: 50 }),
    ).toHaveLength(1);
    expect(
      await listWithdrawals(db, { q: "m-2099" }, { sort: "ordered_desc", limit: 50 }),
    ).toHaveLength(1);
  });

  // SQLite's plan; PostgreSQL's planner chooses by its statistics (npm run bench measures it).
  it.skipIf(dialect === "postgres")(
    "a name shared by thousands walks the time index and stops at a page, never sorts every match",
    async () => {
      const db = await seeded();
      const planOf = async (q: string) => {
        const query = db
          .select()
          .from(withdrawals)
          .where(await searchCondition(db, WITHDRAWAL_SEARCH, q))
          .orderBy(desc(withdrawals.orderedAt), desc(withdrawals.platformOrderId))
          .limit(50)
          .toSQL();
        return (
          (await rawQuery(db, `explain query plan ${query.sql}`, [...query.params])) as {
            detail: string;
          }[]
        )
          .map((r) => r.detail)
          .join(" | ");
      };
      const dense = await planOf("สมชาย");
      expect(dense).toMatch(/SCAN withdrawals USING INDEX withdrawals_ordered_idx/);
      expect(dense).not.toMatch(/TEMP B-TREE/);
      // A rare name: its few rows are collected first, and the page is read by their rowids.
      expect(await planOf("วิชัย")).toMatch(
        /SEARCH withdrawals USING INTEGER PRIMARY KEY \(rowid=\?\)/,
      );
    },
  );
});
