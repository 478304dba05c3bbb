import type { Db } from "./client";

/**
 * Raw SQL for the project's own tools (seeding, benchmarks, tests), through the seam
 * (db/store.ts): never on a request's path, where every query is drizzle code. Placeholders
 * are `?` on every database, and an instant is bound as a `Date` (SQLite stores milliseconds,
PostgreSQL a timestamptz); what runs on both must be written in SQL both understand.
 */

/** One statement's rows, read on `db`'s connection (a transaction's, inside `withTx`). */
export function rawQuery<T>(db: Db, text: string, params: unknown[] = []): Promise<T[]> {
  return db.$store.query<T>(db, text, params);
}

/** The first column of the first row (a count, a max). */
export async function rawValue<T>(db: Db, text: string, params: unknown[] = []): Promise<T> {
  const [row] = await rawQuery<Record<string, T>>(db, text, params);
  return Object.values(row ?? {})[0] as T;
}

/** Statements run on the writer, each committed on its own (maintenance, bulk updates). */
export function rawExec(db: Db, text: string): Promise<void> {
  return db.$store.exec(text);
}

/** One statement run once per row of parameters, all in one transaction (seeding). */
export function rawBulk(db: Db, text: string, rows: unknown[][]): Promise<void> {
  return db.$store.bulk(text, rows);
}
