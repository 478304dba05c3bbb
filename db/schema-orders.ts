/** The orders, their people and their history; db/schema.ts gathers every table. */
import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

import {
  HISTORY_SOURCES,
  type LocalizedText,
  type PackageField,
  REVIEW_REASONS,
  ROLES,
  TOPUP_STATUSES,
  WITHDRAWAL_STATUSES,
} from "./enums";
import { inList, instant, now } from "./columns";

export const users = sqliteTable(
  "users",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    /** Stored lower-cased; sign-in compares lower-cased input. */
    email: text().notNull().unique(),
    name: text().notNull(),
    role: text({ enum: ROLES }).notNull(),
    passwordHash: text().notNull(),
    disabledAt: instant("disabled_at"),
    /** Bumped on disable, role change and password reset: older sessions stop working. */
    sessionVersion: integer().notNull().default(1),
    /** The last successful sign-in, shown to administrators. */
    lastSignInAt: instant("last_sign_in_at"),
    createdAt: instant("created_at").notNull().default(now),
    updatedAt: instant("updated_at").notNull().default(now),
  },
  (t) => [check("users_role_check", sql`${t.role} in (${inList(ROLES)})`)],
);

export type UserRow = typeof users.$inferSelect;

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    at: instant("at").notNull().default(now),
    /** Null for events without a signed-in person (a failed sign-in, a system job). */
    actorId: integer().references(() => users.id),
    /** Who acted as they were known then; kept even if the user is renamed later. */
    actorEmail: text(),
    action: text().notNull(),
    targetType: text(),
    targetId: text(),
    /** JSON object; never holds passwords, tokens or secrets. */
    details: text({ mode: "json" }).$type<Record<string, unknown>>(),
    ip: text(),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at),
    index("audit_log_actor_at_idx").on(t.actorId, t.at),
    index("audit_log_target_idx").on(t.targetType, t.targetId, t.at),
  ],
);

export type AuditRow = typeof auditLog.$inferSelect;

/** Failed sign-ins, counted per account and per IP for the lockout. */
export const signInFailures = sqliteTable(
  "sign_in_failures",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    at: instant("at").notNull(),
    email: text().notNull(),
    ip: text().notNull(),
  },
  (t) => [
    index("sign_in_failures_email_at_idx").on(t.email, t.at),
    index("sign_in_failures_ip_at_idx").on(t.ip, t.at),
  ],
);

/** What support may order; imported from the catalog file (upsert by packageId). */
export const packages = sqliteTable("packages", {
  packageId: text().primaryKey(),
  game: text().notNull(),
  name: text({ mode: "json" }).$type<LocalizedText>().notNull(),
  priceSatang: integer().notNull(),
  active: integer({ mode: "boolean" }).notNull(),
  fields: text({ mode: "json" }).$type<PackageField[]>().notNull(),
  updatedAt: instant("updated_at").notNull().default(now),
});

export type PackageRow = typeof packages.$inferSelect;

export const topups = sqliteTable(
  "topups",
  {
    /** Ours, generated on the server before the create call (`TU-` + ULID). */
    refId: text().primaryKey(),
    orderId: text().unique(),
    packageId: text()
      .notNull()
      .references(() => packages.packageId),
    topupInfo: text({ mode: "json" }).$type<Record<string, string>>().notNull(),
    /** The package's first field (the player's id), kept apart so it can be searched. */
    gameId: text(),
    status: text({ enum: TOPUP_STATUSES }).notNull(),
    /** Upstream failure reason, or the code of a refused create. */
    reason: text(),
    priceSatang: integer().notNull(),
    createdBy: integer()
      .notNull()
      .references(() => users.id),
    /** Unique per creator: a double click, a retry or a refresh makes one order. */
    idempotencyKey: text().notNull(),
    /** Fingerprint of what was asked, to tell a retry from a different order under one key. */
    requestHash: text().notNull(),
    /** The failed order this one re-issues (one re-issue per order: the UNIQUE index). */
    reissueOf: text(),
    needsReview: text({ enum: REVIEW_REASONS }),
    reviewedAt: instant("reviewed_at"),
    reconcileAttempts: integer().notNull().default(0),
    /** When the reconciler should look next; null when it never needs to. */
    nextCheckAt: instant("next_check_at"),
    createdAt: instant("created_at").notNull().default(now),
    updatedAt: instant("updated_at").notNull().default(now),
    completedAt: instant("completed_at"),
  },
  (t) => [
    uniqueIndex("topups_idempotency_idx").on(t.createdBy, t.idempotencyKey),
    index("topups_created_idx").on(t.createdAt, t.refId),
    index("topups_status_created_idx").on(t.status, t.createdAt, t.refId),
    index("topups_package_created_idx").on(t.packageId, t.createdAt, t.refId),
    index("topups_creator_created_idx").on(t.createdBy, t.createdAt, t.refId),
    index("topups_updated_idx").on(t.updatedAt, t.refId),
    index("topups_game_id_idx").on(t.gameId),
    index("topups_next_check_idx").on(t.nextCheckAt),
    index("topups_review_idx").on(t.needsReview, t.createdAt, t.refId),
    index("topups_reason_created_idx").on(t.reason, t.createdAt, t.refId),
    uniqueIndex("topups_reissue_of_idx").on(t.reissueOf),
    check("topups_status_check", sql`${t.status} in (${inList(TOPUP_STATUSES)})`),
  ],
);

