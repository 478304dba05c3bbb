import fs from "node:fs";

import { POSTGRES_URL } from "./dialect";
import type { TableSums } from "./store";

/**
 * A backup's record of what it holds: beside the backup file, every table's rows and the
 * sum of their hashes, read from the proven copy when the backup was made. A restore is
 * checked against it.
 */
export type BackupManifest = {
  dialect: "sqlite" | "postgres";
  madeAt: string;
  sums: TableSums;
};

export const manifestOf = (file: string) => `${file}.sums.json`;

export function writeManifest(file: string, manifest: BackupManifest): void {
  fs.writeFileSync(manifestOf(file), `${JSON.stringify(manifest, null, 2)}\n`, { flag: "wx" });
}

export function readManifest(file: string): BackupManifest | null {
  try {
    return JSON.parse(fs.readFileSync(manifestOf(file), "utf8")) as BackupManifest;
  } catch {
    return null;
  }
}

/** Where two sets of sums differ, as "table: expected → found" (empty: the same rows). */
export function sumsDiffer(expected: TableSums, found: TableSums): string[] {
  const differences: string[] = [];
  for (const table of new Set([...Object.keys(expected), ...Object.keys(found)])) {
    const [a, b] = [expected[table], found[table]];
    if (a?.rows !== b?.rows || a?.sum !== b?.sum)
      differences.push(
        `${table}: ${a ? `${a.rows} rows` : "absent"} → ${b ? `${b.rows} rows` : "absent"}${
          a && b && a.rows === b.rows ? " (other content)" : ""
        }`,
      );
  }
  return differences;
}

/**
 * Restores the backup `file` into `location` (a PostgreSQL URL, or a SQLite file's path),
 * which must be new or empty, and checks the result: its integrity, and its sums against
 * the backup's manifest when there is one (`differences` null without one).
 */
export async function restoreBackup(
  file: string,
  location: string,
): Promise<{ ms: number; integrity: string; sums: TableSums; differences: string[] | null }> {
  if (!fs.existsSync(file)) throw new Error(`${file} does not exist`);
  const restored = POSTGRES_URL.test(location)
    ? await (await import("./pg/maintenance")).restorePostgres(file, location)
    : await (await import("./sqlite/maintenance")).restoreSqlite(file, location);
  const manifest = readManifest(file);
  return {
    ...restored,
    differences: manifest ? sumsDiffer(manifest.sums, restored.sums) : null,
  };
}
