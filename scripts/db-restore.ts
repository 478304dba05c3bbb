/**
 * `npm run db:restore -- FILE [--to LOCATION]`: a backup made by `npm run db:backup` restored
 * as a new database — the one the configuration names (`DATABASE_URL`, else `DATABASE_PATH`),
 * or `--to` a PostgreSQL URL or a SQLite file's path — which must not exist yet or be empty:
 * a restore never overwrites. Then proof: the restored database's integrity check, and every
 * table's rows and sums against the backup's `FILE.sums.json`. Exits 1 when either fails.
 */
import { args, fail, loadDotEnv } from "./cli";

loadDotEnv();
const { values, positionals } = args({ to: { type: "string" } });
const [file] = positionals;
if (!file) fail("usage: npm run db:restore -- FILE [--to postgres://…|PATH]");
const location = values.to ?? process.env.DATABASE_URL ?? process.env.DATABASE_PATH;
if (!location) fail("set DATABASE_URL or DATABASE_PATH, or give --to");

const { restoreBackup } = await import("@/db/backups");
const { redactUrl } = await import("@/db/pg/connections");
const shown = location.includes("://") ? redactUrl(location) : location;
let report;
try {
  report = await restoreBackup(file, location);
} catch (error) {
  fail(`Not restored: ${(error as Error).message}`);
}
const rows = Object.values(report.sums).reduce((n, t) => n + t.rows, 0);
console.log(
  `Restored ${file} into ${shown} in ${report.ms} ms: ${Object.keys(report.sums).length} tables, ${rows} rows.`,
);
if (report.integrity !== "ok")
  fail(`The restored database failed its integrity check: ${report.integrity}`);
if (report.differences === null)
  console.log(`No ${file}.sums.json beside the backup: its rows could not be checked.`);
else if (report.differences.length > 0)
  fail(`The restored database differs from the backup: ${report.differences.join("; ")}`);
else console.log("Integrity ok; every table's rows and sums equal the backup's.");
