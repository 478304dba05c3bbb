import type { Column } from "drizzle-orm";

import type { Db } from "../client";

/** A select whose fields are one flat object of columns: what `flatRows` runs. */
type FlatSelect<R> = {
  toSQL(): { sql: string; params: unknown[] };
  _: { result: R };
};

/**
 * Runs a list's select and turns each row into an object with each column's own decoder,
 * as drizzle does, but without its general row mapper (nested paths, an iterator and a
 * lookup per field per row) and without preparing the same SQL again on every request:
 * on a 50-row page those cost several times the query itself and most of a request's
 * garbage. `fields` must be the object the select was built with (same keys, same order).
 */
export async function flatRows<R>(
  db: Db,
  fields: Record<string, Column>,
  query: FlatSelect<R[]>,
): Promise<R[]> {
  const { sql, params } = query.toSQL();
  const keys = Object.keys(fields);
  const columns = Object.values(fields);
  const raw = await db.$store.arrays(db, sql, params);
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
