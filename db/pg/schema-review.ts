import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";

import { APPROVAL_STATUSES, ENTITY_KINDS, REVIEW_ITEM_REASONS } from "../enums";
import { inList, instant, now } from "./columns";
// ./schema re-exports this file; the references below are read lazily, so the cycle is harmless.
import { topups, users } from "./schema-orders";

/**
 * One order's need for a person's decision. Opened in the transaction that puts the order
 * into a reviewable state, at most one open item per order and reason (the partial unique
 * index), closed by a decision or — when the upstream settles it first — by the system.
 */
export const reviewItems = pgTable(
  "review_items",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    kind: text({ enum: ENTITY_KINDS }).notNull(),
    entityId: text().notNull(),
    reason: text({ enum: REVIEW_ITEM_REASONS }).notNull(),
    /** What the change that opened it said (the history entry's details), for the one-line why. */
    detail: jsonb().$type<Record<string, unknown>>(),
    openedAt: instant("opened_at").notNull().default(now),
    claimedBy: integer().references(() => users.id),
    claimedAt: instant("claimed_at"),
    resolvedAt: instant("resolved_at"),
    /** Null when the system closed it (the upstream settled the order first). */
    resolvedBy: integer().references(() => users.id),
    outcome: text(),
    note: text(),
  },
  (t) => [
    uniqueIndex("review_items_open_idx")
      .on(t.kind, t.entityId, t.reason)
      .where(sql`${t.resolvedAt} is null`),
    index("review_items_queue_idx").on(t.resolvedAt, t.reason, t.openedAt, t.id),
    index("review_items_entity_idx").on(t.kind, t.entityId, t.id),
    check("review_items_reason_check", sql`${t.reason} in (${inList(REVIEW_ITEM_REASONS)})`),
  ],
);

export type ReviewItemRow = typeof reviewItems.$inferSelect;

/**
 * A re-issue at or above the approval threshold waits here for a second manager or admin.
 * At most one pending request per order (the partial UNIQUE index); only an approval sends
 * it, and `reissueRefId` then names the new order.
 */
export const approvals = pgTable(
  "approvals",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    refId: text()
      .notNull()
      .references(() => topups.refId),
    requestedBy: integer()
      .notNull()
      .references(() => users.id),
    requestedAt: instant("requested_at").notNull().default(now),
    requestNote: text().notNull(),
    /** Per requester, like a create: a retried request returns the first one. */
    idempotencyKey: text().notNull(),
    status: text({ enum: APPROVAL_STATUSES }).notNull().default("pending"),
    decidedBy: integer().references(() => users.id),
    decidedAt: instant("decided_at"),
    /** The decider's note, or why the system cancelled it. */
    note: text(),
    reissueRefId: text(),
  },
  (t) => [
    uniqueIndex("approvals_pending_idx")
      .on(t.refId)
      .where(sql`${t.status} = 'pending'`),
    uniqueIndex("approvals_idempotency_idx").on(t.requestedBy, t.idempotencyKey),
    index("approvals_status_idx").on(t.status, t.requestedAt, t.id),
    index("approvals_ref_idx").on(t.refId, t.id),
    check("approvals_status_check", sql`${t.status} in (${inList(APPROVAL_STATUSES)})`),
  ],
);

export type ApprovalRow = typeof approvals.$inferSelect;
