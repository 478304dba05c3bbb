import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
} from "drizzle-orm/pg-core";

import { instant, now } from "./columns";

/*
 * What the upstreams told us and what we asked them: calls, callbacks (raw), the events
 * applied from them, refused floods, the P2W balance. Re-exported by ./schema.ts.
 */

/** Every call to an upstream, each attempt its own row; secrets are redacted before insert. */
export const upstreamCalls = pgTable(
  "upstream_calls",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
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
    /** When the retention prune removed `request` and `response`; the rest is kept. */
    prunedAt: instant("pruned_at"),
  },
  (t) => [
    index("upstream_calls_target_idx").on(t.targetId, t.at),
    index("upstream_calls_at_idx").on(t.at),
    // The log's walks: one per (operation, outcome), newest first.
    index("upstream_calls_op_outcome_idx").on(t.operation, t.outcome, t.at),
    // Latency and error rate per operation, read from the index alone.
    index("upstream_calls_stats_idx").on(t.operation, t.at, t.outcome, t.durationMs),
    index("upstream_calls_kept_idx")
      .on(t.at)
      .where(sql`${t.prunedAt} is null`),
  ],
);

export type UpstreamCallRow = typeof upstreamCalls.$inferSelect;

/** Every callback received, raw, with its verification and processing result. */
export const callbacks = pgTable(
  "callbacks",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    upstream: text({ enum: ["p2w", "payout"] }).notNull(),
    receivedAt: instant("received_at").notNull().default(now),
    rawBody: text().notNull(),
    /** `ok`, or why it was refused (nothing else happens to a refused one). */
    verification: text().notNull(),
    /** refID / platform_order_id from the body, when readable. */
    entityId: text(),
    orderId: text(),
    ip: text(),
    /** The request headers that matter, without secrets: content type, agent, signature present. */
    headers: jsonb().$type<CallbackHeaders>(),
    /** One of CALLBACK_RESULTS (lib/callbacks/results.ts): `received` until processed. */
    result: text().notNull(),
    detail: text(),
    attempts: integer().notNull().default(0),
    processedAt: instant("processed_at"),
    /** When the retention prune emptied `rawBody`; the rest of the row is kept. */
    prunedAt: instant("pruned_at"),
    /** The last replay by a person: when, who (user id), what it came to; how many in all. */
    replayedAt: instant("replayed_at"),
    replayedBy: integer(),
    replayResult: text(),
    replays: integer().notNull().default(0),
    /** While a worker processes a `received` callback, until when it is theirs (lib/callbacks/worker.ts). */
    claimedUntil: instant("claimed_until"),
    /** Which worker holds the claim; its liveness lease (`callback-worker:<id>`) says whether it still runs. */
    claimedBy: text(),
  },
  (t) => [
    index("callbacks_pending_idx").on(t.result, t.receivedAt),
    index("callbacks_entity_idx").on(t.entityId),
    index("callbacks_order_idx").on(t.orderId),
    index("callbacks_received_idx").on(t.receivedAt),
    index("callbacks_upstream_received_idx").on(t.upstream, t.receivedAt),
    // The log's filters walk one of these per upstream, newest first.
    index("callbacks_upstream_verification_idx").on(t.upstream, t.verification, t.receivedAt),
    index("callbacks_upstream_result_idx").on(t.upstream, t.result, t.receivedAt),
    index("callbacks_kept_idx")
      .on(t.receivedAt)
      .where(sql`${t.prunedAt} is null`),
  ],
);

export type CallbackRow = typeof callbacks.$inferSelect;

/** What the callbacks log shows of a callback's request besides its body. */
export type CallbackHeaders = {
  contentType: string | null;
  userAgent: string | null;
  /** Whether the request carried its credential (P2W: the hookURL token; gateway: X-Signature). */
  signature: "present" | "missing";
};

/** Keys of events already applied; inserted in the transaction that applies one. */
export const appliedEvents = pgTable("applied_events", {
  key: text().primaryKey(),
  at: instant("at").notNull().default(now),
});

/**
 * Refused callbacks per upstream, source address and minute: how many were stored whole and
 * how many were only counted, so a flood of forged callbacks cannot fill the disk. The row
 * with address `*` counts every address of that minute.
 */
export const refusedCallbackTally = pgTable(
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
export const balanceSnapshots = pgTable(
  "balance_snapshots",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    upstream: text().notNull(),
    balanceSatang: bigint({ mode: "number" }).notNull(),
    source: text().notNull(),
    confirmed: boolean().notNull().default(false),
    at: instant("at").notNull().default(now),
  },
  (t) => [
    index("balance_snapshots_upstream_idx").on(t.upstream, t.id),
    index("balance_snapshots_confirmed_at_idx").on(t.upstream, t.confirmed, t.at),
  ],
);
