import { type AnyColumn, asc, desc, type SQL, sql } from "drizzle-orm";
import { toSnakeCase } from "drizzle-orm/casing";

import type { SQLiteTable } from "drizzle-orm/sqlite-core";

import type { Db } from "../client";
import { REVIEW_REASONS, type ReviewReason } from "../enums";

/** A position in a list ordered by (time, id): the last row shown. */
export type Cursor = { t: number; id: string };

/** Keyset pagination on (time, id): the condition after a cursor and the matching order. */
export function keyset(time: AnyColumn, id: AnyColumn, ascending: boolean, cursor?: Cursor) {
  const after: SQL | undefined = cursor
    ? ascending
      ? sql`(${time}, ${id}) > (${cursor.t}, ${cursor.id})`
      : sql`(${time}, ${id}) < (${cursor.t}, ${cursor.id})`
    : undefined;
  const orderBy = ascending ? [asc(time), asc(id)] : [desc(time), desc(id)];
  return { after, orderBy };
}

/** A position in a log ordered by (time, integer id), newest first. */
export type LogCursor = { t: number; id: number };

/** Keyset pagination of a log, newest first, on (time, integer id). */
export function logKeyset(time: AnyColumn, id: AnyColumn, cursor?: LogCursor) {
  return {
    after: cursor ? sql`(${time}, ${id}) < (${cursor.t}, ${cursor.id})` : undefined,
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
 * `column` equals or starts with the text, as an index range (no LIKE, no scan). `walked`:
 * the same test written `+column`, which no index can serve, so that SQLite keeps walking
 * the list's own ordered index and filters on the way instead of collecting every match.
 */
export function startsWith(column: AnyColumn, text: string, walked = false): SQL {
  const c = walked ? sql`+${column}` : sql`${column}`;
  return sql`(${c} >= ${text} and ${c} < ${`${text}\uffff`})`;
}

/** Above this many matches, walking the time index and filtering beats collecting ids. */
const DENSE_MATCHES = 2_000;

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

/** Trigrams: a shorter fragment can only be looked up as a prefix. */
const MIN_FRAGMENT = 3;
/** A longer fragment is looked up by this many of its last characters, then checked whole. */
const PROBE_CHARS = 12;

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

/** An FTS5 phrase: the fragment as one quoted string, its own quotes doubled. */
const phrase = (term: string) => `"${term.replaceAll('"', '""')}"`;

/**
 * Free-text search: by prefix, and by any fragment of 3+ characters, case-insensitively. Rare
 * matches: the ids are collected through the indexes. Common ones (a first name shared by
 * thousands): the list's own ordered walk filters on the same tests and stops at a page.
 * Both answer the same rows.
 */
export async function searchCondition(db: Db, spec: SearchSpec, q: string): Promise<SQL> {
  const terms = searchTerms(q);
  const { fragment } = spec;
  // The trigram index ignores case: one lower-case spelling of each term is enough.
  const fragments = fragment
    ? [
        ...new Set(
          terms.filter((term) => [...term].length >= MIN_FRAGMENT).map((t) => t.toLowerCase()),
        ),
      ]
    : [];
  // Each select names rows by rowid: read from the column indexes and the trigram table
  // alone, never from a row (the trigram table's rowid is its order's: the triggers of
  // db/migrations/0015_id_fragments.sql write it so).
  const selects = terms.flatMap((term) =>
    spec.prefix.map(
      (column) => sql`select rowid from ${spec.table} where ${startsWith(column, term)}`,
    ),
  );
  if (fragment) {
    const fts = sql.raw(`"${fragment.fts}"`);
    for (const term of fragments) {
      // A whole id would make the index read every row's "TU-" or "2026": it is looked up by
      // its last characters (rare ones) and the rows found are checked for all of it.
      const chars = [...term];
      if (chars.length <= PROBE_CHARS) {
        selects.push(sql`select rowid from ${fts} where ${fts} match ${phrase(term)}`);
        continue;
      }
      const probe = chars.slice(-PROBE_CHARS).join("");
      const whole = fragment.columns.map(
        // The trigram table's own copy of the column (db columns are snake_case).
        (column) => sql`instr(lower(${sql.raw(`"${toSnakeCase(column.name)}"`)}), ${term}) > 0`,
      );
      selects.push(
        sql`select rowid from ${fts} where ${fts} match ${phrase(probe)} and (${sql.join(whole, sql` or `)})`,
      );
    }
  }
  // The matches are read once, up to one past "dense" (UNION ALL lets the limit stop the
  // scans early; a row found twice only errs toward "dense"); when they are few the page is
  // read by those rows, so the indexes are not asked the same question twice.
  const found = await db.values<[number]>(
    sql`${sql.join(selects, sql` union all `)} limit ${DENSE_MATCHES + 1}`,
  );
  if (found.length <= DENSE_MATCHES) {
    // One bound array, however many: the statement's text stays the same.
    const rowids = JSON.stringify([...new Set(found.map(([rowid]) => rowid))]);
    return sql`${spec.table}.rowid in (select value from json_each(${rowids}))`;
  }
  // Written so no index serves it: otherwise SQLite collects all matches through the column
  // indexes and sorts them, 80 ms for a first name shared by 25,000.
  const walked = [
    ...terms.flatMap((term) => spec.prefix.map((column) => startsWith(column, term, true))),
    ...fragments.flatMap((term) =>
      (fragment?.columns ?? []).map((column) => sql`instr(lower(+${column}), ${term}) > 0`),
    ),
  ];
  return sql`(${sql.join(walked, sql` or `)})`;
}