export type TopupRow = typeof topups.$inferSelect;

/**
 * Every status change of every order, with where it came from, written in the same
 * transaction as the change. Its id is also the change feed the live lists poll.
 */
export const statusHistory = sqliteTable(
  "status_history",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    entityType: text({ enum: ["topup", "withdrawal"] }).notNull(),
    entityId: text().notNull(),
    fromStatus: text(),
    toStatus: text(),
    /** `applied`, or what was recorded without a change: `conflict`, `anomaly`, `stale`, `note`. */
    kind: text().notNull(),
    source: text({ enum: HISTORY_SOURCES }).notNull(),
    actor: text().notNull(),
    details: text({ mode: "json" }).$type<Record<string, unknown>>(),
    at: instant("at").notNull().default(now),
  },
  (t) => [index("status_history_entity_idx").on(t.entityType, t.entityId, t.id)],
);

export type HistoryRow = typeof statusHistory.$inferSelect;

/**
 * Database leases, so that only one process runs the reconciler. `epoch` grows each time the
 * lease passes to another holder: a fencing token (db/store.ts, `takeLease`).
 */
export const leases = sqliteTable("leases", {
  name: text().primaryKey(),
  holder: text().notNull(),
  expiresAt: instant("expires_at").notNull(),
  epoch: integer().notNull().default(0),
});

/** Every reconciler pass: who ran it under which epoch of the lease, when, and how it ended. */
export const reconcilerPasses = sqliteTable(
  "reconciler_passes",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    holder: text().notNull(),
    epoch: integer().notNull(),
    startedAt: instant("started_at").notNull().default(now),
    finishedAt: instant("finished_at"),
    /** `done`, `failed`, or `lost` (the lease passed to another holder during the pass). */
    outcome: text(),
    summary: text({ mode: "json" }).$type<Record<string, unknown>>(),
  },
  (t) => [index("reconciler_passes_started_idx").on(t.startedAt)],
);

/** Payouts as the gateway reported them (callbacks, look-ups, re-queries). */
export const withdrawals = sqliteTable(
  "withdrawals",
  {
    platformOrderId: text().primaryKey(),
    merchantOrderId: text().notNull(),
    bank: text().notNull(),
    /** Personal data: masked in lists and exports; full on the detail page, audited. */
    accountNo: text().notNull(),
    accountName: text().notNull(),
    amountSatang: integer().notNull(),
    status: text({ enum: WITHDRAWAL_STATUSES }).notNull(),
    orderedAt: instant("ordered_at").notNull(),
    doneAt: instant("done_at"),
    needsReview: text({ enum: REVIEW_REASONS }),
    reconcileAttempts: integer().notNull().default(0),
    nextCheckAt: instant("next_check_at"),
    createdAt: instant("created_at").notNull().default(now),
    updatedAt: instant("updated_at").notNull().default(now),
  },
  (t) => [
    index("withdrawals_ordered_idx").on(t.orderedAt, t.platformOrderId),
    index("withdrawals_status_ordered_idx").on(t.status, t.orderedAt, t.platformOrderId),
    index("withdrawals_bank_ordered_idx").on(t.bank, t.orderedAt, t.platformOrderId),
    index("withdrawals_updated_idx").on(t.updatedAt, t.platformOrderId),
    index("withdrawals_merchant_order_idx").on(t.merchantOrderId),
    index("withdrawals_account_no_idx").on(t.accountNo),
    index("withdrawals_account_name_idx").on(t.accountName),
    index("withdrawals_amount_idx").on(t.amountSatang, t.orderedAt),
    index("withdrawals_next_check_idx").on(t.nextCheckAt),
    index("withdrawals_review_idx").on(t.needsReview, t.orderedAt, t.platformOrderId),
    check("withdrawals_status_check", sql`${t.status} in (${inList(WITHDRAWAL_STATUSES)})`),
  ],
);

export type WithdrawalRow = typeof withdrawals.$inferSelect;

/**
 * Settings an administrator changes in the page (lib/settings/definitions.ts lists them).
 * A key without a row has its default. Read on every request that needs one: no process
 * keeps a copy, so a change is seen at once by every server process on this file.
 */
export const settings = sqliteTable("settings", {
  key: text().primaryKey(),
  value: integer().notNull(),
  updatedBy: integer().references(() => users.id),
  updatedAt: instant("updated_at").notNull().default(now),
});
