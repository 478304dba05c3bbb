import { AsyncLocalStorage } from "node:async_hooks";
import fs from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";

import type { Column, SQL } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";

import type { Db, Tx } from "../client";
import { rowBy } from "../prepared";
import type { SearchSpec } from "../queries/keyset";
import { historyAfter, newestHistoryId } from "../queries/history";
import { storeRefused } from "../queries/refused";
import type { CallbackRow } from "./schema";
import {
  type BackupReport,
  inTx,
  ReceivedCallback,
  type RefusedBounds,
  type RefusedCallback,
  type Store,
} from "../store";
import {
  BUSY_MS,
  connect,
  forgetShared,
  prepared,
  rawStatement,
  type Shared,
  sharedOf,
  type WriteLock,
} from "./connections";
import {
  acquireLeaseSqlite,
  claimCallbacksSqlite,
  claimDeliverySqlite,
  holdsLeaseSqlite,
  pruneLapsedLeasesSqlite,
  releaseLeaseSqlite,
  takeLeaseSqlite,
} from "./leases";
import { backupTo, integrityOf } from "./maintenance";
import { searchSqlite } from "./search";

const MIGRATIONS = path.join(process.cwd(), "db", "migrations");

/** Raw parameters as SQLite binds them: an instant as its milliseconds (how instants are stored). */
const bindable = (values: unknown[]) =>
  values.map((value) => (value instanceof Date ? value.getTime() : value));

/** The write locks this async context holds: a second `withTx(db)` inside one would wait forever. */
const held = new AsyncLocalStorage<ReadonlySet<WriteLock>>();

export class NestedTransactionError extends Error {
  constructor() {
    super("withTx(db) inside a transaction on the same database: pass the transaction's tx");
  }
}

class BusyError extends Error {
  readonly code = "SQLITE_BUSY";
  constructor() {
    super(`database is locked: no write lock within ${BUSY_MS} ms`);
  }
}

/**
 * SQLite behind the seam. Reads outside a transaction on a read-only connection (one per file
 * in a thread, shared by its handles), which sees only what is committed; every write on the
 * handle's writer, one transaction at a time behind the file's `WriteLock`, opened with
 * `BEGIN IMMEDIATE` (taken at once or retried with a timer: another process's lock never
 * blocks the event loop).
 */
class SqliteStore implements Store {
  readonly dialect = "sqlite" as const;
  readonly lock: WriteLock;
  tx!: Tx;

  constructor(
    readonly location: string,
    readonly reader: Database.Database,
    readonly writer: Database.Database,
    private readonly shared: Shared,
  ) {
    this.lock = shared.lock;
  }

  ready(): Promise<void> {
    return Promise.resolve();
  }

