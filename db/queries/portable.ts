import { type SQL, type SQLWrapper, sql } from "drizzle-orm";

import { dialect } from "../dialect";

/**
 * The few expressions SQLite and PostgreSQL spell differently, written once for the shared
 * queries. Everything else in db/queries is drizzle's builder, which spells itself.
 */

/** A LIKE pattern that means `text` literally (its own `%`, `_` and `\` escaped). */
export const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** `expr` contains `pattern` (a LIKE pattern, `\` escapes) in any letter case. */
export const likeAnyCase = (expr: SQLWrapper, pattern: string): SQL =>
  dialect === "postgres"
    ? sql`${expr} ilike ${pattern} escape '\\'`
    : sql`${expr} like ${pattern} escape '\\'`;

/** The text of `key` in a JSON object column. */
export const jsonText = (column: SQLWrapper, key: string): SQL =>
  dialect === "postgres"
    ? sql`(${column} ->> ${sql.raw(`'${key}'`)})`
    : sql`json_extract(${column}, ${sql.raw(`'$.${key}'`)})`;

/** Milliseconds from instant `earlier` to instant `later`, as a number. */
export const msBetween = (later: SQLWrapper, earlier: SQLWrapper): SQL<number> =>
  (dialect === "postgres"
    ? sql<number>`(extract(epoch from (${later} - ${earlier})) * 1000)`
    : sql<number>`(${later} - ${earlier})`
  ).mapWith(Number);

/** The sum of `expr` over the group, 0 when it has no rows, as a number. */
export const sumOf = (expr: SQLWrapper): SQL<number> =>
  sql<number>`coalesce(sum(${expr}), 0)`.mapWith(Number);

/** The rows a condition holds for, counted over the group. */
export const countWhere = (condition: SQL): SQL<number> =>
  sql<number>`count(*) filter (where ${condition})`.mapWith(Number);

/** The database's clock as an instant column's value (one clock for every instance). */
export const databaseNow = (): SQL =>
  dialect === "postgres"
    ? sql`clock_timestamp()`
    : sql`cast(unixepoch('subsec') * 1000 as integer)`;
