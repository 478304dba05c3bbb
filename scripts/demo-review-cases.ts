import { like } from "drizzle-orm";
import { ulid } from "ulid";

import { type Db, withTx } from "@/db/client";
import { listPackages } from "@/db/queries/packages";
import { changeTopupAtomically } from "@/db/queries/topups";
import { changeWithdrawalAtomically } from "@/db/queries/withdrawals";
import { topups, type WithdrawalRow, withdrawals } from "@/db/schema";
import { hookUrl } from "@/lib/p2w/hook-token";
import { planTopupStuck } from "@/lib/topups/observe";
import { planWithdrawalStuck } from "@/lib/withdrawals/observe";
import type { SandboxWithdrawal } from "@/sandbox/payout";
import { accountName, accountNo, bank, platformOrderId } from "@/sandbox/payout-fixtures";

import { demoCreate, demoP2wReport, demoPayoutReport } from "./demo-history";
import { live, liveDemoTopup, type Step } from "./demo-life";
import type { DemoUpstreams } from "./demo-upstreams";

/**
 * The review queue's demo cases: one order per reason, each lived through the server's own
 * code against the simulators (as the demo's history is: `demo-history.ts`) and dated to
 * when it happened, so its history, calls, callbacks, review items and flags are what a real
 * order would have. Some are older, so the SLA colours show.
 */
const HOUR = 3_600_000;
const MINUTE = 60_000;
const RECONCILER = { source: "reconciler" as const, actor: "system:reconciler" };

export async function seedReviewCases(db: Db, up: DemoUpstreams, creator: number): Promise<void> {
  const packages = await listPackages(db);
  const cheap = packages.find((p) => p.priceSatang < 100_000) ?? packages[0];
  const dear = packages.find((p) => p.priceSatang >= 100_000) ?? cheap;
  if (!cheap || !dear) throw new Error("the demo needs a catalog");
  const actor = `user:${creator}`;
  const now = Date.now();

  /** A top-up created `ageHours` ago by the support agent, then what `later` says. */
  const topup = async (
    pkg: typeof cheap,
    ageHours: number,
    later: (refId: string, t0: number) => Step[],
  ) => {
    const t0 = now - ageHours * HOUR;
    const refId = `TU-${ulid(t0)}`;
    await liveDemoTopup(db, { refId, pkg, creator, t0, keyPrefix: "demo" }, later(refId, t0));
  };

  // Refused at once: P2W's balance had run out.
  await topup(cheap, 9, (refId, t0) => [[t0 + 400, demoCreate(up, db, refId, actor, "refused")]]);
  // The create's answer was lost: unknown until a callback or a person tells.
  await topup(cheap, 6.5, (refId, t0) => [[t0 + 400, demoCreate(up, db, refId, actor, "lost")]]);
  // Accepted, then nothing: the reconciler gave up on it.
  await topup(cheap, 26, (refId, t0) => [
    [t0 + 400, demoCreate(up, db, refId, actor)],
    [
      t0 + 24 * HOUR,
      async () =>
        void (await changeTopupAtomically(db, refId, (row) => planTopupStuck(row, RECONCILER))),
    ],
  ]);
  // P2W said succeeded, then failed: a conflict.
  await topup(dear, 3, (refId, t0) => [
    [t0 + 400, demoCreate(up, db, refId, actor)],
    [t0 + 40_000, demoP2wReport(up, refId, "succeeded").step],
    [t0 + 50 * MINUTE, demoP2wReport(up, refId, "failed", "Game server under maintenance").step],
  ]);
  // A callback with a status P2W's contract does not have: an anomaly.
  await topup(cheap, 1, (refId, t0) => [
    [t0 + 400, demoCreate(up, db, refId, actor)],
    [
      t0 + 5 * MINUTE,
      async () => {
        const orderID = up.p2w.orderIdOf(refId);
        await up.deliverP2w({
          url: hookUrl(up.topups.callbackUrl, up.topups.webhookSecret, refId),
          headers: {},
          body: JSON.stringify({ orderID, refID: refId, status: "REFUNDING", reason: "" }),
        });
      },
    ],
  ]);

  /** A withdrawal ordered 30 hours ago, reported as `reports` say, then maybe given up on. */
  const withdrawal = async (
    reports: Partial<Omit<SandboxWithdrawal, "merchantId">>[],
    stuck = false,
  ) => {
    const orderedAt = now - 30 * HOUR;
    const base: Omit<SandboxWithdrawal, "merchantId"> = {
      platformOrderId: platformOrderId("DEM", new Date(orderedAt)),
      merchantOrderId: `DEMO-${ulid(orderedAt)}`,
      bank: bank(),
      accountNo: accountNo(),
      accountName: accountName(),
      amountSatang: 250_000,
      status: "open",
      orderedAt: new Date(orderedAt),
      doneAt: null,
    };
    const steps: Step[] = reports.map((report, i) => {
      const at = orderedAt + (i + 1) * 20 * MINUTE;
      const done = report.status && report.status !== "open" ? new Date(at) : null;
      return [at, demoPayoutReport(up, { ...base, doneAt: done, ...report })];
    });
    if (stuck)
      steps.push([
        orderedAt + 24 * HOUR,
        async () =>
          void (await changeWithdrawalAtomically(db, base.platformOrderId, (current) =>
            planWithdrawalStuck(current as WithdrawalRow, RECONCILER),
          )),
      ]);
    await live(db, { type: "withdrawal", id: base.platformOrderId }, steps);
  };

  await withdrawal([{ status: "failed" }]);
  await withdrawal([{ status: "open" }], true);
  // Paid, then failed: a conflict.
  await withdrawal([{ status: "success" }, { status: "failed" }]);
  // The amount changed after it was ordered: an anomaly.
  await withdrawal([{ status: "open" }, { status: "open", amountSatang: 990_000 }]);

  // The reconciler leaves them as they are, so the queue keeps one case of each reason.
  await withTx(db, (tx) =>
    tx.update(topups).set({ nextCheckAt: null }).where(like(topups.idempotencyKey, "demo-%")),
  );
  await withTx(db, (tx) =>
    tx
      .update(withdrawals)
      .set({ nextCheckAt: null })
      .where(like(withdrawals.merchantOrderId, "DEMO-%")),
  );
}
