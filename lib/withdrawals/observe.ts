import type { WithdrawalPlan } from "@/db/queries/withdrawals";
import type { WithdrawalRow, WithdrawalStatus } from "@/db/schema";
import { planFlag, planReport, type Reporter } from "@/lib/orders/observe";
import { nextCheckAt } from "@/lib/orders/schedule";
import { isFinal } from "@/lib/orders/status-machine";
import type { PayoutWithdrawal } from "@/lib/payout/transform";

import { WITHDRAWAL_MACHINE } from "./withdrawal-status";

/**
 * Every status decision about a withdrawal lives in this file: what a report (a callback, a
 * re-query, a look-up) does, and when the reconciler gives up and flags it for a manager.
 */

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
  const details = { ...by.details, rawStatus: reported.rawStatus };
  const { status } = reported;
  if (!current) {
    // A status word we do not know, about a withdrawal we do not hold: nothing to create and
    // nothing to flag; the callback keeps the report.
    if (status === null) return { result: "unmatched" };
    const final = isFinal(WITHDRAWAL_MACHINE, status);
    return {
      ...planFlag(
        { status: null },
        { ...by, details },
        { result: "applied", kind: "applied", toStatus: status, update: undefined },
      ),
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
    };
  }
  const changed = FIXED.filter((field) => reported[field] !== current[field]);
  if (status !== null && changed.length > 0) {
    const held = Object.fromEntries(
      changed.map((f) => [f, { held: current[f], reported: reported[f] }]),
    );
    return planFlag(
      current,
      { ...by, details: { ...details, changed: held } },
      {
        result: "anomaly",
        kind: "anomaly",
        toStatus: status,
        update: { needsReview: current.needsReview ?? "anomaly" },
      },
    );
  }
  return planReport(
    WITHDRAWAL_MACHINE,
    current,
    status,
    { ...by, details },
    {
      apply: (to) => ({
        status: to,
        doneAt: reported.doneAt ?? now,
        nextCheckAt: null,
        needsReview: current.needsReview === "stuck" ? null : current.needsReview,
      }),
    },
  );
}

/** The reconciler gave up guessing: the withdrawal waits for a manager. */
export function planWithdrawalStuck(current: WithdrawalRow, by: Reporter): WithdrawalPlan {
  return planFlag(current, by, {
    result: "stuck",
    kind: "stuck",
    update: { needsReview: "stuck", nextCheckAt: null },
  });
}

/**
 * A person's decision on a review item (see planTopupDecision): paid → `success`, not paid →
 * `failed` while the payout has no final status; the answered flag is cleared.
 */
export function planWithdrawalDecision(
  current: WithdrawalRow,
  decision: { reason: string; status: WithdrawalStatus | null },
  by: Reporter,
  now = new Date(),
): WithdrawalPlan {
  const clear = current.needsReview === decision.reason ? { needsReview: null } : {};
  if (decision.status && !isFinal(WITHDRAWAL_MACHINE, current.status)) {
    const plan = planReport(WITHDRAWAL_MACHINE, current, decision.status, by, {
      apply: (to) => ({
        status: to,
        doneAt: now,
        nextCheckAt: null,
        needsReview: current.needsReview,
      }),
    });
    if (plan.result === "applied") return { ...plan, update: { ...plan.update, ...clear } };
  }
  return planFlag(current, by, { result: "decided", kind: "decision", update: clear });
}

/** A claim or a release of a review item, as a history entry (live on every open page). */
export function planWithdrawalNote(
  current: WithdrawalRow,
  by: Reporter,
  kind: string,
): WithdrawalPlan {
  return planFlag(current, by, { result: kind, kind, update: {} });
}
