import type { Column } from "drizzle-orm";
import type Database from "better-sqlite3";

import type { Db } from "../client";

/** A select whose fields are one flat object of columns: what `flatRows` runs. */
type FlatSelect<R> = {
  toSQL(): { sql: string; params: unknown[] };
  _: { result: R };
};

const STATEMENTS_MAX = 200;
const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** A statement per SQL text, the most recently used 200 kept (a filter's shape is its text). */
function statementFor(db: Db, text: string): Database.Statement {
  let cache = statements.get(db.$client);
  if (!cache) statements.set(db.$client, (cache = new Map()));
  let statement = cache.get(text);
  if (statement) {
    cache.delete(text);
  } else {
    statement = db.$client.prepare(text).raw(true);
    if (cache.size >= STATEMENTS_MAX) cache.delete(cache.keys().next().value ?? "");
  }
  cache.set(text, statement);
  return statement;
}

/**
 * Runs a list's select and turns each row into an object with each column's own decoder,
 * as drizzle does, but without its general row mapper (nested paths, an iterator and a
 * lookup per field per row) and without preparing the same SQL again on every request:
 * on a 50-row page those cost several times the query itself and most of a request's
 * garbage. `fields` must be the object the select was built with (same keys, same order).
 */
export function flatRows<R>(db: Db, fields: Record<string, Column>, query: FlatSelect<R[]>): R[] {
  const { sql, params } = query.toSQL();
  const keys = Object.keys(fields);
  const columns = Object.values(fields);
  const raw = statementFor(db, sql).all(...params) as unknown[][];
  return raw.map((values) => {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      const value = values[i];
      row[keys[i] as string] =
        value === null || value === undefined
          ? null
          : (columns[i] as Column).mapFromDriverValue(value);
    }
    return row as R;
  });
}
