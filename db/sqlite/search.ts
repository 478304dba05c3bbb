import { type AnyColumn, type SQL, sql } from "drizzle-orm";
import { toSnakeCase } from "drizzle-orm/casing";

import type { Db } from "../client";
import { type SearchSpec, searchTerms } from "../queries/keyset";

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

/** Trigrams: a shorter fragment can only be looked up as a prefix. */
const MIN_FRAGMENT = 3;
/** A longer fragment is looked up by this many of its last characters, then checked whole. */
const PROBE_CHARS = 12;

/** An FTS5 phrase: the fragment as one quoted string, its own quotes doubled. */
const phrase = (term: string) => `"${term.replaceAll('"', '""')}"`;

/**
 * Free-text search: by prefix, and by any fragment of 3+ characters, case-insensitively. Rare
 * matches: the ids are collected through the indexes. Common ones (a first name shared by
 * thousands): the list's own ordered walk filters on the same tests and stops at a page.
 * Both answer the same rows.
 */
export async function searchSqlite(db: Db, spec: SearchSpec, q: string): Promise<SQL> {
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
