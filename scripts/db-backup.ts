/**
 * `npm run db:backup -- FILE`: a consistent copy of the live database while the server runs
 * (SQLite's online backup: pages are copied in steps, writers are not blocked for long),
 * then proof that the copy opens: `PRAGMA integrity_check` answers ok and its tables count.
 */
import fs from "node:fs";
import path from "node:path";

import Database from "better-sqlite3";

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

const source = new Database(getEnv().DATABASE_PATH, { readonly: true, fileMustExist: true });
const started = Date.now();
await source.backup(target);
source.close();

const copy = new Database(target, { readonly: true, fileMustExist: true });
const integrity = copy.pragma("integrity_check", { simple: true });
const count = (table: string) =>
  (copy.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
const counts = ["users", "topups", "withdrawals", "callbacks", "audit_log"].map(
  (table) => `${table} ${count(table)}`,
);
copy.close();
if (integrity !== "ok") {
  console.error(`The copy ${target} failed its integrity check: ${String(integrity)}`);
  process.exit(1);
}
console.log(
  `Backed up to ${target} in ${Date.now() - started} ms; integrity ok; ${counts.join(", ")}.`,
);
