import "server-only";

import type { Db } from "@/db/client";
import { topupCursorOf, listTopups } from "@/db/queries/topups";
import { formatDateTime, satangToDecimal } from "@/lib/format";

import type { TopupQuery } from "./list-query";

const PAGE = 1_000;

export const TOPUP_EXPORT_COLUMNS = [
  "refId",
  "orderId",
  "status",
  "reason",
  "packageId",
  "game",
  "gameId",
  "topupInfo",
  "priceBaht",
  "createdBy",
  "createdAt",
  "updatedAt",
  "completedAt",
] as const;

/** Exactly the rows the list shows for this filter and sort, every page of them. */
export async function* topupExportRows(db: Db, query: TopupQuery): AsyncGenerator<string[][]> {
  let cursor = undefined as ReturnType<typeof topupCursorOf> | undefined;
  for (;;) {
    const rows = await listTopups(db, query.filter, { sort: query.sort, cursor, limit: PAGE });
    if (rows.length === 0) return;
    yield rows.map((r) => [
      r.refId,
      r.orderId ?? "",
      r.status,
      r.reason ?? "",
      r.packageId,
      r.game ?? "",
      r.gameId ?? "",
      Object.entries(r.topupInfo)
        .map(([k, v]) => `${k}=${v}`)
        .join("; "),
      satangToDecimal(r.priceSatang),
      r.createdByEmail ?? "",
      formatDateTime(r.createdAt),
      formatDateTime(r.updatedAt),
      r.completedAt ? formatDateTime(r.completedAt) : "",
    ]);
    if (rows.length < PAGE) return;
    const last = rows.at(-1);
    if (!last) return;
    cursor = topupCursorOf(last, query.sort);
  }
}
