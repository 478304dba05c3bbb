import "server-only";

import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";

import { dialect, POSTGRES_URL } from "./dialect";
import { openPostgres } from "./pg/store";
import { openSqlite } from "./sqlite/store";
import { type Isolation, inTx, type Store } from "./store";

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
 * (it could only wait for itself). `locked rows` (db/store.ts) only for a body whose every
 * decision rests on rows it read through `lockedRow`; joined, the outer transaction's holds.
 */
export function withTx<T>(
  db: Db,
  body: (tx: Tx) => Promise<T>,
  isolation: Isolation = "serializable",
): Promise<T> {
  return inTx(db) ? body(db) : db.$store.transaction(body, isolation);
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
