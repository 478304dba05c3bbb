import { type AnyColumn, type SQL, sql } from "drizzle-orm";

import type { Db } from "../client";
import { type SearchSpec, searchTerms } from "../queries/keyset";
import { likeLiteral } from "../queries/portable";

/** Trigrams: a shorter fragment can only be looked up as a prefix. */
const MIN_FRAGMENT = 3;

/**
 * Free-text search on PostgreSQL: by prefix, and by any fragment of 3+ characters in any
 * case where the table has fragment columns. Each fragment column has a `pg_trgm` GIN index
 * on its lower-cased value (db/pg/migrations/0001_native.sql), which serves both
 * `lower(c) like 'abc%'` and `like '%abc%'`; a prefix-only column has a `text_pattern_ops`
 * index, looked up in each spelling `searchTerms` gives (as on SQLite). The planner picks
 * between collecting the matches and walking the list's own time index.
 */
export async function searchPostgres(_db: Db, spec: SearchSpec, q: string): Promise<SQL> {
  const terms = searchTerms(q);
  const fragmentColumns = new Set<AnyColumn>(spec.fragment?.columns ?? []);
  const tests: SQL[] = [];
  const lowered = [...new Set(terms.map((term) => term.toLowerCase()))];
  for (const column of fragmentColumns)
    for (const term of lowered) {
      const pattern =
        [...term].length >= MIN_FRAGMENT ? `%${likeLiteral(term)}%` : `${likeLiteral(term)}%`;
      tests.push(sql`lower(${column}) like ${pattern}`);
    }
  for (const column of spec.prefix) {
    if (fragmentColumns.has(column)) continue;
    for (const term of terms) tests.push(sql`${column} like ${`${likeLiteral(term)}%`}`);
  }
  return sql`(${sql.join(tests, sql` or `)})`;
}
