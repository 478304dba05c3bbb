import { eq, like } from "drizzle-orm";
import { ulid } from "ulid";

import type { Db } from "@/db/client";
import { listPackages } from "@/db/queries/packages";
import { changeTopupAtomically, type TopupPlan } from "@/db/queries/topups";
import { changeWithdrawalAtomically } from "@/db/queries/withdrawals";
import { reviewItems, type TopupRow, topups, type WithdrawalRow, withdrawals } from "@/db/schema";
import type { Reporter } from "@/lib/orders/observe";
import {
  planTopupAnomaly,
  planTopupObservation,
  planTopupRejected,
  planTopupStuck,
  planTopupUnknown,
} from "@/lib/topups/observe";
import { planWithdrawalObservation, planWithdrawalStuck } from "@/lib/withdrawals/observe";
import type { PayoutWithdrawal } from "@/lib/payout/transform";
import { accountName, accountNo, bank, platformOrderId } from "@/sandbox/payout-fixtures";

import { insertDemoTopup } from "./demo-life";

/**
 * The review queue's demo cases: one order per reason, each brought into its state through
 * the same plans and transaction the server uses (so history, review items and flags are
 * what a real order would have). Some are made older, so the SLA colours show.
 */
const by = (actor: string, source: Reporter["source"] = "reconciler"): Reporter => ({
  source,
  actor,
});

const HOUR = 3_600_000;

async function demoTopup(
  db: Db,
  creator: number,
  packageId: string,
  steps: ((row: TopupRow) => TopupPlan)[],
  ageHours: number,
): Promise<string> {
  const packages = await listPackages(db);
  const pkg = packages.find((p) => p.packageId === packageId) ?? packages[0];
  if (!pkg) throw new Error("the demo needs a catalog");
  const refId = `TU-${ulid()}`;
  await insertDemoTopup(db, {
    refId,
    pkg,
    player: "demo-player-7",
    creator,
    createdAt: new Date(Date.now() - ageHours * HOUR),
    actor: "demo",
    keyPrefix: "demo",
  });
  for (const step of steps) await changeTopupAtomically(db, refId, step);
  return refId;
}

async function demoWithdrawal(
  db: Db,
  reports: {
    status: PayoutWithdrawal["status"];
    rawStatus: string;
    change?: Partial<PayoutWithdrawal>;
  }[],
  stuck = false,
): Promise<string> {
  const orderedAt = new Date(Date.now() - 30 * HOUR);
  const base: PayoutWithdrawal = {
    platformOrderId: platformOrderId("DEM", orderedAt),
    merchantOrderId: `DEMO-${ulid()}`,
    bank: bank(),
    accountNo: accountNo(),
    accountName: accountName(),
    amountSatang: 250_000,
    status: "open",
    rawStatus: "open",
    orderedAt,
    doneAt: null,
  };
  for (const report of reports) {
    await changeWithdrawalAtomically(db, base.platformOrderId, (current) =>
      planWithdrawalObservation(
        current,
        { ...base, ...report.change, status: report.status, rawStatus: report.rawStatus },
        by("demo", "callback"),
      ),
    );
  }
  if (stuck) {
    await changeWithdrawalAtomically(db, base.platformOrderId, (current) =>
      planWithdrawalStuck(current as WithdrawalRow, by("reconciler")),
    );
  }
  return base.platformOrderId;
}

/** Makes one order per review reason (top-ups and withdrawals) and ages a few of them. */
export async function seedReviewCases(db: Db, creator: number): Promise<void> {
  const timeout = { code: "UPSTREAM_TIMEOUT", message: "no answer in 10 s" };
  const orderId = () => `P2W-DEMO-${ulid().slice(-10)}`;
  const packages = await listPackages(db);
  const cheap = packages.find((p) => p.priceSatang < 100_000)?.packageId ?? "";
  const dear = packages.find((p) => p.priceSatang >= 100_000)?.packageId ?? cheap;
  const reported = (status: TopupRow["status"], id?: string) => (row: TopupRow) =>
    planTopupObservation(row, { ...by("demo", "callback"), status, orderId: id ?? row.orderId });

  const aged: [string, number][] = [];
  const failed = await demoTopup(
    db,
    creator,
    cheap,
    [
      (row) =>
        planTopupRejected(row, by("demo", "create"), {
          code: "INSUFFICIENT_BALANCE",
          message: "balance",
        }),
    ],
    9,
  );
  aged.push([failed, 9]);
  await demoTopup(
    db,
    creator,
    dear,
    [
      (row) =>
        planTopupRejected(row, by("demo", "create"), {
          code: "INVALID_GAME_ID",
          message: "player",
        }),
    ],
    2,
  );
  const unknown = await demoTopup(
    db,
    creator,
    cheap,
    [(row) => planTopupUnknown(row, by("demo", "create"), timeout)],
    7,
  );
  aged.push([unknown, 6.5]);
  await demoTopup(
    db,
    creator,
    cheap,
    [reported("pending", orderId()), (row) => planTopupStuck(row, by("reconciler"))],
    26,
  );
  await demoTopup(
    db,
    creator,
    cheap,
    [reported("pending", orderId()), reported("succeeded"), reported("failed")],
    3,
  );
  await demoTopup(
    db,
    creator,
    cheap,
    [
      reported("pending", orderId()),
      (row) => planTopupAnomaly(row, by("demo", "callback"), { rawStatus: "REFUNDING" }),
    ],
    1,
  );

  await demoWithdrawal(db, [{ status: "failed", rawStatus: "failed" }]);
  await demoWithdrawal(db, [{ status: "open", rawStatus: "open" }], true);
  await demoWithdrawal(db, [
    { status: "success", rawStatus: "success" },
    { status: "failed", rawStatus: "failed" },
  ]);
  await demoWithdrawal(db, [
    { status: "open", rawStatus: "open" },
    { status: "open", rawStatus: "open", change: { amountSatang: 990_000 } },
  ]);

  // Their upstream ids are made up: the reconciler must not ask about them (and, finding
  // nothing, mark them stuck over the reason they show).
  await db.update(topups).set({ nextCheckAt: null }).where(like(topups.idempotencyKey, "demo-%"));
  await db
    .update(withdrawals)
    .set({ nextCheckAt: null })
    .where(like(withdrawals.merchantOrderId, "DEMO-%"));
  for (const [entityId, hours] of aged) {
    await db
      .update(reviewItems)
      .set({ openedAt: new Date(Date.now() - hours * HOUR) })
      .where(eq(reviewItems.entityId, entityId));
  }
}
