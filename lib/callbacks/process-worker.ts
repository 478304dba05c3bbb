import "server-only";

import { insertUpstreamCall } from "@/db/queries/upstream-calls";
import { getWorkerDb } from "@/lib/db";
import type { CallRecorder } from "@/lib/upstream/call-log";
import { newP2wClient, newPayoutClient } from "@/lib/upstream/clients";
import { topupDeps } from "@/lib/topups/deps";
import { p2wWebhook } from "@/lib/topups/p2w-callback";
import { withdrawalDeps } from "@/lib/withdrawals/deps";
import { payoutWebhook } from "@/lib/withdrawals/payout-callback";

import { CallbackWorker, processWorker } from "./worker";

/**
 * This server process's callback worker, for both upstreams: started with the server (so
 * what waited across a restart is picked up at once) and woken by each webhook route. It
 * works on its own connection (`getWorkerDb`), and its upstream clients record their calls
 * there too, so a callback's processing costs no sync to disk of its own.
 */
export function callbackWorker(): CallbackWorker {
  return processWorker(() => {
    const db = getWorkerDb();
    const record: CallRecorder = (call) => insertUpstreamCall(db, call);
    const topups = { ...topupDeps(), db, p2w: newP2wClient(record) };
    const withdrawals = { ...withdrawalDeps(), db, payout: newPayoutClient(record) };
    return new CallbackWorker(() => db, {
      p2w: (id) => p2wWebhook.process(topups, id),
      payout: (id) => payoutWebhook.process(withdrawals, id),
    });
  });
}
