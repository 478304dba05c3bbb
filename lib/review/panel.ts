import "server-only";

import type { Db } from "@/db/client";
import { approvalsOf, reissueBlockerIn, reissueOf } from "@/db/queries/approvals";
import { reviewItemsOf } from "@/db/queries/review-items";
import { listCallbacksFor } from "@/db/queries/callbacks";
import { listUpstreamCalls } from "@/db/queries/upstream-calls";
import type { TopupRow, WithdrawalRow } from "@/db/schema";
import { getSettings } from "@/lib/settings/settings";

import { reissueNeedsApproval } from "./reissue";
import type { NotReissuableReason } from "./outcomes";
import {
  type ApprovalJson,
  type ReviewItemJson,
  toApprovalJson,
  toReviewItemJson,
} from "./review-view";

export type ReissueState = {
  /** Why it may not be re-issued now; null when it may. */
  blocker: NotReissuableReason | null;
  needsApproval: boolean;
  reissuedAs: string | null;
  /** What a re-issue would send again, for the person to confirm. */
  order: { packageId: string; player: string | null; priceSatang: number };
};

/** What the reconciler did, and for an unknown outcome whether anyone upstream ever named it. */
export type Evidence = {
  attempts: number;
  nextCheckAt: string | null;
  namedByCallback: boolean | null;
  namedByRead: boolean | null;
};

export type ReviewPanelData = {
  evidence: Evidence;
  items: ReviewItemJson[];
  approvals: ApprovalJson[];
  reissue: ReissueState | null;
  slaHours: number;
};

/** What the detail page's review panel shows for one order: its items, requests, re-issue state. */
export async function reviewPanelData(
  db: Db,
  order: { kind: "topup"; row: TopupRow } | { kind: "withdrawal"; row: WithdrawalRow },
): Promise<ReviewPanelData> {
  const settings = await getSettings(db);
  const id = order.kind === "topup" ? order.row.refId : order.row.platformOrderId;
  const items = (await reviewItemsOf(db, order.kind, id)).map(toReviewItemJson);
  const evidence: Evidence = {
    attempts: order.row.reconcileAttempts,
    nextCheckAt: order.row.nextCheckAt?.toISOString() ?? null,
    namedByCallback: null,
    namedByRead: null,
  };
  if (order.kind === "withdrawal") {
    return { evidence, items, approvals: [], reissue: null, slaHours: settings.reviewSlaHours };
  }
  const topup = order.row;
  if (items.some((i) => i.reason === "unknown_outcome")) {
    const ids = [topup.refId, ...(topup.orderId ? [topup.orderId] : [])];
    evidence.namedByCallback = (await listCallbacksFor(db, [topup.refId])).length > 0;
    evidence.namedByRead = (await listUpstreamCalls(db, ids)).some(
      (c) => c.operation === "get_order" && c.outcome === "ok",
    );
  }
  const blocker = await reissueBlockerIn(db, topup.refId);
  return {
    evidence,
    items,
    approvals: (await approvalsOf(db, topup.refId)).map(toApprovalJson),
    reissue: {
      blocker: blocker === "missing" ? "not_failed" : blocker,
      needsApproval: reissueNeedsApproval(topup.priceSatang, settings),
      reissuedAs: await reissueOf(db, topup.refId),
      order: { packageId: topup.packageId, player: topup.gameId, priceSatang: topup.priceSatang },
    },
    slaHours: settings.reviewSlaHours,
  };
}
