import pg from "pg";

/**
 * PostgreSQL's connections and what the store needs around them (db/pg/store.ts builds the
 * store on these): how values come back, which refusals run a transaction again, the tools'
 * placeholders, a pool that waits for the migrations.
 */

// Counts and sums come back as numbers, as on SQLite: `bigint` and `numeric` would otherwise
// be strings. Satang totals and ids stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, Number);
pg.types.setTypeParser(pg.types.builtins.NUMERIC, Number);

/**
 * How many times a transaction runs before the database's refusal is the caller's, per
 * SQLSTATE. A serialization failure (40001) or a deadlock (40P01): up to 30 runs (under heavy
 * contention on one hour's roll-up rows — lib/overview/rollups.integration.test.ts, 160
 * transactions at once on 60 orders — a few needed 7). A unique violation (23505): 3 runs.
 * Two bodies that each read "no such row" and insert it are a serialization anomaly
 * PostgreSQL reports as a duplicate key (its manual, "Serialization Failure Handling"): run
 * again, the body reads the row the other committed. A duplicate that is one (a second
 * re-issue of an order) is still the caller's after the third run.
 */
const RUNS: Record<string, number> = { "40001": 30, "40P01": 30, "23505": 3 };

/** How many runs the refusal `error` (or what caused it: drizzle wraps the driver's) allows. */
export function runsAllowed(error: unknown): number {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const runs = RUNS[(e as { code?: string }).code ?? ""];
    if (runs) return runs;
  }
  return 1;
}

/**
 * The tools' raw SQL is written once with `?` placeholders (SQLite's); PostgreSQL numbers
 * them. A `?` inside a quoted string or name is left alone.
 */
export function numbered(text: string): string {
  let out = "";
  let quote: string | null = null;
  let n = 0;
  for (const c of text) {
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === "'" || c === '"') {
      quote = c;
    } else if (c === "?") {
      out += `$${++n}`;
      continue;
    }
    out += c;
  }
  return out;
}

/**
 * A pool that hands out no connection before the schema is up to date: the handle is
 * returned at once (as SQLite's is) and the first query waits for the migrations.
 */
export class MigratedPool extends pg.Pool {
  ready: Promise<void> = Promise.resolve();

  override connect(): Promise<pg.PoolClient>;
  override connect(
    callback: (err: Error | undefined, client?: pg.PoolClient, done?: () => void) => void,
  ): void;
  override connect(
    callback?: (err: Error | undefined, client?: pg.PoolClient, done?: () => void) => void,
  ): Promise<pg.PoolClient> | void {
    if (!callback) return this.ready.then(() => super.connect());
    this.ready.then(
      () => super.connect(callback),
      (error: Error) => callback(error),
    );
  }
}

const parseInstant = pg.types.getTypeParser(pg.types.builtins.TIMESTAMPTZ) as (
  text: string,
) => Date;

/** What a list's rows are read as: drizzle's own way (instants as their text, for each column's decoder). */
export const LIST_TYPES = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === pg.types.builtins.TIMESTAMPTZ
      ? (text: string) => text
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * What raw statements read: instants as milliseconds since the epoch, as SQLite stores them
 * (a list column's own decoder makes a `Date` of either; a tool's raw read sees the same
 * numbers on both databases), everything else as node-postgres does.
 */
export const RAW_TYPES = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === pg.types.builtins.TIMESTAMPTZ
      ? (text: string) => parseInstant(text).getTime()
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** The URL without its password, for logs and errors. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "postgres://(unparsable)";
  }
}
