import type { TopupListRow } from "@/db/queries/topups";
import type { LocalizedText } from "@/db/enums";
import type { TopupRow } from "@/db/schema";

/** The `Topup` of docs/design.md, JSON API (times ISO-8601 UTC), plus a few display fields. */
export type TopupJson = {
  refId: string;
  orderId: string | null;
  packageId: string;
  topupInfo: Record<string, string>;
  status: TopupRow["status"];
  reason: string | null;
  /** The creator's e-mail and name (none for orders the system made). */
  createdBy: string | null;
  createdByName: string | null;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
  priceSatang: number;
  game: string | null;
  /** The package's name in both languages (the page shows the person's). */
  packageName: LocalizedText | null;
  needsReview: TopupRow["needsReview"];
  reissueOf: string | null;
};

export function toTopupJson(
  row: Omit<TopupListRow, "createdByEmail" | "createdByName" | "game" | "packageName"> &
    Partial<Pick<TopupListRow, "createdByEmail" | "createdByName" | "game" | "packageName">>,
): TopupJson {
  return {
    refId: row.refId,
    orderId: row.orderId,
    packageId: row.packageId,
    topupInfo: row.topupInfo,
    status: row.status,
    reason: row.reason,
    createdBy: row.createdByEmail ?? null,
    createdByName: row.createdByName ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
    priceSatang: row.priceSatang,
    game: row.game ?? null,
    packageName: row.packageName ?? null,
    needsReview: row.needsReview,
    reissueOf: row.reissueOf,
  };
}
