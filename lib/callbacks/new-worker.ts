import "server-only";

import { insertUpstreamCall } from "@/db/queries/upstream-calls";
import { getWorkerDb } from "@/lib/db";
import type { CallRecorder } from "@/lib/upstream/call-log";
import { newP2wClient, newPayoutClient } from "@/lib/upstream/clients";
import { topupDeps } from "@/lib/topups/deps";
import { p2wWebhook } from "@/lib/topups/p2w-callback";
import { withdrawalDeps } from "@/lib/withdrawals/deps";
import { payoutWebhook } from "@/lib/withdrawals/payout-callback";

import { CallbackWorker } from "./worker";

/**
 * The callback worker for both upstreams, on its own connection (`getWorkerDb`); its upstream
 * clients record their calls there too, so a callback's processing costs no sync to disk of
 * its own. Built inside the worker thread (thread-entry.ts).
 */
export function newCallbackWorker(): CallbackWorker {
  const db = getWorkerDb();
  const record: CallRecorder = (call) => insertUpstreamCall(db, call);
  const topups = { ...topupDeps(), db, p2w: newP2wClient(record) };
  const withdrawals = { ...withdrawalDeps(), db, payout: newPayoutClient(record) };
  return new CallbackWorker(() => db, {
    p2w: (id) => p2wWebhook.process(topups, id),
    payout: (id) => payoutWebhook.process(withdrawals, id),
  });
}
