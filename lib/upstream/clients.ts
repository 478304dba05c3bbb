import "server-only";

import { getDb } from "@/lib/db";
import { insertUpstreamCall } from "@/db/queries/upstream-calls";
import { getEnv } from "@/lib/env";
import { P2wClient } from "@/lib/p2w/client";
import { PayoutClient } from "@/lib/payout/client";

import type { CallRecorder } from "./call-log";

/** The process's upstream clients, configured from the environment, recording into the db. */
const recordToDb: CallRecorder = (call) => insertUpstreamCall(getDb(), call);

let p2w: P2wClient | undefined;
let payout: PayoutClient | undefined;

export function getP2wClient(): P2wClient {
  p2w ??= newP2wClient(recordToDb);
  return p2w;
}

export function getPayoutClient(): PayoutClient {
  payout ??= newPayoutClient(recordToDb);
  return payout;
}

/** A P2W client from the environment that records its calls with `record`. */
export function newP2wClient(record: CallRecorder): P2wClient {
  const env = getEnv();
  return new P2wClient(
    {
      baseUrl: env.P2W_API_URL,
      partnerId: env.P2W_PARTNER_ID,
      secret: env.P2W_SECRET,
      timeoutMs: env.UPSTREAM_TIMEOUT_MS,
    },
    record,
  );
}

/** A gateway client from the environment that records its calls with `record`. */
export function newPayoutClient(record: CallRecorder): PayoutClient {
  const env = getEnv();
  return new PayoutClient(
    {
      baseUrl: env.PAYOUT_API_URL,
      merchantId: env.PAYOUT_MERCHANT_ID,
      token: env.PAYOUT_TOKEN,
      secret: env.PAYOUT_SECRET,
      timeoutMs: env.UPSTREAM_TIMEOUT_MS,
    },
    record,
  );
}
