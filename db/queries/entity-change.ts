import { eq } from "drizzle-orm";

import { type Db, prepared, type Tx } from "../client";
import { appliedEvents, type ReviewItemReason, type ReviewReason, statusHistory } from "../schema";
import { markCallbackProcessedIn } from "./callbacks";
import { syncReviewItemsIn } from "./review-items";
import type { NewHistory } from "./history";

export type HistoryEntry = Omit<NewHistory, "entityType" | "entityId">;

export type ChangeSteps<T> = {
  read: (tx: Tx) => T | undefined;
  /** Why the order, as it is, needs a person's decision (none: an empty list). */
  reviewReasons: (row: T | undefined) => ReviewItemReason[];
  /** Decides and writes the change; returns the row as it now is and its history. */
  write: (
    tx: Tx,
    current: T | undefined,
  ) => { result: string; row: T | undefined; history: HistoryEntry[] };
};

export type ChangeOptions = {
  /** The event's de-duplication key; a key already applied makes the change a `duplicate`. */
  eventKey?: string;
  /** The callback whose processing result is written with the change. */
  callbackId?: number;
  /** Written in the same transaction, only when `eventKey` is applied for the first time. */
  withFreshEvent?: (tx: Tx) => void;
  /**
   * Runs first in the same transaction, before the change is decided (a person's decision
   * closing its review item): throwing rolls the whole change back.
   */
  first?: (tx: Tx) => void;
};

/**
 * The one transaction every status change of an order goes through, whatever the order:
 * an already-applied event (UNIQUE key) is answered `duplicate`; otherwise the change, its
 * history and the callback's result are written together.
 */
export async function changeAtomically<T>(
  db: Db,
  entity: { type: "topup" | "withdrawal"; id: string },
  steps: ChangeSteps<T>,
  options: ChangeOptions = {},
): Promise<{ result: string; row: T | undefined }> {
  return db.transaction(
    (tx) => {
      const current = steps.read(tx);
      options.first?.(tx);
      const markCallback = (result: string) => {
        if (options.callbackId !== undefined)
          markCallbackProcessedIn(db, options.callbackId, result);
      };
      if (options.eventKey) {
        const fresh = prepared(
          db,
          "insert into applied_events (key) values (?) on conflict do nothing",
        ).run(options.eventKey).changes;
        if (fresh === 0) {
          markCallback("duplicate");
          return { result: "duplicate", row: current };
        }
        options.withFreshEvent?.(tx);
      }
      const { result, row, history } = steps.write(tx, current);
      if (row === undefined) {
        // No order: no history, no review item, and the event is not spent, so a report
        // about an order we neither hold nor created is only its callback's result.
        if (options.eventKey)
          tx.delete(appliedEvents).where(eq(appliedEvents.key, options.eventKey)).run();
        markCallback(result);
        return { result, row };
      }
      for (const entry of history) {
        tx.insert(statusHistory)
          .values({ ...entry, entityType: entity.type, entityId: entity.id })
          .run();
      }
      syncReviewItemsIn(
        tx,
        { kind: entity.type, id: entity.id },
        steps.reviewReasons(current),
        steps.reviewReasons(row),
        openingDetail(history.at(-1)),
      );
      markCallback(result);
      return { result, row };
    },
    { behavior: "immediate" },
  );
}

/** What the queue's one-line "why" needs: the change's details and its from and to. */
function openingDetail(entry: HistoryEntry | undefined): Record<string, unknown> | null {
  if (!entry) return null;
  return {
    ...(entry.details as Record<string, unknown> | undefined),
    from: entry.fromStatus ?? null,
    to: entry.toStatus ?? null,
    source: entry.source,
  };
}

/** Whether an event key was already applied (a cheap look; the transaction decides). */
export async function isEventApplied(db: Db, key: string): Promise<boolean> {
  return prepared(db, "select 1 from applied_events where key = ?").get(key) !== undefined;
}

/** An order needs a decision when it failed or carries a flag (stuck, conflict, …). */
export function reviewReasonsOf(
  row: { status: string; needsReview: ReviewReason | null } | undefined,
): ReviewItemReason[] {
  if (!row) return [];
  const reasons: ReviewItemReason[] = row.status === "failed" ? ["failed"] : [];
  if (row.needsReview) reasons.push(row.needsReview);
  return reasons;
}
