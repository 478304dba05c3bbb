import { spawnSync } from "node:child_process";

/**
 * `tsx scripts/if-postgres.ts COMMAND…`: runs the command where `TEST_DATABASE_URL` names a
 * PostgreSQL server (CI always; a laptop when its owner sets it), and otherwise says it was
 * skipped and passes: the PostgreSQL half of `npm test` needs a server, the SQLite half nothing.
 */
const [command, ...rest] = process.argv.slice(2);
if (!command) throw new Error("usage: if-postgres.ts COMMAND [ARGS…]");
if (!process.env.TEST_DATABASE_URL) {
  console.log(
    `skipped (TEST_DATABASE_URL does not name a PostgreSQL server): ${[command, ...rest].join(" ")}`,
  );
  process.exit(0);
}
const run = spawnSync(command, rest, { stdio: "inherit" });
process.exit(run.status ?? 1);
