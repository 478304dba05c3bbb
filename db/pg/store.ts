import { AsyncLocalStorage } from "node:async_hooks";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

import { type Column, eq, getTableName, type SQL, sql } from "drizzle-orm";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import type { PgTable } from "drizzle-orm/pg-core";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import pg from "pg";

import type { Db, Tx } from "../client";
import { preparedQuery } from "../prepared";
import { storeRefused } from "../queries/refused";
import type { SearchSpec } from "../queries/keyset";
import { type CallbackRow, callbacks } from "../schema";
import {
  type BackupReport,
  type ChangeFeedPage,
  type Isolation,
  inTx,
  type ReceivedCallback,
  type RefusedBounds,
  type RefusedCallback,
  type Store,
} from "../store";
import {
  LIST_TYPES,
  MigratedPool,
  numbered,
  RAW_TYPES,
  redactUrl,
  runsAllowed,
} from "./connections";
import { changesSincePostgres, latestChangePostgres } from "./feed";
import {
  acquireLeasePostgres,
  claimCallbacksPostgres,
  claimDeliveryPostgres,
  holdsLeasePostgres,
  pruneLapsedLeasesPostgres,
  releaseLeasePostgres,
  takeLeasePostgres,
} from "./leases";
import { backupPostgres, integrityOfPostgres } from "./maintenance";
import { migratePostgres } from "./migrate";
import { searchPostgres } from "./search";

/** The stores whose transaction this async context is inside (a second one would be nested). */
const held = new AsyncLocalStorage<ReadonlySet<PgStore>>();

export class NestedTransactionError extends Error {
  constructor() {
    super("withTx(db) inside a transaction on the same database: pass the transaction's tx");
  }
}

export type PgOptions = {
  /** Connections in the pool: requests beyond it wait for one. */
  max: number;
  /**
   * Work to finish before the first connection is handed out (a test's fresh database is
   * created there); the migrations run after it.
   */
  prepare?: () => Promise<void>;
};

/**
 * PostgreSQL behind the seam. Reads outside a transaction take any pooled connection
 * (autocommit); a transaction holds one connection, runs `SERIALIZABLE` (the rules written
 * for SQLite's one writer at a time hold as they are) or, for `locked rows`, `READ
 * COMMITTED` with its rows locked (`lockedRow`), and is run again when PostgreSQL refuses it
 * (`runsAllowed`: a serialization failure, a deadlock, a duplicate key). A body therefore may
 * run more than once: bodies only touch the database (no upstream call is ever made inside
 * one).
 */
class PgStore implements Store {
  readonly dialect = "postgres" as const;

  /**
   * Drizzle on the intake's own connections (`intake`), for storing received callbacks: an
   * acknowledgement never waits for a connection behind the processing of earlier callbacks.
   */
  private readonly receiving: Db;

  constructor(
    readonly location: string,
    readonly pool: MigratedPool,
    private readonly intake: MigratedPool,
  ) {
    this.receiving = drizzle({ client: intake, casing: "snake_case" }) as unknown as Db;
  }

  ready(): Promise<void> {
    return this.pool.ready;
  }

  /** Transaction handles, one per pooled connection, made the first time it runs one. */
  private readonly handles = new WeakMap<pg.PoolClient, Tx>();

  /** Connections running a `one statement` body, and those of them that have sent it. */
  private readonly single = new WeakSet<pg.PoolClient>();
  private readonly sentOne = new WeakSet<pg.PoolClient>();

  /** The drizzle handle of one transaction's connection. */
  private handleOn(client: pg.PoolClient): Tx {
    let handle = this.handles.get(client);
    if (!handle) {
      // A `one statement` body has no transaction around it: a second statement would commit
      // on its own, so it is refused before it is sent.
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      client.query = ((...args: unknown[]) => {
        if (this.single.has(client)) {
          if (this.sentOne.has(client))
            throw new Error("a `one statement` body sent a second statement: use a transaction");
          this.sentOne.add(client);
        }
        return query(...args);
      }) as typeof client.query;
      handle = Object.assign(drizzle({ client, casing: "snake_case" }) as unknown as Db, {
        $store: this as Store,
        $tx: true as const,
        $client: client,
      });
      this.handles.set(client, handle);
    }
    return handle;
  }

