import { createHash } from "node:crypto";
import fs from "node:fs";

import Database from "better-sqlite3";

import type { BackupReport, TableSums } from "../store";

/** The most pages better-sqlite3's backup copies in one step: here, all of them. */
const ALL_PAGES = 0x7fffffff;

/** `PRAGMA integrity_check`: "ok", or the first problems SQLite reports. */
export function integrityOf(sqlite: Database.Database): string {
  return (sqlite.pragma("integrity_check") as { integrity_check: string }[])
    .map((r) => r.integrity_check)
    .slice(0, 5)
    .join("; ");
}

/**
 * Copies the database `from` reads into `file` with SQLite's online backup, then opens the
 * copy and checks it. All pages in one step, which reads one snapshot: writers go on
 * meanwhile (in WAL mode they only append to the log). Copied in small steps instead, every
 * write by another connection between two steps would start the copy over, and a busy
 * database's backup would never end.
 */
export async function backupTo(from: Database.Database, file: string): Promise<BackupReport> {
  if (fs.existsSync(file)) throw new Error(`${file} exists: a backup never overwrites a file`);
  const started = Date.now();
  await from.backup(file, { progress: () => ALL_PAGES });
  const ms = Date.now() - started;
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const counts: Record<string, number> = {};
    for (const table of ["users", "topups", "withdrawals", "callbacks", "audit_log"])
      counts[table] = copy.prepare(`select count(*) from ${table}`).pluck().get() as number;
    return { ms, integrity: integrityOf(copy), counts, sums: sumsOf(copy) };
  } finally {
    copy.close();
  }
}

/** Every table's rows and the sum of their hashes (db/store.ts, `TableSums`). */
export function sumsOf(sqlite: Database.Database): TableSums {
  const tables = sqlite
    .prepare(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name",
    )
    .pluck()
    .all() as string[];
  const sums: TableSums = {};
  for (const table of tables) {
    let rows = 0;
    let sum = 0n;
    for (const row of sqlite.prepare(`select * from "${table}"`).raw().iterate()) {
      rows++;
      const hash = createHash("sha256").update(JSON.stringify(row)).digest("hex");
      sum += BigInt(`0x${hash.slice(0, 15)}`);
    }
    sums[table] = { rows, sum: sum.toString() };
  }
  return sums;
}

/**
 * Restores the backup `file` as a new database at `target` (which must not exist: a restore
 * never overwrites), with SQLite's backup API from the file opened read-only, then checks it.
 */
export async function restoreSqlite(
  file: string,
  target: string,
): Promise<{ ms: number; integrity: string; sums: TableSums }> {
  for (const suffix of ["", "-wal", "-shm"])
    if (fs.existsSync(target + suffix))
      throw new Error(`${target + suffix} exists: a restore never overwrites a database`);
  const started = Date.now();
  const source = new Database(file, { readonly: true, fileMustExist: true });
  try {
    await source.backup(target);
  } finally {
    source.close();
  }
  const ms = Date.now() - started;
  const copy = new Database(target, { readonly: true, fileMustExist: true });
  try {
    return { ms, integrity: integrityOf(copy), sums: sumsOf(copy) };
  } finally {
    copy.close();
  }
}
