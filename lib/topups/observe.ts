import type { TopupPlan } from "@/db/queries/topups";
import type { HistorySource, TopupRow, TopupStatus } from "@/db/schema";
import { decide, isFinal } from "@/lib/orders/status-machine";
import { nextCheckAt } from "@/lib/orders/schedule";

import { TOPUP_MACHINE } from "./topup-status";

/** Something we learnt about an order: from the create answer, a callback, or a read. */
export type TopupObservation = {
  /** Null when the upstream's status word is unknown to us (an anomaly). */
  status: TopupStatus | null;
  rawStatus?: string;
  orderId?: string | null;
  reason?: string | null;
  source: HistorySource;
  actor: string;
  details?: Record<string, unknown>;
};

/**
 * The one rule for every status report, whatever its source: forward-only moves; a report
 * behind what we know is recorded as stale; a different final outcome is a conflict for a
 * manager, never applied; an unknown status word is an anomaly, never applied.
 */
export function planTopupObservation(
  current: TopupRow,
  obs: TopupObservation,
  now = new Date(),
): TopupPlan {
  const entry = { source: obs.source, actor: obs.actor, fromStatus: current.status };
  const details = { ...obs.details, ...(obs.rawStatus ? { rawStatus: obs.rawStatus } : {}) };

  if (obs.orderId && current.orderId && obs.orderId !== current.orderId) {
    return {
      result: "anomaly",
      update: { needsReview: current.needsReview ?? "anomaly" },
      history: [
        {
          ...entry,
          toStatus: obs.status,
          kind: "anomaly",
          details: { ...details, reportedOrderId: obs.orderId },
        },
      ],
    };
  }
  const update: TopupPlan["update"] = {};
  if (obs.orderId && !current.orderId) update.orderId = obs.orderId;

  if (obs.status === null) {
    return {
      result: "anomaly",
      update: { ...update, needsReview: current.needsReview ?? "anomaly" },
      history: [{ ...entry, toStatus: null, kind: "anomaly", details }],
    };
  }

  const decision = decide(TOPUP_MACHINE, current.status, obs.status);
  if (decision === "apply") {
    update.status = obs.status;
    if (isFinal(TOPUP_MACHINE, obs.status)) {
      update.completedAt = now;
      update.nextCheckAt = null;
      update.reason = obs.status === "failed" ? (obs.reason ?? current.reason ?? null) : null;
      if (current.needsReview === "unknown_outcome" || current.needsReview === "stuck")
        update.needsReview = null;
    } else if (update.orderId ?? current.orderId) {
      if (current.status === "submitting" || current.status === "unknown" || !current.nextCheckAt) {
        update.nextCheckAt = nextCheckAt(0, now);
      }
      if (current.needsReview === "unknown_outcome") update.needsReview = null;
    }
    return {
      result: "applied",
      update,
      history: [{ ...entry, toStatus: obs.status, kind: "applied", details }],
    };
  }
  if (decision === "conflict") {
    return {
      result: "conflict",
      update: { ...update, needsReview: "conflict" },
      history: [{ ...entry, toStatus: obs.status, kind: "conflict", details }],
    };
  }
  if (decision === "stale") {
    return {
      result: "stale",
      update,
      history: [{ ...entry, toStatus: obs.status, kind: "stale", details }],
    };
  }
  const learnt = Object.keys(update).length > 0;
  return {
    result: "unchanged",
    update,
    history: learnt
      ? [
          {
            ...entry,
            toStatus: obs.status,
            kind: "note",
            details: { ...details, orderIdLearnt: true },
          },
        ]
      : [],
  };
}

/** Something about an order is wrong (unknown to P2W, another refID): recorded for a manager. */
export function planTopupAnomaly(
  current: TopupRow,
  by: { source: HistorySource; actor: string },
  details: Record<string, unknown>,
): TopupPlan {
  return {
    result: "anomaly",
    update: { needsReview: current.needsReview ?? "anomaly" },
    history: [
      {
        fromStatus: current.status,
        toStatus: null,
        kind: "anomaly",
        source: by.source,
        actor: by.actor,
        details,
      },
    ],
  };
}
