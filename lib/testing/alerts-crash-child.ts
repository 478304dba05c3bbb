import { openDb } from "@/db/client";
import { evaluateAlerts } from "@/lib/alerts/loop";

/**
 * A process that evaluates the alerts once (committing an alert and its messages), says so,
 * and waits to be killed before it sends anything: lib/alerts/alerts.integration.test.ts.
 * `tsx --conditions=react-server lib/testing/alerts-crash-child.ts <db file> <ISO instant>`.
 */
const [file, at] = process.argv.slice(2);
const db = openDb(file ?? "");
await evaluateAlerts(db, new Date(at ?? Date.now()));
process.stdout.write("committed\n");
setInterval(() => undefined, 60_000);