  async transaction<T>(
    body: (tx: Tx) => Promise<T>,
    isolation: Isolation = "serializable",
  ): Promise<T> {
    const level = isolation === "serializable" ? "serializable" : "read committed";
    const mine = held.getStore();
    if (mine?.has(this)) throw new NestedTransactionError();
    if (isolation === "one statement") return this.oneStatement(body);
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect();
      let broken: Error | undefined;
      try {
        await client.query(`begin isolation level ${level}`);
        const result = await held.run(new Set([...(mine ?? []), this]), () =>
          body(this.handleOn(client)),
        );
        await client.query("commit");
        return result;
      } catch (error) {
        await client.query("rollback").catch((e: Error) => (broken = e));
        if (attempt >= runsAllowed(error)) throw error;
      } finally {
        client.release(broken);
      }
      // Run again after a short, random pause, so the same two do not collide again.
      await sleep(Math.random() * Math.min(2 ** attempt, 100));
    }
  }

  /** A `one statement` body, in autocommit: its statement is its own transaction. */
  private async oneStatement<T>(body: (tx: Tx) => Promise<T>): Promise<T> {
    const mine = held.getStore();
    const client = await this.pool.connect();
    const handle = this.handleOn(client);
    this.single.add(client);
    this.sentOne.delete(client);
    let broken: Error | undefined;
    try {
      return await held.run(new Set([...(mine ?? []), this]), () => body(handle));
    } catch (error) {
      // The database's refusal leaves the connection fit; anything else may not.
      // (drizzle wraps it, with the database's error as its cause).
      const cause = (error as { cause?: unknown }).cause;
      if (!(error instanceof pg.DatabaseError || cause instanceof pg.DatabaseError))
        broken = error as Error;
      throw error;
    } finally {
      this.single.delete(client);
      client.release(broken);
    }
  }

  lockedRow<T extends SQLiteTable>(tx: Tx, table: T, column: Column, key: string | number) {
    const name = `${getTableName(table)} by ${column.name} for update`;
    const query = preparedQuery(tx, name, () =>
      (tx as unknown as NodePgDatabase)
        .select()
        .from(table as unknown as PgTable)
        .where(eq(column, sql.placeholder("key")))
        .for("update")
        .prepare(name),
    );
    return query.execute({ key }).then(([row]) => row as T["$inferSelect"] | undefined);
  }

  /** The connection a handle's statements run on: a transaction's, or the pool's. */
  private clientOf(db: Db): pg.Pool | pg.PoolClient {
    return inTx(db) ? (db as unknown as { $client: pg.PoolClient }).$client : this.pool;
  }

  acquireLease(name: string, holder: string, ttlMs: number, now?: number): Promise<boolean> {
    return acquireLeasePostgres(this.pool, name, holder, ttlMs, now);
  }

  releaseLease(name: string, holder: string): Promise<void> {
    return releaseLeasePostgres(this.pool, name, holder);
  }

  takeLease(name: string, holder: string, ttlMs: number): Promise<number | null> {
    return takeLeasePostgres(this.pool, name, holder, ttlMs);
  }

  holdsLease(tx: Tx, name: string, holder: string, epoch: number): Promise<boolean> {
    return holdsLeasePostgres(this.clientOf(tx), name, holder, epoch);
  }

  pruneLapsedLeases(prefix: string, now?: number): Promise<void> {
    return pruneLapsedLeasesPostgres(this.pool, prefix, now);
  }

  async insertCallbacks(rows: ReceivedCallback[]): Promise<number[]> {
    // One statement is one transaction: the batch is stored whole or not at all, with one
    // round trip and one flush of the log (no BEGIN and COMMIT of their own).
    const ids = await this.receiving.insert(callbacks).values(rows).returning({ id: callbacks.id });
    return ids.map((row) => row.id);
  }

  claimCallbacks(
    upstreams: readonly string[],
    limit: number,
    claimMs: number,
    holder: string,
    now?: number,
  ): Promise<Pick<CallbackRow, "id" | "upstream">[]> {
    return claimCallbacksPostgres(this.pool, upstreams, limit, claimMs, holder, now);
  }

  claimDelivery(now: Date, until: Date, key?: string): Promise<number | undefined> {
    return claimDeliveryPostgres(this.pool, now, until, key);
  }

  storeRefusedCallback(
    callback: RefusedCallback,
    minute: Date,
    bounds: RefusedBounds,
  ): Promise<number | null> {
    return this.transaction((tx) => storeRefused(tx, callback, minute, bounds));
  }

  changesSince(db: Db, since: number, limit: number): Promise<ChangeFeedPage> {
    return changesSincePostgres(this.clientOf(db), since, limit);
  }

  latestChangeId(db: Db): Promise<number> {
    return latestChangePostgres(this.clientOf(db));
  }

  searchCondition(db: Db, spec: SearchSpec, q: string): Promise<SQL> {
    return searchPostgres(db, spec, q);
  }

  async arrays(db: Db, text: string, params: unknown[]): Promise<unknown[][]> {
    const { rows } = await this.clientOf(db).query<unknown[]>({
      text,
      values: params,
      rowMode: "array",
      types: LIST_TYPES,
    });
    return rows;
  }

  async query<T>(db: Db, text: string, params: unknown[] = []): Promise<T[]> {
    const result = await this.clientOf(db).query({
      text: numbered(text),
      values: params,
      types: RAW_TYPES,
    });
    return (
      result.command === "SELECT" || result.fields.length > 0
        ? result.rows
        : [{ changes: result.rowCount ?? 0 }]
    ) as T[];
  }

  async exec(text: string): Promise<void> {
    await this.pool.query(text);
  }

  async bulk(text: string, rows: unknown[][]): Promise<void> {
    // The tools' bulk writes read nothing they decide on: `locked rows` with no row locked.
    // An `insert … values (…)` goes as one statement per 500 rows (a round trip per row
    // would be most of a seed's time); anything else once per row.
    const values = /^(\s*insert\b[\s\S]*?\bvalues\s*)(\([^()]*\))\s*$/i.exec(text);
    await this.transaction(async (tx) => {
      const client = this.clientOf(tx);
      if (!values) {
        const statement = numbered(text);
        for (const row of rows) await client.query(statement, row);
        return;
      }
      const [, head = "", tuple = ""] = values;
      for (let i = 0; i < rows.length; i += 500) {
        const chunk = rows.slice(i, i + 500);
        await client.query(numbered(`${head}${chunk.map(() => tuple).join(", ")}`), chunk.flat());
      }
    }, "locked rows");
  }

  integrity(): Promise<string> {
    return integrityOfPostgres(this.pool);
  }

  backup(file: string): Promise<BackupReport> {
    return backupPostgres(this.location, file);
  }

  close(): void {
    void this.pool.end();
    void this.intake.end();
  }
}

