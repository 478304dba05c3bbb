import "server-only";

import type { Db } from "@/db/client";
import { jobDue, scheduleJob } from "@/db/queries/leases";
import { pruneCallBodies, pruneCallbackBodies } from "@/db/queries/retention";
import { logger } from "@/lib/logger";

const DAY_MS = 24 * 3_600_000;
export const PRUNE_JOB = "retention-prune";

/** At most this many rows of each table per reconciler pass; the rest in the next passes. */
const ROWS_PER_PASS = 50_000;

/**
 * Once a day (from the reconciler's loop): removes raw callback bodies and upstream request
 * and response bodies older than the retention setting. Rows, times, results and ids stay,
 * so the overview, the logs and every order's timeline keep working; a verified callback
 * not yet processed keeps its body whatever its age. A large backlog is worked off over
 * several passes; the next day's run is scheduled only once it is done.
 */
export async function pruneIfDue(db: Db, retentionDays: number, now = new Date()) {
  if (!(await jobDue(db, PRUNE_JOB, now.getTime()))) return null;
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  const callbacks = await pruneCallbackBodies(db, cutoff, ROWS_PER_PASS, now);
  const calls = await pruneCallBodies(db, cutoff, ROWS_PER_PASS, now);
  const done = callbacks < ROWS_PER_PASS && calls < ROWS_PER_PASS;
  if (done) await scheduleJob(db, PRUNE_JOB, now.getTime() + DAY_MS);
  if (callbacks + calls > 0)
    logger.info("retention prune", { cutoff: cutoff.toISOString(), callbacks, calls, done });
  return { callbacks, calls, done };
}
