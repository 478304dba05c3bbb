import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { seedCatalog, seedUser } from "@/lib/testing/fixtures";

import { statusHistory, topups, withdrawals } from "@/db/schema";
import { tempDb } from "@/db/testing/temp-db";
import { changeTopupAtomically, insertTopupOnce } from "@/db/queries/topups";
import { changeWithdrawalAtomically } from "@/db/queries/withdrawals";

/**
 * Every status change goes through `changeAtomically`, which on PostgreSQL runs `READ
 * COMMITTED` with the order's row locked (SQLite: one writer at a time). Many changes of the
 * same orders at once, each deciding on the order as it reads it: none is lost, each history
 * entry is written once, and an order two reports create at once is created once.
 */
describe("changes of one order at once", () => {
  it("each sees the one before it: no change is lost", async () => {
    const db = tempDb();
    await seedCatalog(db);
    const user = await seedUser(db, "support");
    const refs = ["TU-LOCK-1", "TU-LOCK-2", "TU-LOCK-3"];
    for (const refId of refs)
      await insertTopupOnce(
        db,
        {
          refId,
          packageId: "ROLTH_A01_P001",
          topupInfo: {},
          status: "pending",
          priceSatang: 100,
          createdBy: user.id,
          idempotencyKey: refId,
          requestHash: "h",
        },
        { fromStatus: null, toStatus: "pending", kind: "applied", source: "create", actor: "t" },
      );

    // Each change counts one more on the order as it found it, and says what it counted.
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, n) =>
        changeTopupAtomically(db, refs[n % refs.length] as string, (current) => ({
          result: "counted",
          update: { reconcileAttempts: current.reconcileAttempts + 1 },
          history: [
            {
              fromStatus: current.status,
              toStatus: current.status,
              kind: "applied",
              source: "reconciler",
              actor: "t",
              details: { counted: current.reconcileAttempts + 1 },
            },
          ],
        })),
      ),
    );
    expect(results.every((r) => r?.result === "counted")).toBe(true);
    for (const refId of refs) {
      const [row] = await db.select().from(topups).where(eq(topups.refId, refId));
      expect(row?.reconcileAttempts).toBe(20);
      const counted = (
        await db.select().from(statusHistory).where(eq(statusHistory.entityId, refId))
      )
        .map((h) => (h.details as { counted?: number } | null)?.counted)
        .filter((c) => c !== undefined)
        .sort((a, b) => (a as number) - (b as number));
      expect(counted).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    }
  });

  it("an order first reported by several callbacks at once is created once", async () => {
    const db = tempDb();
    const id = "LOCKW2026110100000000001";
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, (_, n) =>
        changeWithdrawalAtomically(db, id, (current) =>
          current
            ? {
                result: "updated",
                update: { amountSatang: current.amountSatang + 1 },
                history: [
                  {
                    fromStatus: "open",
                    toStatus: "open",
                    kind: "applied",
                    source: "callback",
                    actor: `cb-${n}`,
                  },
                ],
              }
            : {
                result: "created",
                insert: {
                  platformOrderId: id,
                  merchantOrderId: "M-LOCK",
                  bank: "KBANK",
                  accountNo: "1",
                  accountName: "N",
                  amountSatang: 1000,
                  status: "open",
                  orderedAt: new Date(),
                },
                history: [
                  {
                    fromStatus: null,
                    toStatus: "open",
                    kind: "applied",
                    source: "callback",
                    actor: `cb-${n}`,
                  },
                ],
              },
        ),
      ),
    );
    expect(outcomes.map((o) => o.result).sort()).toEqual([
      "created",
      ...Array.from({ length: 11 }, () => "updated"),
    ]);
    const [row] = await db.select().from(withdrawals).where(eq(withdrawals.platformOrderId, id));
    expect(row?.amountSatang).toBe(1011);
    expect(
      await db.select().from(statusHistory).where(eq(statusHistory.entityId, id)),
    ).toHaveLength(12);
  });
});
