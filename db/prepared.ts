import { type Column, eq, getTableName, sql } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";

import type { Db } from "./client";

const queries = new WeakMap<object, Map<string, unknown>>();

/**
 * A drizzle query built and prepared once per handle, for the hottest paths
 * (`sql.placeholder` for what varies): building a query there costs more than running it.
 * Prepared on a transaction's `tx`, it runs in that transaction.
 */
export function preparedQuery<Q>(db: Db, name: string, build: () => Q): Q {
  let cache = queries.get(db);
  if (!cache) queries.set(db, (cache = new Map()));
  if (!cache.has(name)) cache.set(name, build());
  return cache.get(name) as Q;
}

/**
 * The row of `table` whose `column` equals `key`, through a query built and prepared once
 * per handle: for the look-ups made on every request or callback (the signed-in user, the
 * order a callback names, a stored callback).
 */
export async function rowBy<T extends SQLiteTable>(
  db: Db,
  table: T,
  column: Column,
  key: string | number,
): Promise<T["$inferSelect"] | undefined> {
  const name = `${getTableName(table)} by ${column.name}`;
  const query = preparedQuery(db, name, () => {
    const select = db
      .select()
      .from(table as SQLiteTable)
      .where(eq(column, sql.placeholder("key")));
    // Named, PostgreSQL parses and plans it once per connection (SQLite's `prepare` takes no name).
    return (select.prepare as (name?: string) => ReturnType<typeof select.prepare>).call(
      select,
      name,
    );
  });
  const [row] = await query.execute({ key });
  return row as T["$inferSelect"] | undefined;
}
