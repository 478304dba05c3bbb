import "server-only";

import { insertUpstreamCall } from "@/db/queries/upstream-calls";
import { CallbackWorker } from "@/lib/callbacks/worker";
import { receiver } from "@/lib/callbacks/webhook";
import { getDb, getWorkerDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import type { ReplayDeps } from "@/lib/logs/replay";
import { P2wClient } from "@/lib/p2w/client";
import { PayoutClient } from "@/lib/payout/client";
import type { TopupDeps } from "@/lib/topups/deps";
import { p2wWebhook } from "@/lib/topups/p2w-callback";
import type { CallRecorder } from "@/lib/upstream/call-log";
import type { WithdrawalDeps } from "@/lib/withdrawals/deps";
import { payoutWebhook } from "@/lib/withdrawals/payout-callback";

/**
 * The composition of the process: which upstream clients, database connections and settings
 * each use case is given. The use cases take these as arguments (tests build their own from
 * a temp database and the sandbox); only this file reads them from the environment, so no
 * folder of `lib/` needs to import another's wiring.
 */

const recordToDb: CallRecorder = (call) => insertUpstreamCall(getDb(), call);

let clients: ReturnType<typeof newUpstreamClients> | undefined;

export function getP2wClient(): P2wClient {
  clients ??= newUpstreamClients(recordToDb);
  return clients.p2w;
}

export function getPayoutClient(): PayoutClient {
  clients ??= newUpstreamClients(recordToDb);
  return clients.payout;
}

/** Both upstreams' clients from the environment, recording their calls with `record`. */
export function newUpstreamClients(record: CallRecorder): { p2w: P2wClient; payout: PayoutClient } {
  const env = getEnv();
  const timeoutMs = env.UPSTREAM_TIMEOUT_MS;
  return {
    p2w: new P2wClient(
      {
        baseUrl: env.P2W_API_URL,
        partnerId: env.P2W_PARTNER_ID,
        secret: env.P2W_SECRET,
        timeoutMs,
      },
      record,
    ),
    payout: new PayoutClient(
      {
        baseUrl: env.PAYOUT_API_URL,
        merchantId: env.PAYOUT_MERCHANT_ID,
        token: env.PAYOUT_TOKEN,
        secret: env.PAYOUT_SECRET,
        timeoutMs,
      },
      record,
    ),
  };
}

export function topupDeps(): TopupDeps {
  const env = getEnv();
  return {
    db: getDb(),
    p2w: getP2wClient(),
    callbackUrl: env.CALLBACK_URL ?? env.APP_URL,
    webhookSecret: env.WEBHOOK_SECRET,
    confirmCallbacks: env.CALLBACK_CONFIRM === "on",
  };
}

export function withdrawalDeps(): WithdrawalDeps {
  const env = getEnv();
  return {
    db: getDb(),
    payout: getPayoutClient(),
    secret: env.PAYOUT_SECRET,
    merchantId: env.PAYOUT_MERCHANT_ID,
    confirmCallbacks: env.CALLBACK_CONFIRM === "on",
  };
}

/** Both kinds of order: the reconciler, a replay and the one-shot commands work on both. */
export const orderDeps = (): ReplayDeps => ({ topups: topupDeps(), withdrawals: withdrawalDeps() });

/** Each upstream's receiving end: verified and stored through that upstream's deps. */
export const callbackReceivers = () => ({
  p2w: receiver(p2wWebhook, topupDeps),
  payout: receiver(payoutWebhook, withdrawalDeps),
});

/**
 * The callback worker for both upstreams, on its own connection (`getWorkerDb`); its upstream
 * clients record their calls there too, so a callback's processing costs no sync to disk of
 * its own. Built inside the callback thread (wiring-callback-thread.ts).
 */
export function newCallbackWorker(): CallbackWorker {
  const db = getWorkerDb();
  const record: CallRecorder = (call) => insertUpstreamCall(db, call);
  const { p2w, payout } = newUpstreamClients(record);
  const topups = { ...topupDeps(), db, p2w };
  const withdrawals = { ...withdrawalDeps(), db, payout };
  return new CallbackWorker(() => db, {
    p2w: (id) => p2wWebhook.process(topups, id),
    payout: (id) => payoutWebhook.process(withdrawals, id),
  });
}
