import { sql } from "drizzle-orm";
import { timestamp } from "drizzle-orm/pg-core";

/** Column helpers every PostgreSQL table file shares (the SQLite ones: db/columns.ts). */

/** Instants: `timestamptz` to the millisecond, read back as `Date` as on SQLite. */
export const instant = (name: string) =>
  timestamp(name, { withTimezone: true, precision: 3, mode: "date" });

/** The database's clock, for defaults. */
export const now = sql`now()`;

/** A CHECK list of allowed values: written the same on both databases. */
export { inList } from "../columns";
