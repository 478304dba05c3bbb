import { sql } from "drizzle-orm";
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";

import { instant, now } from "./columns";
import {
  ALERT_CHANNEL_KINDS,
  ALERT_KINDS,
  ALERT_SEVERITIES,
  type AlertKind,
  DELIVERY_EVENTS,
  DELIVERY_STATUSES,
} from "../enums";

/*
 * Alerts and where they go (lib/alerts). A warning's crossing (lib/overview/warnings.ts)
 * opens or closes an alert and writes one delivery per matching channel in the same
 * transaction: the outbox. A sender drains it; a delivery's unique key makes each
 * transition's message to each channel exist once, whatever restarts or instances.
 * Re-exported by ./schema.ts.
 */

/** A place alerts are sent to. The secret part of its target is sealed (secret-box.ts). */
export const alertChannels = pgTable("alert_channels", {
  id: integer().primaryKey().generatedByDefaultAsIdentity(),
  kind: text({ enum: ALERT_CHANNEL_KINDS }).notNull(),
  name: text().notNull(),
  locale: text({ enum: ["th", "en"] }).notNull(),
  /** What may be shown: LINE's recipient, e-mail addresses. */
  target: jsonb().$type<{ to?: string | string[] }>().notNull(),
  /** Sealed: Slack's webhook URL, LINE's channel token. */
  secret: text(),
  /** The kinds this channel takes, or every kind. */
  alerts: jsonb().$type<AlertKind[] | "all">().notNull(),
  digest: boolean().notNull(),
  minSeverity: text("min_severity", { enum: ALERT_SEVERITIES }).notNull(),
  /** Bangkok clock times "HH:MM"; both set or neither. */
  quietFrom: text("quiet_from"),
  quietTo: text("quiet_to"),
  active: boolean().notNull(),
  createdAt: instant("created_at").notNull().default(now),
  updatedAt: instant("updated_at").notNull().default(now),
});
export type AlertChannelRow = typeof alertChannels.$inferSelect;

/** One alert's life: raised, repeated while it lasts, resolved. One open per kind and subject. */
export const alerts = pgTable(
  "alerts",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    kind: text({ enum: ALERT_KINDS }).notNull(),
    /** Which upstream (callback silence, errors); empty for the rest. */
    subject: text().notNull().default(""),
    severity: text({ enum: ALERT_SEVERITIES }).notNull(),
    raisedAt: instant("raised_at").notNull(),
    resolvedAt: instant("resolved_at"),
    /** The figure that raised it and its threshold, in the setting's unit. */
    value: doublePrecision(),
    threshold: doublePrecision(),
    detail: jsonb().$type<Record<string, unknown>>(),
    /** When its last message (raised or repeat) was written, and how many repeats. */
    notifiedAt: instant("notified_at").notNull(),
    repeats: integer().notNull().default(0),
  },
  (t) => [
    uniqueIndex("alerts_open_idx")
      .on(t.kind, t.subject)
      .where(sql`${t.resolvedAt} is null`),
    index("alerts_raised_idx").on(t.raisedAt),
  ],
);
export type AlertRow = typeof alerts.$inferSelect;

/** The outbox: one message to one channel, written with the transition that caused it. */
export const alertDeliveries = pgTable(
  "alert_deliveries",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    /** Once per transition and channel: `alert:12:raised:3`, `digest:2026-12-06:3`, … */
    key: text().notNull().unique(),
    channelId: integer("channel_id")
      .notNull()
      .references(() => alertChannels.id, { onDelete: "cascade" }),
    alertId: integer("alert_id").references(() => alerts.id),
    event: text({ enum: DELIVERY_EVENTS }).notNull(),
    status: text({ enum: DELIVERY_STATUSES }).notNull().default("pending"),
    attempts: integer().notNull().default(0),
    lastError: text("last_error"),
    /** What to say, in the channel's language (lib/alerts/messages.ts). */
    message: jsonb().$type<Record<string, unknown>>().notNull(),
    createdAt: instant("created_at").notNull(),
    /** Not before: quiet hours for a warning, or the next try after a failure. */
    dueAt: instant("due_at").notNull(),
    /** A sender holding it until then; another may take it after. */
    claimedUntil: instant("claimed_until"),
    /** The first attempt: retries stop an hour after it. */
    firstTriedAt: instant("first_tried_at"),
    sentAt: instant("sent_at"),
  },
  (t) => [
    index("alert_deliveries_due_idx").on(t.status, t.dueAt),
    index("alert_deliveries_channel_idx").on(t.channelId, t.id),
  ],
);
export type AlertDeliveryRow = typeof alertDeliveries.$inferSelect;

/** Each day's digest, made once: its deliveries are written with this row. */
export const alertDigests = pgTable("alert_digests", {
  day: text().primaryKey(),
  createdAt: instant("created_at").notNull().default(now),
});

/** When a periodic job last finished (the reconciler's pass): what `reconciler_stalled` reads. */
export const heartbeats = pgTable("heartbeats", {
  name: text().primaryKey(),
  at: instant("at").notNull(),
});
