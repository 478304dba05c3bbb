import type { TopupListRow } from "@/db/queries/topups";
import type { TopupRow } from "@/db/schema";

/** The `Topup` of docs/design.md, JSON API (times ISO-8601 UTC), plus a few display fields. */
export type TopupJson = {
  refId: string;
  orderId: string | null;
  packageId: string;
  topupInfo: Record<string, string>;
  status: TopupRow["status"];
  reason: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
  priceSatang: number;
  game: string | null;
  needsReview: TopupRow["needsReview"];
  reissueOf: string | null;
};

export function toTopupJson(
  row: TopupRow & Partial<Pick<TopupListRow, "createdByEmail" | "game">>,
): TopupJson {
  return {
    refId: row.refId,
    orderId: row.orderId,
    packageId: row.packageId,
    topupInfo: row.topupInfo,
    status: row.status,
    reason: row.reason,
    createdBy: row.createdByEmail ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
    priceSatang: row.priceSatang,
    game: row.game ?? null,
    needsReview: row.needsReview,
    reissueOf: row.reissueOf,
  };
}
