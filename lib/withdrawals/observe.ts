import type { WithdrawalPlan } from "@/db/queries/withdrawals";
import type { HistorySource, WithdrawalRow } from "@/db/schema";
import { decide, isFinal } from "@/lib/orders/status-machine";
import type { PayoutWithdrawal } from "@/lib/payout/transform";
import { nextCheckAt } from "@/lib/orders/schedule";

import { WITHDRAWAL_MACHINE } from "./withdrawal-status";

export type Reporter = { source: HistorySource; actor: string; details?: Record<string, unknown> };

/** Fields the gateway echoes and that must never change for one order. */
const FIXED = ["merchantOrderId", "bank", "accountNo", "accountName", "amountSatang"] as const;

/**
 * The top-up rule applied to withdrawals: forward-only, stale/conflict/anomaly recorded and
 * never applied. A first report creates the row. A report whose amount or destination
 * differs from what we hold is an anomaly for a manager: money details never change quietly.
 */
export function planWithdrawalObservation(
  current: WithdrawalRow | undefined,
  reported: PayoutWithdrawal,
  by: Reporter,
  now = new Date(),
): WithdrawalPlan {
  const entry = { source: by.source, actor: by.actor, fromStatus: current?.status ?? null };
  const details = { ...by.details, rawStatus: reported.rawStatus };
  const status = reported.status;
  if (status === null) {
    return {
      result: "anomaly",
      update: current ? { needsReview: current.needsReview ?? "anomaly" } : undefined,
      history: [{ ...entry, toStatus: null, kind: "anomaly", details }],
    };
  }
  if (!current) {
    const final = isFinal(WITHDRAWAL_MACHINE, status);
    return {
      result: "applied",
      insert: {
        platformOrderId: reported.platformOrderId,
        merchantOrderId: reported.merchantOrderId,
        bank: reported.bank,
        accountNo: reported.accountNo,
        accountName: reported.accountName,
        amountSatang: reported.amountSatang,
        status,
        orderedAt: reported.orderedAt,
        doneAt: reported.doneAt ?? (final ? now : null),
        nextCheckAt: final ? null : nextCheckAt(0, now),
      },
      history: [{ ...entry, toStatus: status, kind: "applied", details }],
    };
  }
  const changed = FIXED.filter((field) => reported[field] !== current[field]);
  if (changed.length > 0) {
    return {
      result: "anomaly",
      update: { needsReview: current.needsReview ?? "anomaly" },
      history: [
        {
          ...entry,
          toStatus: status,
          kind: "anomaly",
          details: {
            ...details,
            changed: Object.fromEntries(
              changed.map((f) => [f, { held: current[f], reported: reported[f] }]),
            ),
          },
        },
      ],
    };
  }
  const decision = decide(WITHDRAWAL_MACHINE, current.status, status);
  if (decision === "apply") {
    return {
      result: "applied",
      update: {
        status,
        doneAt: reported.doneAt ?? now,
        nextCheckAt: null,
        needsReview: current.needsReview === "stuck" ? null : current.needsReview,
      },
      history: [{ ...entry, toStatus: status, kind: "applied", details }],
    };
  }
  if (decision === "conflict") {
    return {
      result: "conflict",
      update: { needsReview: "conflict" },
      history: [{ ...entry, toStatus: status, kind: "conflict", details }],
    };
  }
  if (decision === "stale")
    return { result: "stale", history: [{ ...entry, toStatus: status, kind: "stale", details }] };
  return { result: "unchanged" };
}