  /** Takes the write lock of the file for this connection: `BEGIN IMMEDIATE`, retried. */
  private async begin(): Promise<void> {
    const begin = prepared(this.writer, "begin immediate");
    const deadline = Date.now() + BUSY_MS;
    for (let wait = 1; ; wait = Math.min(wait * 2, 20)) {
      try {
        begin.run();
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== "SQLITE_BUSY") throw error;
        if (Date.now() >= deadline) throw new BusyError();
        await sleep(wait);
      }
    }
  }

  private rollback(): void {
    if (this.writer.inTransaction) prepared(this.writer, "rollback").run();
  }

  transaction<T>(body: (tx: Tx) => Promise<T>): Promise<T> {
    const mine = held.getStore();
    if (mine?.has(this.lock)) return Promise.reject(new NestedTransactionError());
    return this.lock.run(async () => {
      await this.begin();
      let result: T;
      try {
        result = await held.run(new Set([...(mine ?? []), this.lock]), () => body(this.tx));
        prepared(this.writer, "commit").run();
      } catch (error) {
        this.rollback();
        throw error;
      }
      return result;
    });
  }

  lockedRow<T extends SQLiteTable>(tx: Tx, table: T, column: Column, key: string | number) {
    // The transaction holds the file's write lock: no other writer runs until it ends.
    return rowBy(tx, table, column, key);
  }

  /** Synchronous work on the writer as one transaction, behind the lock (the store's own writes). */
  private write<T>(work: (writer: Database.Database) => T): Promise<T> {
    return this.transaction(async () => work(this.writer));
  }

  acquireLease(name: string, holder: string, ttlMs: number, now?: number): Promise<boolean> {
    return this.write((w) => acquireLeaseSqlite(w, name, holder, ttlMs, now));
  }

  releaseLease(name: string, holder: string): Promise<void> {
    return this.write((w) => releaseLeaseSqlite(w, name, holder));
  }

  takeLease(name: string, holder: string, ttlMs: number): Promise<number | null> {
    return this.write((w) => takeLeaseSqlite(w, name, holder, ttlMs));
  }

  async holdsLease(_tx: Tx, name: string, holder: string, epoch: number): Promise<boolean> {
    // Inside the transaction, on the writer.
    return holdsLeaseSqlite(this.writer, name, holder, epoch);
  }

  pruneLapsedLeases(prefix: string, now?: number): Promise<void> {
    return this.write((w) => pruneLapsedLeasesSqlite(w, prefix, now));
  }

  insertCallbacks(rows: ReceivedCallback[]): Promise<number[]> {
    return this.write((w) => {
      const insert = prepared(
        w,
        `insert into callbacks (upstream, raw_body, verification, entity_id, order_id, ip, headers,
                                result, detail, received_at, processed_at)
         values (@upstream, @rawBody, @verification, @entityId, @orderId, @ip, @headers, @result,
                 @detail, coalesce(@receivedAt, cast(unixepoch('subsec') * 1000 as integer)),
                 @processedAt)`,
      );
      return rows.map((row) => {
        const info = insert.run({
          upstream: row.upstream,
          rawBody: row.rawBody,
          verification: row.verification,
          entityId: row.entityId ?? null,
          orderId: row.orderId ?? null,
          ip: row.ip ?? null,
          headers: row.headers ? JSON.stringify(row.headers) : null,
          result: row.result,
          detail: row.detail ?? null,
          receivedAt: row.receivedAt?.getTime() ?? null,
          processedAt: row.processedAt?.getTime() ?? null,
        });
        return Number(info.lastInsertRowid);
      });
    });
  }

  claimCallbacks(
    upstreams: readonly string[],
    limit: number,
    claimMs: number,
    holder: string,
    now?: number,
  ): Promise<Pick<CallbackRow, "id" | "upstream">[]> {
    if (upstreams.length === 0 || limit <= 0) return Promise.resolve([]);
    return this.write((w) => claimCallbacksSqlite(w, upstreams, limit, claimMs, holder, now));
  }

  claimDelivery(now: Date, until: Date, key?: string): Promise<number | undefined> {
    return this.write((w) => claimDeliverySqlite(w, now, until, key));
  }

  storeRefusedCallback(
    callback: RefusedCallback,
    minute: Date,
    bounds: RefusedBounds,
  ): Promise<number | null> {
    // One writer at a time: the tally's read and its update cannot interleave with another's.
    return this.transaction((tx) => storeRefused(tx, callback, minute, bounds));
  }

  changesSince(db: Db, since: number, limit: number) {
    return historyAfter(db, since, limit);
  }

  latestChangeId(db: Db): Promise<number> {
    return newestHistoryId(db);
  }

  searchCondition(db: Db, spec: SearchSpec, q: string): Promise<SQL> {
    return searchSqlite(db, spec, q);
  }

  async arrays(db: Db, text: string, params: unknown[]): Promise<unknown[][]> {
    return rawStatement(inTx(db) ? this.writer : this.reader, text).all(...params) as unknown[][];
  }

  async query<T>(db: Db, text: string, values: unknown[] = []): Promise<T[]> {
    const params = bindable(values);
    const run = (statement: Database.Statement) =>
      (statement.reader ? statement.all(...params) : [statement.run(...params)]) as T[];
    if (inTx(db)) return run(this.writer.prepare(text));
    const statement = this.reader.prepare(text);
    // A write outside a transaction is a transaction of its own, on the writer.
    return statement.readonly ? run(statement) : this.write((w) => run(w.prepare(text)));
  }

  exec(text: string): Promise<void> {
    return this.lock.run(async () => void this.writer.exec(text));
  }

  async bulk(text: string, rows: unknown[][]): Promise<void> {
    await this.write((w) => {
      const statement = w.prepare(text);
      for (const row of rows) statement.run(...bindable(row));
    });
  }

  async integrity(): Promise<string> {
    return integrityOf(this.reader);
  }

  backup(file: string): Promise<BackupReport> {
    return backupTo(this.reader, file);
  }

  close(): void {
    if (this.reader !== this.writer && --this.shared.readers === 0) {
      this.reader.close();
      forgetShared(this.shared);
    }
    this.writer.close();
  }
}

/**
 * Opens (creating if needed) a SQLite file, brings its schema up to date and returns the
 * handle for reads outside a transaction (its way into one: `withTx`).
 *
 * `FULL` (the default): a transaction that returned is on disk, so an acknowledged callback,
 * a person's decision or an order about to be sent survives a killed process and a power cut
 * alike. `NORMAL` is only for the callback worker's own handle (lib/db.ts): its commits are
 * not synced one by one, but the write-ahead log is append-only, so the next `FULL` commit on
 * the file syncs them too. What a power cut can take is the worker's latest results, never
 * an acknowledgement: their callbacks are `received` again and processed again, and
 * processing is idempotent (the event key and the change commit together).
 */
export function openSqlite(file: string, synchronous: "FULL" | "NORMAL" = "FULL"): Db {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const writer = connect(file, synchronous, false);
  const options = { casing: "snake_case" } as const;
  // Before any transaction of this process: another process (or this one's callback thread)
  // may be migrating the same file, so this one waits inside SQLite, once.
  writer.pragma(`busy_timeout = ${BUSY_MS}`);
  migrate(drizzle({ client: writer, ...options }), { migrationsFolder: MIGRATIONS });
  writer.pragma("busy_timeout = 0");
  // `:memory:` is a database per connection: there the reader is the writer.
  const shared = sharedOf(file);
  let reader = writer;
  if (file !== ":memory:") {
    reader = shared.reader ??= connect(file, "FULL", true);
    shared.readers++;
  }
  const store = new SqliteStore(file, reader, writer, shared);
  store.tx = Object.assign(drizzle({ client: writer, ...options }), {
    $store: store,
    $tx: true as const,
  });
  return Object.assign(drizzle({ client: reader, ...options }), { $store: store });
}
