import "server-only";

import { claimReceivedCallbacks, listUnprocessedCallbacks } from "@/db/queries/callbacks";
import { UPSTREAMS } from "@/lib/callbacks/results";
import { logger } from "@/lib/logger";
import { pruneIfDue } from "@/lib/logs/retention";
import { currentWarnings } from "@/lib/overview/warnings";
import { getSettings } from "@/lib/settings/settings";
import type { TopupDeps } from "@/lib/topups/deps";
import { processP2wCallback } from "@/lib/topups/p2w-callback";

import type { WithdrawalDeps } from "@/lib/withdrawals/deps";
import { processPayoutCallback } from "@/lib/withdrawals/payout-callback";

import { reconcileTopups } from "./reconcile-topups";
import { reconcileWithdrawals } from "./reconcile-withdrawals";

/** Callbacks stored but not processed for this long are picked up by the sweep. */
const SWEEP_AFTER_MS = 30_000;
/** How long the sweep holds a waiting callback it took from the worker's queue. */
const CLAIM_MS = 60_000;

export type ReconcileDeps = { topups: TopupDeps; withdrawals: WithdrawalDeps };

/**
 * One pass: finish stored callbacks (waiting ones no worker took, retries, broken-off
 * replays), then look at every due order, then the warnings (so a crossing is recorded when
 * it happens, even while nobody has a page open), then, once a day, the retention prune of
 * raw bodies.
 */
export async function reconcileOnce(deps: ReconcileDeps, now = new Date()) {
  const pending = await listUnprocessedCallbacks(
    deps.topups.db,
    new Date(now.getTime() - SWEEP_AFTER_MS),
    200,
  );
  // What waits for the worker too, when none runs (the one-shot command): claimed the same way.
  const waiting = claimReceivedCallbacks(deps.topups.db, UPSTREAMS, 200, CLAIM_MS, now.getTime());
  let swept = 0;
  for (const callback of [...waiting, ...pending]) {
    try {
      if (callback.upstream === "p2w") await processP2wCallback(deps.topups, callback.id);
      else await processPayoutCallback(deps.withdrawals, callback.id);
      swept++;
    } catch (error) {
      logger.error("sweep could not process a callback", { callbackId: callback.id, error });
    }
  }
  const topups = await reconcileTopups(deps.topups, now);
  const withdrawals = await reconcileWithdrawals(deps.withdrawals, now);
  const settings = await getSettings(deps.topups.db);
  const warnings = await currentWarnings(deps.topups.db, settings, now);
  const pruned = await pruneIfDue(deps.topups.db, settings.bodyRetentionDays, now);
  return { swept, topups, withdrawals, warnings: warnings.map((w) => w.key), pruned };
}
