import Database from "better-sqlite3";

import type { BackupReport } from "../store";

/** `PRAGMA integrity_check`: "ok", or the first problems SQLite reports. */
export function integrityOf(sqlite: Database.Database): string {
  return (sqlite.pragma("integrity_check") as { integrity_check: string }[])
    .map((r) => r.integrity_check)
    .slice(0, 5)
    .join("; ");
}

/**
 * Copies the database `from` reads into `file` with SQLite's online backup (pages are copied
 * in steps, writers are not blocked for long), then opens the copy and checks it.
 */
export async function backupTo(from: Database.Database, file: string): Promise<BackupReport> {
  const started = Date.now();
  await from.backup(file);
  const ms = Date.now() - started;
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const counts: Record<string, number> = {};
    for (const table of ["users", "topups", "withdrawals", "callbacks", "audit_log"])
      counts[table] = copy.prepare(`select count(*) from ${table}`).pluck().get() as number;
    return { ms, integrity: integrityOf(copy), counts };
  } finally {
    copy.close();
  }
}
