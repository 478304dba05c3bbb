/**
 * `npm run db:backup -- FILE`: a consistent copy of the live database while the server runs
 * (SQLite's online backup: pages are copied in steps, writers are not blocked for long),
 * then proof that the copy opens: `PRAGMA integrity_check` answers ok and its tables count.
 */
import fs from "node:fs";
import path from "node:path";

import { loadDotEnv } from "./cli";

loadDotEnv();
const { getEnv } = await import("@/lib/env");

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

const { openDb } = await import("@/db/client");
const db = openDb(getEnv().DATABASE_PATH);
const report = await db.$store.backup(target);
db.$store.close();
const counts = Object.entries(report.counts).map(([table, n]) => `${table} ${n}`);
if (report.integrity !== "ok") {
  console.error(`The copy ${target} failed its integrity check: ${report.integrity}`);
  process.exit(1);
}
console.log(`Backed up to ${target} in ${report.ms} ms; integrity ok; ${counts.join(", ")}.`);
