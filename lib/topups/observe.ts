import type { TopupPlan } from "@/db/queries/topups";
import type { TopupRow, TopupStatus } from "@/db/schema";
import { planFlag, planReport, type Reporter } from "@/lib/orders/observe";
import { nextCheckAt } from "@/lib/orders/schedule";
import { isFinal } from "@/lib/orders/status-machine";

import { failureReasonCode } from "./failure-reasons";

import { TOPUP_MACHINE } from "./topup-status";

/**
 * Every status decision about a top-up lives in this file: what a report (the create answer,
 * a callback, a re-query) does, and what the system decides on its own (an unknown outcome,
 * a refused create, an order stuck for a manager). Callers only apply the plan.
 */

/** Something we learnt about an order: from the create answer, a callback, or a read. */
export type TopupObservation = Reporter & {
  /** Null when the upstream's status word is unknown to us (an anomaly). */
  status: TopupStatus | null;
  rawStatus?: string;
  orderId?: string | null;
  reason?: string | null;
};

/** Forward-only moves; stale, conflict and anomaly recorded for what they are, never applied. */
export function planTopupObservation(
  current: TopupRow,
  obs: TopupObservation,
  now = new Date(),
): TopupPlan {
  const details = { ...obs.details, ...(obs.rawStatus ? { rawStatus: obs.rawStatus } : {}) };
  const by = { source: obs.source, actor: obs.actor, details };

  if (obs.orderId && current.orderId && obs.orderId !== current.orderId) {
    return planTopupAnomaly(current, obs, { ...details, reportedOrderId: obs.orderId }, obs.status);
  }
  const learnt: TopupPlan["update"] = {};
  if (obs.orderId && !current.orderId) learnt.orderId = obs.orderId;
  const orderId = learnt.orderId ?? current.orderId;

  return planReport(TOPUP_MACHINE, current, obs.status, by, {
    learnt,
    apply: (status) => {
      if (isFinal(TOPUP_MACHINE, status)) {
        return {
          status,
          completedAt: now,
          nextCheckAt: null,
          reason:
            status === "failed"
              ? obs.reason
                ? failureReasonCode(obs.reason)
                : (current.reason ?? null)
              : null,
          ...(current.needsReview === "unknown_outcome" || current.needsReview === "stuck"
            ? { needsReview: null }
            : {}),
        };
      }
      if (!orderId) return { status };
      const startChecking =
        current.status === "submitting" || current.status === "unknown" || !current.nextCheckAt;
      return {
        status,
        ...(startChecking ? { nextCheckAt: nextCheckAt(0, now) } : {}),
        ...(current.needsReview === "unknown_outcome" ? { needsReview: null } : {}),
      };
    },
  });
}

/** Something about an order is wrong (unknown to P2W, another refID): recorded for a manager. */
export function planTopupAnomaly(
  current: TopupRow,
  by: Reporter,
  details: Record<string, unknown>,
  toStatus: TopupStatus | null = null,
): TopupPlan {
  return planFlag(
    current,
    { ...by, details },
    {
      result: "anomaly",
      kind: "anomaly",
      update: { needsReview: current.needsReview ?? "anomaly" },
      toStatus,
    },
  );
}

/**
 * The create call's outcome cannot be known (timeout, reset, 5xx, or the process died while
 * it was out): `unknown`, waiting for P2W's callback or a manager. Never re-sent.
 */
export function planTopupUnknown(
  current: TopupRow,
  by: Reporter,
  cause?: { code: string; message: string },
): TopupPlan {
  return planFlag(
    current,
    cause ? { ...by, details: { error: cause.code, message: cause.message } } : by,
    {
      result: "unknown",
      kind: "applied",
      toStatus: "unknown",
      update: {
        status: "unknown",
        needsReview: "unknown_outcome",
        nextCheckAt: null,
        ...(cause ? { reason: cause.code } : {}),
      },
    },
  );
}

/** P2W refused the create (or it was certainly never sent): final, nothing to wait for. */
export function planTopupRejected(
  current: TopupRow,
  by: Reporter,
  cause: { code: string; message: string },
  now = new Date(),
): TopupPlan {
  return planFlag(
    current,
    { ...by, details: { error: cause.code, message: cause.message } },
    {
      result: "rejected",
      kind: "applied",
      toStatus: "failed",
      update: {
        status: "failed",
        reason: failureReasonCode(cause.code),
        completedAt: now,
        nextCheckAt: null,
      },
    },
  );
}

/** The reconciler gave up guessing: the order waits for a manager. */
export function planTopupStuck(current: TopupRow, by: Reporter): TopupPlan {
  return planFlag(current, by, {
    result: "stuck",
    kind: "stuck",
    update: { needsReview: "stuck", nextCheckAt: null },
  });
}

/**
 * A person's decision on a review item. A status it states (delivered → `succeeded`,
 * not delivered → `failed`) is reported like any other, forward-only, when the order has no
 * final status yet; the flag the item was about is cleared; otherwise the decision is a
 * history entry of its own. A later upstream report that contradicts it is a conflict.
 */
export function planTopupDecision(
  current: TopupRow,
  decision: { reason: string; status: TopupStatus | null },
  by: Reporter,
  now = new Date(),
): TopupPlan {
  const clear = current.needsReview === decision.reason ? { needsReview: null } : {};
  if (decision.status && !isFinal(TOPUP_MACHINE, current.status)) {
    const plan = planTopupObservation(current, { ...by, status: decision.status }, now);
    if (plan.result === "applied") return { ...plan, update: { ...plan.update, ...clear } };
  }
  return planFlag(current, by, { result: "decided", kind: "decision", update: clear });
}

/** A claim or a release of a review item: a history entry, so every open page sees it live. */
export function planTopupNote(current: TopupRow, by: Reporter, kind: string): TopupPlan {
  return planFlag(current, by, { result: kind, kind, update: {} });
}
