import type { Db } from "@/db/client";
import type { PayoutClient } from "@/lib/payout/client";

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
