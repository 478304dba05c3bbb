import path from "node:path";

import Database from "better-sqlite3";

/**
 * SQLite's connections and what the handles on one file share in a thread (db/sqlite/store.ts
 * builds the store on them).
 */

/** How long a writer waits for another connection's (thread's, process's) write lock. */
export const BUSY_MS = 5_000;

/**
 * One writer at a time per file in this thread, in arrival order. Every write of this
 * thread's connections to a file goes through it, so none of them ever waits on another's
 * lock inside SQLite (which would block the event loop the holder needs to finish).
 */
export class WriteLock {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}

export type Shared = { key: string; lock: WriteLock; reader?: Database.Database; readers: number };
const holder = globalThis as typeof globalThis & { __opsSqliteFiles?: Map<string, Shared> };

/**
 * What every handle on a file in this thread shares: the write lock, and one read-only
 * connection (reads are synchronous statements, so handles never interleave on it).
 */
export const sharedOf = (file: string): Shared => {
  const files = (holder.__opsSqliteFiles ??= new Map());
  const key = file === ":memory:" ? `${file}:${files.size}` : path.resolve(file);
  let shared = files.get(key);
  if (!shared) files.set(key, (shared = { key, lock: new WriteLock(), readers: 0 }));
  return shared;
};

/** Forgets a file's shared parts once its last handle closed. */
export function forgetShared(shared: Shared): void {
  holder.__opsSqliteFiles?.delete(shared.key);
}

export function connect(file: string, synchronous: "FULL" | "NORMAL", readonly: boolean) {
  const sqlite = new Database(file, readonly ? { readonly: true, fileMustExist: true } : {});
  if (!readonly) sqlite.pragma("journal_mode = WAL");
  // The writer never waits inside SQLite (see `begin`); a reader seldom has to (WAL).
  sqlite.pragma(`busy_timeout = ${readonly ? BUSY_MS : 0}`);
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma(`synchronous = ${synchronous}`);
  return sqlite;
}

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * A prepared statement kept for the connection's life: for the few queries on the hottest
 * paths (callback intake, the worker's claim), where building the SQL and preparing it on
 * every call costs more than running it.
 */
export function prepared(sqlite: Database.Database, text: string): Database.Statement {
  let cache = statements.get(sqlite);
  if (!cache) statements.set(sqlite, (cache = new Map()));
  let statement = cache.get(text);
  if (!statement) cache.set(text, (statement = sqlite.prepare(text)));
  return statement;
}

const RAW_MAX = 200;
const raws = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** A raw-array statement per SQL text, the most recently used 200 kept (a filter's shape is its text). */
export function rawStatement(sqlite: Database.Database, text: string): Database.Statement {
  let cache = raws.get(sqlite);
  if (!cache) raws.set(sqlite, (cache = new Map()));
  let statement = cache.get(text);
  if (statement) {
    cache.delete(text);
  } else {
    statement = sqlite.prepare(text).raw(true);
    if (cache.size >= RAW_MAX) cache.delete(cache.keys().next().value ?? "");
  }
  cache.set(text, statement);
  return statement;
}
