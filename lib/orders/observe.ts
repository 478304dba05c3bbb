import type { HistoryEntry } from "@/db/queries/entity-change";
import type { HistorySource, ReviewReason } from "@/db/enums";

import { decide, type StatusMachine } from "./status-machine";

/** Who or what reports or decides something about an order. */
export type Reporter = {
  source: HistorySource;
  actor: string;
  details?: Record<string, unknown>;
};

/** What the rules decided for an order: a result word, the row's change, its history. */
export type OrderPlan<U> = { result: string; update?: U; history?: HistoryEntry[] };

type Held<S> = { status: S; needsReview: ReviewReason | null };

/**
 * A change the system makes of its own accord (no upstream report): stuck, unknown, refused.
 * The history row says what it was, by whom, from which status to which.
 */
export function planFlag<S extends string, U>(
  current: { status: S | null },
  by: Reporter,
  flag: { result: string; kind: string; update: U; toStatus?: S | null },
): OrderPlan<U> {
  return {
    result: flag.result,
    update: flag.update,
    history: [
      {
        fromStatus: current.status,
        toStatus: flag.toStatus === undefined ? current.status : flag.toStatus,
        kind: flag.kind,
        source: by.source,
        actor: by.actor,
        ...(by.details ? { details: by.details } : {}),
      },
    ],
  };
}

/**
 * The one rule for every status report, whatever the kind of order and wherever the report
 * came from: an unknown status word (null) is an anomaly for a manager; a report that moves
 * forward is applied (`apply` says what else changes with it); one behind what we hold is
 * recorded as stale; a different final outcome is a conflict for a manager, never applied.
 * `learnt` is what the report taught us besides its status (an upstream id), kept in any case.
 */
export function planReport<S extends string, U extends { needsReview?: ReviewReason | null }>(
  machine: StatusMachine<S>,
  current: Held<S>,
  reported: S | null,
  by: Reporter,
  on: { apply: (status: S) => U; learnt?: U },
): OrderPlan<U> {
  const learnt = (on.learnt ?? {}) as U;
  const details = by.details ?? {};
  const entry = { source: by.source, actor: by.actor, fromStatus: current.status, details };
  if (reported === null) {
    return {
      result: "anomaly",
      update: { ...learnt, needsReview: current.needsReview ?? "anomaly" },
      history: [{ ...entry, toStatus: null, kind: "anomaly" }],
    };
  }
  const decision = decide(machine, current.status, reported);
  if (decision === "apply") {
    return {
      result: "applied",
      update: { ...learnt, ...on.apply(reported) },
      history: [{ ...entry, toStatus: reported, kind: "applied" }],
    };
  }
  if (decision === "conflict") {
    return {
      result: "conflict",
      update: { ...learnt, needsReview: "conflict" },
      history: [{ ...entry, toStatus: reported, kind: "conflict" }],
    };
  }
  if (decision === "stale") {
    return {
      result: "stale",
      ...(on.learnt ? { update: learnt } : {}),
      history: [{ ...entry, toStatus: reported, kind: "stale" }],
    };
  }
  if (!on.learnt) return { result: "unchanged" };
  if (Object.keys(learnt).length === 0) return { result: "unchanged", update: learnt, history: [] };
  // Nothing moved, but the report taught us something: a note says where it came from.
  return {
    result: "unchanged",
    update: learnt,
    history: [
      { ...entry, toStatus: reported, kind: "note", details: { ...details, learnt: true } },
    ],
  };
}
