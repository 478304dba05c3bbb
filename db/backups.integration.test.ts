import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { withTx } from "./client";
import { readManifest, restoreBackup, sumsDiffer, writeManifest } from "./backups";
import { dialect } from "./dialect";
import { withDatabase } from "./pg/maintenance";
import { auditLog } from "./schema";
import { tempDb } from "./testing/temp-db";

const entry = (action: string) => ({
  actorId: null,
  actorEmail: "system",
  action,
  targetType: "test",
  targetId: action,
  details: { n: action },
});

let made = 0;
/** Where a restore may go: a file not yet there, or a database not yet created. */
function freshLocation(): string {
  made++;
  if (dialect === "postgres")
    return withDatabase(
      process.env.TEST_DATABASE_URL ?? "",
      `ops_test_${process.env.OPS_TEST_RUN ?? ""}_${process.pid}_restore_${made}`,
    );
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ops-restore-")), "restored.db");
}

/**
 * Backups are proven by restoring them: one made while writes go on is restored into a new
 * database, whose every table holds the rows and sums the backup recorded, and every row
 * committed before the backup began.
 */
describe("backup and restore", () => {
  it("restores a backup made under load with the same rows in every table", async () => {
    const db = tempDb();
    await withTx(db, (tx) =>
      tx.insert(auditLog).values(Array.from({ length: 300 }, (_, i) => entry(`before-${i}`))),
    );
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ops-backup-")), "backup.db");
    let writing = true;
    let written = 0;
    const load = (async () => {
      while (writing) {
        await withTx(db, (tx) => tx.insert(auditLog).values(entry(`during-${written}`)));
        written++;
        // A turn of the event loop between writes, as requests arriving have (SQLite's
        // writes resolve at once, and would otherwise never let the backup's steps run).
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const report = await db.$store.backup(file);
    writing = false;
    await load;
    expect(written).toBeGreaterThan(0);
    expect(report.integrity).toBe("ok");
    writeManifest(file, { dialect, madeAt: new Date().toISOString(), sums: report.sums });

    const restored = await restoreBackup(file, freshLocation());
    expect(restored.integrity).toBe("ok");
    expect(restored.differences).toEqual([]);
    expect(Object.keys(restored.sums)).toEqual(Object.keys(report.sums));
    expect(restored.sums.audit_log?.rows).toBeGreaterThanOrEqual(300);
    // The manifest tells a changed copy apart.
    const manifest = readManifest(file);
    if (!manifest) throw new Error("no manifest");
    const changed = { ...manifest.sums, audit_log: { rows: 1, sum: "1" } };
    expect(sumsDiffer(changed, restored.sums)).toEqual([
      expect.stringMatching(/^audit_log: 1 rows → \d+ rows$/),
    ]);
    db.$store.close();
  });

  it("refuses to overwrite: neither a backup file nor a database that holds tables", async () => {
    const db = tempDb();
    await withTx(db, (tx) => tx.insert(auditLog).values(entry("one")));
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ops-backup-")), "backup.db");
    await db.$store.backup(file);
    await expect(db.$store.backup(file)).rejects.toThrow(/never overwrites/);
    const location = freshLocation();
    await restoreBackup(file, location);
    await expect(restoreBackup(file, location)).rejects.toThrow(/never overwrites/);
    db.$store.close();
  });
});
