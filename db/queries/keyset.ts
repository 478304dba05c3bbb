import { type AnyColumn, asc, desc, type SQL, sql } from "drizzle-orm";

import type { SQLiteTable } from "drizzle-orm/sqlite-core";

import type { Db } from "../client";
import { REVIEW_REASONS, type ReviewReason } from "../enums";

/** A cursor's instant (milliseconds) bound as `time`'s column stores it. */
const at = (time: AnyColumn, ms: number) => sql.param(new Date(ms), time);

/** A position in a list ordered by (time, id): the last row shown. */
export type Cursor = { t: number; id: string };

/** Keyset pagination on (time, id): the condition after a cursor and the matching order. */
export function keyset(time: AnyColumn, id: AnyColumn, ascending: boolean, cursor?: Cursor) {
  const after: SQL | undefined = cursor
    ? ascending
      ? sql`(${time}, ${id}) > (${at(time, cursor.t)}, ${cursor.id})`
      : sql`(${time}, ${id}) < (${at(time, cursor.t)}, ${cursor.id})`
    : undefined;
  const orderBy = ascending ? [asc(time), asc(id)] : [desc(time), desc(id)];
  return { after, orderBy };
}

/** A position in a log ordered by (time, integer id), newest first. */
export type LogCursor = { t: number; id: number };

/** Keyset pagination of a log, newest first, on (time, integer id). */
export function logKeyset(time: AnyColumn, id: AnyColumn, cursor?: LogCursor) {
  return {
    after: cursor ? sql`(${time}, ${id}) < (${at(time, cursor.t)}, ${cursor.id})` : undefined,
    orderBy: [desc(time), desc(id)],
  };
}

/** Merges newest-first pages, one per index walk, into one page of the log. */
export function mergeNewestFirst<T>(parts: T[][], key: (row: T) => LogCursor, limit: number): T[] {
  return parts
    .flat()
    .sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      return y.t - x.t || y.id - x.id;
    })
    .slice(0, limit);
}

/** Merges pages read one index value at a time into one page in (time, id) order. */
function mergePages<T>(
  parts: T[][],
  key: (row: T) => Cursor,
  ascending: boolean,
  limit: number,
): T[] {
  return parts
    .flat()
    .sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      const order = x.t - y.t || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
      return ascending ? order : -order;
    })
    .slice(0, limit);
}

/** The filters a list can split into one index walk per value. */
type SplittableFilter = {
  statuses?: readonly string[];
  needsReview?: boolean;
  reviewReason?: ReviewReason;
};

/**
 * One page of a list whose filter names several values of an indexed column (two statuses,
 * "needs review" = any reason): one index walk per value, merged, instead of letting SQLite
 * collect and sort every match. Any other filter is read as it is.
 */
export async function pageByIndexValue<F extends SplittableFilter, T>(
  filter: F,
  readOnce: (filter: F) => Promise<T[]>,
  order: { key: (row: T) => Cursor; ascending: boolean; limit: number },
): Promise<T[]> {
  const parts: F[] =
    filter.statuses && filter.statuses.length > 1
      ? filter.statuses.map((status) => ({ ...filter, statuses: [status] }))
      : filter.needsReview
        ? REVIEW_REASONS.map((reason) => ({ ...filter, needsReview: false, reviewReason: reason }))
        : [];
  if (parts.length === 0) return readOnce(filter);
  const pages = await Promise.all(parts.map(readOnce));
  return mergePages(pages, order.key, order.ascending, order.limit);
}

/**
 * Where a list searches: ids and the columns people type from memory by prefix (each through
 * its own index; one or two characters can only be a prefix), and any fragment of 3+
 * characters of them in any case through an FTS5 trigram table
 * (db/migrations/0015_id_fragments.sql) whose rowid is the row's.
 */
export type SearchSpec = {
  table: SQLiteTable;
  prefix: AnyColumn[];
  fragment?: { fts: string; columns: AnyColumn[] };
};

/**
 * The spellings a typed value is looked up in: as typed, upper- and lower-cased (ids are
 * stored in one case, people type either), and for a number typed with separators
 * (`611-7-70702-2`, `1 234`) its digits alone.
 */
export function searchTerms(q: string): string[] {
  const terms = [q, q.toUpperCase(), q.toLowerCase()];
  if (/^[\d\s.-]+$/.test(q)) terms.push(q.replace(/\D/g, ""));
  return [...new Set(terms)].filter((term) => term.length > 0);
}

/**
 * Free-text search: by prefix, and by any fragment of 3+ characters, case-insensitively.
 * Each database answers it with its own indexes (db/store.ts, `searchCondition`).
 */
export function searchCondition(db: Db, spec: SearchSpec, q: string): Promise<SQL> {
  return db.$store.searchCondition(db, spec, q);
}
