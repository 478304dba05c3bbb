import "server-only";

import { getTopup, changeTopupAtomically } from "@/db/queries/topups";
import type { HistorySource, TopupRow } from "@/db/schema";
import { AppError, notFoundError } from "@/lib/errors";
import { P2wNotFoundError } from "@/lib/p2w/errors";
import { UpstreamError } from "@/lib/upstream/errors";
import { upstreamToAppError } from "@/lib/upstream/to-app-error";

import type { TopupDeps } from "./deps";
import { planTopupAnomaly, planTopupObservation } from "./observe";

/**
 * Reads the order from P2W (signed GET) and applies the answer by the same rules as a
 * callback. An order without an orderID cannot be read (there is no lookup by refID).
 */
export async function requeryTopup(
  deps: Pick<TopupDeps, "db" | "p2w">,
  refId: string,
  by: { actor: string; source: Extract<HistorySource, "requery" | "reconciler"> },
): Promise<TopupRow> {
  const topup = await getTopup(deps.db, refId);
  if (!topup) throw notFoundError();
  if (!topup.orderId) throw new AppError("NO_ORDER_ID", 409, { refId });
  const orderId = topup.orderId;
  try {
    const order = await deps.p2w.getOrder(orderId, { actor: by.actor });
    const refMismatch = order.refId !== refId;
    const applied = await changeTopupAtomically(deps.db, refId, (current) =>
      refMismatch
        ? planTopupAnomaly(current, by, { reportedRefId: order.refId })
        : planTopupObservation(current, {
            status: order.status,
            rawStatus: order.rawStatus,
            orderId: order.orderId,
            reason: order.reason,
            source: by.source,
            actor: by.actor,
          }),
    );
    return applied?.topup ?? topup;
  } catch (error) {
    if (error instanceof P2wNotFoundError) {
      await changeTopupAtomically(deps.db, refId, (current) =>
        planTopupAnomaly(current, by, { error: "ORDER_NOT_FOUND", orderId }),
      );
    }
    if (error instanceof UpstreamError) throw upstreamToAppError(error, { refId });
    throw error;
  }
}
