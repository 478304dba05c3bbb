import "server-only";

import type { Db } from "@/db/client";
import { topupCursorOf, listTopups } from "@/db/queries/topups";
import { formatDateTime, satangToDecimal } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";
import type { Words } from "@/lib/i18n/words";

import type { TopupQuery } from "./list-query";

const PAGE = 1_000;

export const TOPUP_EXPORT_COLUMNS = [
  "refId",
  "orderId",
  "status",
  "statusCode",
  "reason",
  "reasonCode",
  "package",
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

/**
 * Exactly the rows the list shows for this filter and sort, every page of them: statuses,
 * reasons and packages in the person's words, each beside the code a script would match.
 */
export async function* topupExportRows(
  db: Db,
  query: TopupQuery,
  words: Words,
  locale: Locale,
): AsyncGenerator<string[][]> {
  let cursor = undefined as ReturnType<typeof topupCursorOf> | undefined;
  for (;;) {
    const rows = await listTopups(db, query.filter, { sort: query.sort, cursor, limit: PAGE });
    if (rows.length === 0) return;
    yield rows.map((r) => [
      r.refId,
      r.orderId ?? "",
      words.status(r.status),
      r.status,
      words.reason(r.reason),
      r.reason ?? "",
      r.packageName?.[locale] ?? "",
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
