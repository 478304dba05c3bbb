import type { Db } from "@/db/client";
import { insertUpstreamCall } from "@/db/queries/upstream-calls";
import { type PayoutConfig, PayoutClient } from "@/lib/payout/client";

/** A merchant's credentials at the gateway simulator, as a test file sets them up. */
export type SandboxMerchant = { merchantId: string; token: string; secret: string };

/**
 * A gateway client of the simulator at `baseUrl`, recording its calls into `db` as the
 * app's do; short timeouts unless `tuning` says otherwise.
 */
export function sandboxPayoutClient(
  baseUrl: string,
  merchant: SandboxMerchant,
  db: Db,
  tuning: Partial<PayoutConfig> = {},
): PayoutClient {
  return new PayoutClient({ baseUrl, ...merchant, timeoutMs: 500, ...tuning }, (call) =>
    insertUpstreamCall(db, call),
  );
}
