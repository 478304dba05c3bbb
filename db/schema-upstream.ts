import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

import { instant, now } from "./columns";

/*
 * What the upstreams told us and what we asked them: calls, callbacks (raw), the events
 * applied from them, refused floods, the P2W balance. Re-exported by ./schema.ts.
 */

/** Every call to an upstream, each attempt its own row; secrets are redacted before insert. */
export const upstreamCalls = sqliteTable(
  "upstream_calls",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    at: instant("at").notNull().default(now),
    upstream: text({ enum: ["p2w", "payout"] }).notNull(),
    operation: text().notNull(),
    /** refID, orderID or platform_order_id the call was about. */
    targetId: text(),
    actor: text().notNull(),
    attempt: integer().notNull(),
    httpStatus: integer(),
    durationMs: integer().notNull(),
    outcome: text({ enum: ["ok", "error"] }).notNull(),
    errorCode: text(),
    request: text(),
    response: text(),
  },
  (t) => [
    index("upstream_calls_target_idx").on(t.targetId, t.at),
    index("upstream_calls_at_idx").on(t.at),
  ],
);

export type UpstreamCallRow = typeof upstreamCalls.$inferSelect;

/** Every callback received, raw, with its verification and processing result. */
export const callbacks = sqliteTable(
  "callbacks",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    upstream: text({ enum: ["p2w", "payout"] }).notNull(),
    receivedAt: instant("received_at").notNull().default(now),
    rawBody: text().notNull(),
    /** `ok`, or why it was refused (nothing else happens to a refused one). */
    verification: text().notNull(),
    /** refID / platform_order_id from the body, when readable. */
    entityId: text(),
    orderId: text(),
    ip: text(),
    /** `received` until processed, then `applied`, `duplicate`, `stale`, `conflict`, `anomaly`, `unmatched`, `retry`. */
    result: text().notNull(),
    detail: text(),
    attempts: integer().notNull().default(0),
    processedAt: instant("processed_at"),
  },
  (t) => [
    index("callbacks_pending_idx").on(t.result, t.receivedAt),
    index("callbacks_entity_idx").on(t.entityId),
    index("callbacks_received_idx").on(t.receivedAt),
    index("callbacks_upstream_received_idx").on(t.upstream, t.receivedAt),
  ],
);

export type CallbackRow = typeof callbacks.$inferSelect;

/** Keys of events already applied; inserted in the transaction that applies one. */
export const appliedEvents = sqliteTable("applied_events", {
  key: text().primaryKey(),
  at: instant("at").notNull().default(now),
});

/**
 * Refused callbacks per upstream, source address and minute: how many were stored whole and
 * how many were only counted, so a flood of forged callbacks cannot fill the disk. The row
 * with address `*` counts every address of that minute.
 */
export const refusedCallbackTally = sqliteTable(
  "refused_callback_tally",
  {
    upstream: text({ enum: ["p2w", "payout"] }).notNull(),
    ip: text().notNull(),
    minute: instant("minute").notNull(),
    stored: integer().notNull().default(0),
    dropped: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.upstream, t.ip, t.minute] }),
    index("refused_callback_tally_minute_idx").on(t.minute),
  ],
);

/**
 * The P2W balance, as reported by callbacks (the only place the upstream tells it). The body
 * of a P2W callback is not signed: `confirmed` says a signed read agreed with the callback
 * that carried the figure; warnings and the runway use confirmed figures only.
 */
export const balanceSnapshots = sqliteTable(
  "balance_snapshots",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    upstream: text().notNull(),
    balanceSatang: integer().notNull(),
    source: text().notNull(),
    confirmed: integer({ mode: "boolean" }).notNull().default(false),
    at: instant("at").notNull().default(now),
  },
  (t) => [
    index("balance_snapshots_upstream_idx").on(t.upstream, t.id),
    index("balance_snapshots_confirmed_at_idx").on(t.upstream, t.confirmed, t.at),
  ],
);
