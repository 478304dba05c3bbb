import { sql } from "drizzle-orm";
import { integer } from "drizzle-orm/sqlite-core";

/** Column helpers every table file shares. */

/** Instants are stored as integer milliseconds since the epoch, UTC. */
export const instant = (name: string) => integer(name, { mode: "timestamp_ms" });

/** The database's clock, in the same unit, for defaults. */
export const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;

/** A CHECK list of allowed values. */
export const inList = (values: readonly string[]) =>
  sql.raw(values.map((v) => `'${v}'`).join(", "));
