import "server-only";

import { listUnprocessedCallbacks } from "@/db/queries/callbacks";
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

export type ReconcileDeps = { topups: TopupDeps; withdrawals: WithdrawalDeps };

/**
 * One pass: finish stored callbacks (retries and broken-off replays; waiting ones are the
 * callback worker's), then look at every due order, then the warnings (so a crossing is
 * recorded when it happens, even while nobody has a page open), then, once a day, the
 * retention prune of raw bodies.
 */
export async function reconcileOnce(deps: ReconcileDeps, now = new Date()) {
  const pending = await listUnprocessedCallbacks(
    deps.topups.db,
    new Date(now.getTime() - SWEEP_AFTER_MS),
    200,
  );
  let swept = 0;
  for (const callback of pending) {
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
