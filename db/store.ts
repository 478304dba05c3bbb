import type { Column, SQL } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";

import type { Db, Tx } from "./client";
import type { SearchSpec } from "./queries/keyset";
import type { CallbackRow, callbacks } from "./schema";

/** What receiving stores (and what tests back-date): every other column keeps its default. */
export type ReceivedCallback = Pick<
  typeof callbacks.$inferInsert,
  | "upstream"
  | "rawBody"
  | "verification"
  | "entityId"
  | "orderId"
  | "ip"
  | "headers"
  | "result"
  | "detail"
  | "receivedAt"
  | "processedAt"
>;

/**
 * How a transaction keeps others' changes from slipping between its reads and its writes.
 * `serializable` (the default): as if transactions ran one after the other, whatever the body
 * reads. `locked rows`: the body reads what it decides on through `lockedRow`, and that
 * alone is protected — or it decides on nothing (one write of a row by its key, an increment,
 * an insert). On PostgreSQL that is `READ COMMITTED`, each lock held to the end: nothing is
 * refused for a neighbour's write to the same index page, which the hot paths (every status
 * change, every callback's result) need. SQLite has one writer at a time: both are
 * serializable there. `one statement`: the body sends exactly one statement, atomic by
 * itself — on PostgreSQL it runs without `BEGIN` and `COMMIT` (two round trips fewer: a
 * callback's result, an upstream call's record), and a second statement is refused before
 * it is sent. SQLite: as the others.
 */
export type Isolation = "serializable" | "locked rows" | "one statement";

/** Whether a handle is a transaction's (a function given one joins it). */
export const inTx = (db: Db): db is Tx => "$tx" in db;

/** The refused-callback tally's row that counts every address of a minute. */
export const ALL_ADDRESSES = "*";

/** A refused callback as the webhook keeps it: its source address always known. */
export type RefusedCallback = Omit<typeof callbacks.$inferInsert, "id"> & {
  upstream: "p2w" | "payout";
  ip: string;
};

/** How many refused callbacks are stored whole per minute, per source address and in all. */
export type RefusedBounds = { perAddress: number; total: number };

/** A page of the change feed (`Store.changesSince`). */
export type ChangeFeedPage = {
  cursor: number;
  changes: { entityType: "topup" | "withdrawal"; entityId: string }[];
};

/** A copy's proof: how long it took, its integrity verdict and what it holds. */
/**
 * Every table's rows and a sum of their hashes (order does not matter): two databases with
 * the same sums hold the same rows. A backup records its copy's; a restore is checked
 * against them (db/restore.ts).
 */
export type TableSums = Record<string, { rows: number; sum: string }>;

export type BackupReport = {
  ms: number;
  integrity: string;
  counts: Record<string, number>;
  /** The copy's, read from the copy itself (PostgreSQL: from its proof restore). */
  sums: TableSums;
};

/**
 * The seam between the application and its database: what one database does in its own way
 * (a lease's upsert, claiming stored callbacks, the change feed's read, text search, the
 * callback intake's batch, the refused-callback tally, a backup) and how a transaction is
 * opened. Everything else is drizzle code shared by every database (db/queries). One
 * implementation per database: db/sqlite/store.ts, db/pg/store.ts. Nothing outside db/
 * reaches a driver.
 */
export interface Store {
  readonly dialect: "sqlite" | "postgres";
  /** Where the database is: a file's path, or a URL without its password. */
  readonly location: string;
  /**
   * Resolves once the schema is up to date; rejects with what stopped it (the server cannot
   * reach the database, a migration failed). SQLite migrates as it opens; PostgreSQL before
   * its first statement, so a process that must know awaits this.
   */
  ready(): Promise<void>;
  /**
   * Runs `body` in one transaction and returns what it returns; a throw rolls everything
   * back. Transactions are serializable unless `isolation` says `locked rows` (SQLite: one
   * writer at a time; PostgreSQL: the body is run again when the database refuses it, so a
   * body touches nothing but the database), and waiting for one never blocks the event loop.
   * Called only through `withTx` (db/client.ts).
   */
  transaction<T>(body: (tx: Tx) => Promise<T>, isolation?: Isolation): Promise<T>;
  /**
   * The row of `table` whose `column` (unique) equals `key`, read inside `tx` and locked until
   * it ends: any other transaction that changes or locks the row waits, and then sees what
   * this one wrote (PostgreSQL: `FOR UPDATE`; SQLite: the writer is alone already). A `key`
   * with no row locks nothing: an insert of it is decided by the unique index.
   */
  lockedRow<T extends SQLiteTable>(
    tx: Tx,
    table: T,
    column: Column,
    key: string | number,
  ): Promise<T["$inferSelect"] | undefined>;

