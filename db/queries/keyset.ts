import { type AnyColumn, asc, desc, type SQL, sql } from "drizzle-orm";

import type { Cursor } from "@/lib/orders/list-params";

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

/** Merges pages read one index value at a time into one page in (time, id) order. */
export function mergePages<T>(
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

/** `column` equals or starts with the text, as an index range (no LIKE, no scan). */
export function startsWith(column: AnyColumn, text: string): SQL {
  return sql`(${column} >= ${text} and ${column} < ${`${text}\uffff`})`;
}
