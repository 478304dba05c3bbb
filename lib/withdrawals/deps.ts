import "server-only";

import type { Db } from "@/db/client";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import type { PayoutClient } from "@/lib/payout/client";
import { getPayoutClient } from "@/lib/upstream/clients";

export type WithdrawalDeps = {
  db: Db;
  payout: PayoutClient;
  /** To verify callbacks: the shared secret and our merchant id. */
  secret: string;
  merchantId: string;
  confirmCallbacks: boolean;
  /** Milliseconds since the epoch; injectable for tests of the callback time window. */
  clock?: () => number;
};

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
