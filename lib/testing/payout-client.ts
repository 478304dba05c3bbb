import type { Db } from "@/db/client";
import { insertUpstreamCall } from "@/db/queries/upstream-calls";
import { type PayoutConfig, PayoutClient } from "@/lib/payout/client";
import { type PayoutSandbox, startPayoutSandbox } from "@/sandbox/payout";

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

/**
 * The gateway simulator for one test file's merchant, quiet, its orders finished as soon as
 * they are made and callbacks (to nowhere unless `webhookUrl`) retried quickly.
 */
export function startMerchantSandbox(
  merchant: SandboxMerchant,
  options: Partial<Parameters<typeof startPayoutSandbox>[0]> = {},
): Promise<PayoutSandbox> {
  return startPayoutSandbox({
    ...merchant,
    webhookUrl: "http://127.0.0.1:9/unused",
    completeAfterMs: 0,
    callbackRetryDelaysMs: [50],
    quiet: true,
    ...options,
  });
}
