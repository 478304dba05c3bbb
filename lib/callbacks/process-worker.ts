import "server-only";

import { getDb } from "@/lib/db";
import { topupDeps } from "@/lib/topups/deps";
import { p2wWebhook } from "@/lib/topups/p2w-callback";
import { withdrawalDeps } from "@/lib/withdrawals/deps";
import { payoutWebhook } from "@/lib/withdrawals/payout-callback";

import { CallbackWorker, processWorker } from "./worker";

/**
 * This server process's callback worker, for both upstreams: started with the server (so
 * what waited across a restart is picked up at once) and woken by each webhook route.
 */
export function callbackWorker(): CallbackWorker {
  return processWorker(
    () =>
      new CallbackWorker(getDb, {
        p2w: (id) => p2wWebhook.process(topupDeps(), id),
        payout: (id) => payoutWebhook.process(withdrawalDeps(), id),
      }),
  );
}