const MIGRATIONS = path.join(process.cwd(), "db", "pg", "migrations");

/** Connections of the intake's own lane, beside the pool (`PgStore.insertCallbacks`). */
const INTAKE_CONNECTIONS = 2;

/**
 * A handle on the PostgreSQL database `url` names: returned at once; the first statement
 * waits until the schema is up to date (migrations applied under an advisory lock, so
 * instances starting together apply each once).
 */
export function openPostgres(url: string, options: PgOptions): Db {
  const pool = new MigratedPool({ connectionString: url, max: options.max });
  // The callback intake's lane: connections made when the first callback arrives.
  const intake = new MigratedPool({ connectionString: url, max: INTAKE_CONNECTIONS });
  for (const each of [pool, intake])
    // An idle connection the server closed (a restart, a failover) is dropped, not thrown.
    each.on("error", () => undefined);
  pool.ready = intake.ready = (async () => {
    await options.prepare?.();
    await migratePostgres(url, MIGRATIONS);
  })();
  // Nobody may be waiting yet: a failure is reported by the first statement that waits.
  pool.ready.catch(() => undefined);
  const store = new PgStore(redactUrl(url), pool, intake);
  return Object.assign(drizzle({ client: pool, casing: "snake_case" }) as unknown as Db, {
    $store: store as Store,
  });
}
