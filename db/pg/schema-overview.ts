import { bigint, boolean, integer, jsonb, pgTable, primaryKey, text } from "drizzle-orm/pg-core";

import { instant } from "./columns";

/*
 * Hourly roll-ups of the orders, for the overview, and the warnings' states. The roll-ups
 * are kept by SQLite triggers on `topups` and `withdrawals` (migration 0009): every insert,
 * update or delete of an order moves its count from its old bucket to its new one inside
 * the same statement, so no code path can forget them and a roll-up always equals a plain
 * recount (lib/overview/overview.property.test.ts proves it). Hours are UTC hours; Bangkok
 * has no daylight saving and sits a whole number of hours from UTC, so they are Bangkok
 * hours too. Re-exported by ./schema.ts.
 */

/** Top-ups by the hour they were created in, their package, status and reason. */
export const topupHours = pgTable(
  "topup_hours",
  {
    hour: instant("hour").notNull(),
    packageId: text().notNull(),
    status: text().notNull(),
    /** The upstream's failure reason; empty when there is none. */
    reason: text().notNull(),
    count: integer().notNull(),
    amountSatang: bigint({ mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.hour, t.packageId, t.status, t.reason] })],
);

/**
 * Final top-ups by the hour they were created in and how long they took to reach their
 * final status: `seconds` is the upper bound of the bucket (1, 2, 5, 10, … 86400), and
 * 2147483647 for longer than a day.
 */
export const topupDurations = pgTable(
  "topup_durations",
  {
    hour: instant("hour").notNull(),
    seconds: integer().notNull(),
    count: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.hour, t.seconds] })],
);

/** Withdrawals by the hour the gateway says they were ordered in, and their status. */
export const withdrawalHours = pgTable(
  "withdrawal_hours",
  {
    hour: instant("hour").notNull(),
    status: text().notNull(),
    count: integer().notNull(),
    amountSatang: bigint({ mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.hour, t.status] })],
);

/**
 * Each warning of the banner (low balance, short runway, callback silence per upstream):
 * whether it is raised and since when. A change of state is written once, under a
 * compare-and-set, with its audit entry.
 */
export const warningStates = pgTable("warning_states", {
  key: text().primaryKey(),
  raised: boolean().notNull(),
  since: instant("since").notNull(),
  /** The figure that raised or cleared it, for the audit entry and the banner. */
  detail: jsonb().$type<Record<string, unknown>>(),
});
