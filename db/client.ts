import "server-only";

import { type Column, eq, getTableName, sql } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";

import { dialect, POSTGRES_URL } from "./dialect";
import { openPostgres } from "./pg/store";
import { openSqlite } from "./sqlite/store";
import { inTx, type Store } from "./store";

/**
 * The drizzle query builder every shared query (db/queries) is written against: SQLite's
 * type, PostgreSQL's at run time there (the builder calls the queries use are the same). No
 * relational `db.query`: it is spelled differently on each database.
 */
type Drizzle = BetterSQLite3Database;

/**
 * A handle on the database. Outside a transaction it reads what is committed; every write
 * goes through `withTx`. `$store` is the database's own side of the seam (db/store.ts).
 */
export type Db = Drizzle & { readonly $store: Store };

/** The handle inside `withTx`: every statement on it is part of the one transaction. */
export type Tx = Db & { readonly $tx: true };

/**
 * The one way to open a transaction: `body` runs in it and what it returns is returned once
 * committed; a throw rolls all of it back and is thrown again. Given a transaction's `tx`,
 * the body joins that transaction. Transactions never interleave and waiting for one never
 * blocks the event loop; opening a second one with the outer `db` inside a body is refused
 * (it could only wait for itself).
 */
export function withTx<T>(db: Db, body: (tx: Tx) => Promise<T>): Promise<T> {
  return inTx(db) ? body(db) : db.$store.transaction(body);
}

export type OpenOptions = {
  /** SQLite: how a commit reaches the disk (db/sqlite/store.ts, `openSqlite`). */
  synchronous?: "FULL" | "NORMAL";
  /** PostgreSQL: connections in this handle's pool. */
  pool?: number;
};

/**
 * Opens the database at `location`, creating (SQLite) and migrating it as needed: a
 * `postgres://` URL is PostgreSQL (db/pg/store.ts), anything else a SQLite file. It must be
 * the database this process chose (db/dialect.ts): the shared queries use that one's tables.
 */
export function openDb(location: string, options: OpenOptions = {}): Db {
  const postgres = POSTGRES_URL.test(location);
  if (postgres !== (dialect === "postgres"))
    throw new Error(
      `This process runs on ${dialect} (DATABASE_URL ${dialect === "postgres" ? "names PostgreSQL" : "is unset"}): it cannot open ${postgres ? "a PostgreSQL database" : "a SQLite file"}`,
    );
  return postgres
    ? openPostgres(location, { max: options.pool ?? 10 })
    : openSqlite(location, options.synchronous ?? "FULL");
}

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
  const query = preparedQuery(db, `${getTableName(table)} by ${column.name}`, () =>
    db
      .select()
      .from(table as SQLiteTable)
      .where(eq(column, sql.placeholder("key")))
      .prepare(),
  );
  const [row] = await query.execute({ key });
  return row as T["$inferSelect"] | undefined;
}
