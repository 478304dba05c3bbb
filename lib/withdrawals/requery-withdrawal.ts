import "server-only";

import { changeWithdrawalAtomically } from "@/db/queries/withdrawals";
import type { HistorySource, WithdrawalRow } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { InvalidPlatformOrderIdError } from "@/lib/payout/client";
import { UpstreamError } from "@/lib/upstream/errors";
import { upstreamToAppError } from "@/lib/upstream/to-app-error";

import type { WithdrawalDeps } from "./deps";
import { planWithdrawalObservation } from "./observe";

/**
 * Reads a withdrawal from the gateway (signed `/withdraw/query`) and applies the answer by
 * the same rules as a callback; a withdrawal we did not hold yet is stored.
 */
export async function requeryWithdrawal(
  deps: Pick<WithdrawalDeps, "db" | "payout">,
  platformOrderId: string,
  by: { actor: string; source: Extract<HistorySource, "requery" | "reconciler"> },
): Promise<{ withdrawal: WithdrawalRow | undefined; result: string }> {
  try {
    const reported = await deps.payout.queryWithdrawal(platformOrderId, { actor: by.actor });
    return await changeWithdrawalAtomically(deps.db, platformOrderId, (current) =>
      planWithdrawalObservation(current, reported, by),
    );
  } catch (error) {
    if (error instanceof InvalidPlatformOrderIdError)
      throw new AppError("INVALID_PLATFORM_ORDER_ID", 400, { platformOrderId });
    if (error instanceof UpstreamError) throw upstreamToAppError(error, { platformOrderId });
    throw error;
  }
}
