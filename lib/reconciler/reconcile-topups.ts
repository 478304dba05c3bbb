import "server-only";

import {
  listDueTopups,
  scheduleTopupCheck,
  type TopupChange,
  changeTopupAtomically,
} from "@/db/queries/topups";
import type { TopupRow } from "@/db/schema";
import { logger } from "@/lib/logger";
import type { TopupDeps } from "@/lib/topups/deps";
import { mapPool } from "@/lib/orders/pool";
import { requeryTopup } from "@/lib/topups/requery-topup";

import { nextCheckAt, pastGiveUp, SUBMITTING_TIMEOUT_MS, summarize } from "@/lib/orders/schedule";

const ACTOR = "system:reconciler";

/** A change the reconciler makes on its own (no upstream report), with its history row. */
function flag(deps: TopupDeps, refId: string, result: string, update: TopupChange, kind: string) {
  return changeTopupAtomically(deps.db, refId, (current) => ({
    result,
    update,
    history: [
      {
        fromStatus: current.status,
        toStatus: update.status ?? current.status,
        kind,
        source: "reconciler",
        actor: ACTOR,
      },
    ],
  }));
}

/** One look at one due top-up; never throws (a failure waits for the next look). */
async function reconcileTopup(deps: TopupDeps, topup: TopupRow, now: Date): Promise<string> {
  if (
    topup.status === "submitting" &&
    now.getTime() - topup.createdAt.getTime() >= SUBMITTING_TIMEOUT_MS
  ) {
    // The create call never finished (the process died): its outcome is unknown, never re-sent.
    await flag(
      deps,
      topup.refId,
      "unknown",
      { status: "unknown", needsReview: "unknown_outcome", nextCheckAt: null },
      "applied",
    );
    return "unknown";
  }
  if (!topup.orderId) {
    await scheduleTopupCheck(deps.db, topup.refId, topup.reconcileAttempts, null);
    return "waiting";
  }
  if (pastGiveUp(topup.createdAt, now)) {
    await flag(deps, topup.refId, "stuck", { needsReview: "stuck", nextCheckAt: null }, "stuck");
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

/** Looks at every due top-up, a few at a time. */
export async function reconcileTopups(deps: TopupDeps, now: Date, limit = 200, concurrency = 4) {
  const due = await listDueTopups(deps.db, now, limit);
  return summarize(await mapPool(due, concurrency, (topup) => reconcileTopup(deps, topup, now)));
}
