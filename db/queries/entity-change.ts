import { eq } from "drizzle-orm";

import { type Db, type Tx, withTx } from "../client";
import {
  appliedEvents,
  type ReviewItemReason,
  type ReviewReason,
  statusHistory,
  topups,
  withdrawals,
} from "../schema";
import { markCallbackProcessedIn } from "./callbacks";
import { syncReviewItemsIn } from "./review-items";
import type { NewHistory } from "./history";

export type HistoryEntry = Omit<NewHistory, "entityType" | "entityId">;

/** Each kind of order's table and the key an entity id is. */
const ORDERS = {
  topup: { table: topups, key: topups.refId },
  withdrawal: { table: withdrawals, key: withdrawals.platformOrderId },
};

type OrderKind = keyof typeof ORDERS;
type OrderRow<K extends OrderKind> = (typeof ORDERS)[K]["table"]["$inferSelect"];

/**
 * The order as it is, locked until `tx` ends: every transaction that decides on an order
 * reads it here first, so two of them on one order run one after the other and the second
 * sees what the first wrote.
 */
export function lockOrderIn<K extends OrderKind>(
  tx: Tx,
  kind: K,
  id: string,
): Promise<OrderRow<K> | undefined> {
  const { table, key } = ORDERS[kind];
  return tx.$store.lockedRow(tx, table, key, id) as Promise<OrderRow<K> | undefined>;
}

export type ChangeSteps<T> = {
  /** Why the order, as it is, needs a person's decision (none: an empty list). */
  reviewReasons: (row: T | undefined) => ReviewItemReason[];
  /** Decides and writes the change; returns the row as it now is and its history. */
  write: (
    tx: Tx,
    current: T | undefined,
  ) => Promise<{ result: string; row: T | undefined; history: HistoryEntry[] }>;
};

export type ChangeOptions = {
  /** The event's de-duplication key; a key already applied makes the change a `duplicate`. */
  eventKey?: string;
  /** The callback whose processing result is written with the change. */
  callbackId?: number;
  /** Written in the same transaction, only when `eventKey` is applied for the first time. */
  withFreshEvent?: (tx: Tx) => Promise<void>;
  /**
   * Runs first in the same transaction, before the change is decided (a person's decision
   * closing its review item): throwing rolls the whole change back.
   */
  first?: (tx: Tx) => Promise<void>;
};

/**
 * The one transaction every status change of an order goes through, whatever the order:
 * an already-applied event (UNIQUE key) is answered `duplicate`; otherwise the change, its
 * history and the callback's result are written together. It starts by locking the order
 * (`lockOrderIn`) and decides on nothing else another transaction could change meanwhile
 * without locking the order too (its review items, approvals and events are the order's
 * own), so it needs no more than `locked rows`: on PostgreSQL no change is refused for
 * another order's change touching the same index page.
 */
export async function changeAtomically<K extends OrderKind>(
  db: Db,
  entity: { type: K; id: string },
  steps: ChangeSteps<OrderRow<K>>,
  options: ChangeOptions = {},
): Promise<{ result: string; row: OrderRow<K> | undefined }> {
  return withTx(db, (tx) => changeIn(tx, entity, steps, options), "locked rows");
}

async function changeIn<K extends OrderKind>(
  tx: Tx,
  entity: { type: K; id: string },
  steps: ChangeSteps<OrderRow<K>>,
  options: ChangeOptions,
): Promise<{ result: string; row: OrderRow<K> | undefined }> {
  const current = await lockOrderIn(tx, entity.type, entity.id);
  await options.first?.(tx);
  const markCallback = async (result: string) => {
    if (options.callbackId !== undefined)
      await markCallbackProcessedIn(tx, options.callbackId, result);
  };
  if (options.eventKey) {
    const fresh = await tx
      .insert(appliedEvents)
      .values({ key: options.eventKey })
      .onConflictDoNothing()
      .returning({ key: appliedEvents.key });
    if (fresh.length === 0) {
      await markCallback("duplicate");
      return { result: "duplicate", row: current };
    }
    await options.withFreshEvent?.(tx);
  }
  const { result, row, history } = await steps.write(tx, current);
  if (row === undefined) {
    // No order: no history, no review item, and the event is not spent, so a report
    // about an order we neither hold nor created is only its callback's result.
    if (options.eventKey)
      await tx.delete(appliedEvents).where(eq(appliedEvents.key, options.eventKey));
    await markCallback(result);
    return { result, row };
  }
  if (history.length > 0)
    await tx
      .insert(statusHistory)
      .values(history.map((entry) => ({ ...entry, entityType: entity.type, entityId: entity.id })));
  await syncReviewItemsIn(
    tx,
    { kind: entity.type, id: entity.id },
    steps.reviewReasons(current),
    steps.reviewReasons(row),
    openingDetail(history.at(-1)),
  );
  await markCallback(result);
  return { result, row };
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
  const [row] = await db
    .select({ key: appliedEvents.key })
    .from(appliedEvents)
    .where(eq(appliedEvents.key, key));
  return row !== undefined;
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
