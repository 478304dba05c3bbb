/**
 * `npm run db:backup -- FILE`: a consistent copy of the live database while the server runs,
 * then proof that the copy is whole. SQLite: the online backup (pages copied in steps, writers
 * not blocked for long), the copy opened and `PRAGMA integrity_check`ed. PostgreSQL: pg_dump's
 * custom format (one snapshot), restored into a scratch database that is checked, counted and
 * dropped. Either way every table's rows are counted and summed into `FILE.sums.json`, which
 * `npm run db:restore` checks a restore against.
 */
import fs from "node:fs";
import path from "node:path";

import { loadDotEnv } from "./cli";

loadDotEnv();

const target = process.argv[2];
if (!target) {
  console.error("usage: npm run db:backup -- FILE");
  process.exit(2);
}
if (fs.existsSync(target)) {
  console.error(`${target} exists; choose a new file name (a backup never overwrites).`);
  process.exit(2);
}
fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });

const { getDb } = await import("@/lib/db");
const { writeManifest } = await import("@/db/backups");
const db = getDb();
const report = await db.$store.backup(target);
db.$store.close();
const counts = Object.entries(report.counts).map(([table, n]) => `${table} ${n}`);
if (report.integrity !== "ok") {
  console.error(`The copy ${target} failed its integrity check: ${report.integrity}`);
  process.exit(1);
}
writeManifest(target, {
  dialect: db.$store.dialect,
  madeAt: new Date().toISOString(),
  sums: report.sums,
});
console.log(`Backed up to ${target} in ${report.ms} ms; integrity ok; ${counts.join(", ")}.`);
console.log(
  `Every table's rows and sums: ${target}.sums.json (${Object.keys(report.sums).length} tables).`,
);