  /**
   * Takes or renews a lease for `holder` (one statement: two processes never both hold it).
   * `now` (a test's instant) defaults to the database's clock, as for every lease and claim
   * here: the instances' own clocks may differ.
   */
  acquireLease(name: string, holder: string, ttlMs: number, now?: number): Promise<boolean>;
  releaseLease(name: string, holder: string): Promise<void>;
  /**
   * Takes or renews the lease `name` for `holder` for `ttlMs` by the database's clock (the
   * instances' own clocks may differ); resolves with its epoch, or null while another holds
   * it. The epoch grows whenever the lease is taken anew (another holder, or after it lapsed):
   * a fencing token for `holdsLease`. A `ttlMs` of 0 hands the lease over (it lapses now and
   * keeps its epoch).
   */
  takeLease(name: string, holder: string, ttlMs: number): Promise<number | null>;
  /**
   * Whether `holder` still holds `name` at `epoch` by the database's clock, read inside `tx`;
   * the lease cannot pass to another holder before `tx` ends (PostgreSQL: the row stays
   * locked; SQLite: the writer is alone).
   */
  holdsLease(tx: Tx, name: string, holder: string, epoch: number): Promise<boolean>;
  /** Deletes the lapsed leases whose names start with `prefix`. */
  pruneLapsedLeases(prefix: string, now?: number): Promise<void>;

  /**
   * Stores received callbacks in one transaction (one sync to disk for all); resolves with
   * their ids in order, or throws and stores none.
   */
  insertCallbacks(rows: ReceivedCallback[]): Promise<number[]>;
  /**
   * Claims the alert outbox's next due message (optionally only the one with `key`) until
   * `until`; its id, or undefined when none is due and free. Two senders never claim the same
   * one, and neither waits for the other (PostgreSQL: `FOR UPDATE SKIP LOCKED`).
   */
  claimDelivery(now: Date, until: Date, key?: string): Promise<number | undefined>;
  /**
   * Takes up to `limit` callbacks waiting to be processed, oldest first, for `claimMs` in
   * `holder`'s name: two workers never take the same row. A claim is free once it ran out,
   * or at once when its worker's liveness lease lapsed (the process died) — but never to
   * the worker that holds it: a row it is still processing is not taken twice, whether or
   * not its own lease is written yet.
   */
  claimCallbacks(
    upstreams: readonly string[],
    limit: number,
    claimMs: number,
    holder: string,
    now?: number,
  ): Promise<Pick<CallbackRow, "id" | "upstream">[]>;
  /**
   * Stores a refused callback whole while its address and the minute are under `bounds`,
   * otherwise only counts it; the id, or null when it was only counted.
   */
  storeRefusedCallback(
    callback: RefusedCallback,
    minute: Date,
    bounds: RefusedBounds,
  ): Promise<number | null>;

  /**
   * The change feed: the orders changed after the cursor `since` (about `limit` of them,
   * oldest first) and the cursor to ask with next. A change is never passed over: one that
   * commits later than another is still served after it. The cursor is opaque (SQLite: a
   * history id; PostgreSQL: a transaction id).
   */
  changesSince(db: Db, since: number, limit: number): Promise<ChangeFeedPage>;
  /** The cursor a browser starts the feed from: every change after now comes after it. */
  latestChangeId(db: Db): Promise<number>;

  /**
   * The condition that keeps the rows of `spec.table` matching `q` by prefix, and by any
   * fragment of 3+ characters when the table has a fragment index (db/queries/keyset.ts).
   */
  searchCondition(db: Db, spec: SearchSpec, q: string): Promise<SQL>;

  /**
   * Runs a built select on `db`'s connection and answers its rows as arrays of driver
   * values, the statement prepared once per text (the lists' hot path: db/queries/flat-rows.ts).
   */
  arrays(db: Db, text: string, params: unknown[]): Promise<unknown[][]>;

  /**
   * Raw SQL for the project's own tools (seeding, benchmarks, tests) through db/raw.ts, and
   * for the two fixed statements a request runs that are written alike for every database
   * (the health check's `select 1`, the overview's fingerprint): `query` runs one statement
   * on `db`'s connection and answers its rows; `exec` runs statements on the writer, each
   * committed on its own; `bulk` runs one statement once per row of parameters, all in one
   * transaction. Placeholders are `?`; instants are bound as `Date`s and read as milliseconds.
   */
  query<T>(db: Db, text: string, params?: unknown[]): Promise<T[]>;
  exec(text: string): Promise<void>;
  bulk(text: string, rows: unknown[][]): Promise<void>;

  /** The database's own check of its files: "ok", or the first problems it reports. */
  integrity(): Promise<string>;

  /** A consistent copy of the live database at `file`, proven by opening it. */
  backup(file: string): Promise<BackupReport>;
  /** Closes the connections (scripts, tests). */
  close(): void;
}
