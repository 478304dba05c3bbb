import "server-only";

import fs from "node:fs";
import path from "node:path";

import Database from "better-sqlite3";
import { type Column, eq, getTableName, sql } from "drizzle-orm";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";

import type { SQLiteTable } from "drizzle-orm/sqlite-core";

import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** The handle inside `db.transaction(...)`: synchronous, so one transaction never interleaves. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

const MIGRATIONS = path.join(process.cwd(), "db", "migrations");

/**
 * Opens (creating if needed) a SQLite file and brings its schema up to date.
 *
 * `FULL` (the default): a transaction that returned is on disk, so an acknowledged callback,
 * a person's decision or an order about to be sent survives a killed process and a power cut
 * alike. `NORMAL` is only for the callback worker's own connection (lib/db.ts): its commits
 * are not synced one by one, but the write-ahead log is append-only, so the next `FULL`
 * commit on the file syncs them too. What a power cut can take is the worker's latest
 * results, never an acknowledgement: their callbacks are `received` again and processed
 * again, and processing is idempotent (the event key and the change commit together).
 */
export function openDb(file: string, synchronous: "FULL" | "NORMAL" = "FULL"): Db {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma(`synchronous = ${synchronous}`);
  const db = drizzle({ client: sqlite, schema, casing: "snake_case" });
  migrate(db, { migrationsFolder: MIGRATIONS });
  return db;
}

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * A prepared statement kept for the connection's life: for the few queries on the hottest
 * paths (callback intake, the worker's claim), where building the SQL and preparing it on
 * every call costs more than running it.
 */
export function prepared(db: Db, text: string): Database.Statement {
  let cache = statements.get(db.$client);
  if (!cache) statements.set(db.$client, (cache = new Map()));
  let statement = cache.get(text);
  if (!statement) cache.set(text, (statement = db.$client.prepare(text)));
  return statement;
}

const queries = new WeakMap<Database.Database, Map<string, unknown>>();

/**
 * A drizzle query built and prepared once per connection, for the callback worker's path
 * (`sql.placeholder` for what varies). Building a query costs more than running it there.
 * It runs on the connection it was prepared on, so inside `db.transaction` it is part of
 * the transaction.
 */
export function preparedQuery<Q>(db: Db, name: string, build: () => Q): Q {
  let cache = queries.get(db.$client);
  if (!cache) queries.set(db.$client, (cache = new Map()));
  if (!cache.has(name)) cache.set(name, build());
  return cache.get(name) as Q;
}

/**
 * The row of `table` whose `column` equals `key`, through a query built and prepared once
 * per connection: for the look-ups made on every request or callback (the signed-in user,
 * the order a callback names, a stored callback).
 */
export function rowBy<T extends SQLiteTable>(
  db: Db,
  table: T,
  column: Column,
  key: string | number,
): T["$inferSelect"] | undefined {
  const query = preparedQuery(db, `${getTableName(table)} by ${column.name}`, () =>
    db
      .select()
      .from(table as SQLiteTable)
      .where(eq(column, sql.placeholder("key")))
      .prepare(),
  );
  return query.get({ key }) as T["$inferSelect"] | undefined;
}
