import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

import { ROLES } from "@/lib/auth/roles";

/** Instants are stored as integer milliseconds since the epoch, UTC. */
const instant = (name: string) => integer(name, { mode: "timestamp_ms" });
const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

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
