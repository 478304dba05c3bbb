import "server-only";

import { changeTopupAtomically, listDueTopups, scheduleTopupCheck } from "@/db/queries/topups";
import type { TopupRow } from "@/db/schema";
import { logger } from "@/lib/logger";
import { getSettings } from "@/lib/settings/settings";
import type { TopupDeps } from "@/lib/topups/deps";
import { mapPool } from "@/lib/orders/pool";
import { planTopupStuck, planTopupUnknown } from "@/lib/topups/observe";
import { requeryTopup } from "@/lib/topups/requery-topup";

import { nextCheckAt, pastGiveUp, SUBMITTING_TIMEOUT_MS, summarize } from "@/lib/orders/schedule";

const ACTOR = "system:reconciler";
const BY = { source: "reconciler" as const, actor: ACTOR };

/** One look at one due top-up; never throws (a failure waits for the next look). */
async function reconcileTopup(
  deps: TopupDeps,
  topup: TopupRow,
  now: Date,
  stuckAfterHours: number,
): Promise<string> {
  if (
    topup.status === "submitting" &&
    now.getTime() - topup.createdAt.getTime() >= SUBMITTING_TIMEOUT_MS
  ) {
    // The create call never finished (the process died): its outcome is unknown, never re-sent.
    await changeTopupAtomically(deps.db, topup.refId, (current) => planTopupUnknown(current, BY));
    return "unknown";
  }
  if (!topup.orderId) {
    await scheduleTopupCheck(deps.db, topup.refId, topup.reconcileAttempts, null);
    return "waiting";
  }
  if (pastGiveUp(topup.createdAt, now, stuckAfterHours)) {
    await changeTopupAtomically(deps.db, topup.refId, (current) => planTopupStuck(current, BY));
    return "stuck";
  }
  const attempts = topup.reconcileAttempts + 1;
  try {
    const after = await requeryTopup(deps, topup.refId, { actor: ACTOR, source: "reconciler" });
    await scheduleTopupCheck(deps.db, topup.refId, attempts, nextCheckAt(attempts, now));
    return after.status;
  } catch (error) {
    logger.warn("reconciler re-query failed", { refId: topup.refId, error });
    await scheduleTopupCheck(deps.db, topup.refId, attempts, nextCheckAt(attempts, now));
    return "error";
  }
}

/** Looks at every due top-up, a few at a time, with the stuck-after setting as it is now. */
export async function reconcileTopups(deps: TopupDeps, now: Date, limit = 200, concurrency = 4) {
  const { stuckAfterHours } = await getSettings(deps.db);
  const due = await listDueTopups(deps.db, now, limit);
  return summarize(
    await mapPool(due, concurrency, (topup) => reconcileTopup(deps, topup, now, stuckAfterHours)),
  );
}
