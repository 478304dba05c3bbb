import "server-only";

import {
  changeWithdrawalAtomically,
  listDueWithdrawals,
  scheduleWithdrawalCheck,
} from "@/db/queries/withdrawals";
import type { WithdrawalRow } from "@/db/schema";
import { logger } from "@/lib/logger";
import { getSettings } from "@/lib/settings/settings";
import { mapPool } from "@/lib/orders/pool";
import type { WithdrawalDeps } from "@/lib/withdrawals/deps";
import { planWithdrawalStuck } from "@/lib/withdrawals/observe";
import { requeryWithdrawal } from "@/lib/withdrawals/requery-withdrawal";

import { nextCheckAt, pastGiveUp, summarize } from "@/lib/orders/schedule";

const ACTOR = "system:reconciler";
const BY = { source: "reconciler" as const, actor: ACTOR };

/** One look at one open withdrawal; never throws (a failure waits for the next look). */
async function reconcileWithdrawal(
  deps: WithdrawalDeps,
  w: WithdrawalRow,
  now: Date,
  stuckAfterHours: number,
): Promise<string> {
  if (pastGiveUp(w.orderedAt, now, stuckAfterHours)) {
    await changeWithdrawalAtomically(deps.db, w.platformOrderId, (current) =>
      current ? planWithdrawalStuck(current, BY) : { result: "missing" },
    );
    return "stuck";
  }
  const attempts = w.reconcileAttempts + 1;
  try {
    const { withdrawal } = await requeryWithdrawal(deps, w.platformOrderId, {
      actor: ACTOR,
      source: "reconciler",
    });
    await scheduleWithdrawalCheck(deps.db, w.platformOrderId, attempts, nextCheckAt(attempts, now));
    return withdrawal?.status ?? "missing";
  } catch (error) {
    logger.warn("reconciler withdrawal re-query failed", {
      platformOrderId: w.platformOrderId,
      error,
    });
    await scheduleWithdrawalCheck(deps.db, w.platformOrderId, attempts, nextCheckAt(attempts, now));
    return "error";
  }
}

/** Looks at every due withdrawal, a few at a time, with the stuck-after setting as it is now. */
export async function reconcileWithdrawals(
  deps: WithdrawalDeps,
  now: Date,
  limit = 200,
  concurrency = 4,
) {
  const { stuckAfterHours } = await getSettings(deps.db);
  const due = await listDueWithdrawals(deps.db, now, limit);
  return summarize(
    await mapPool(due, concurrency, (w) => reconcileWithdrawal(deps, w, now, stuckAfterHours)),
  );
}
