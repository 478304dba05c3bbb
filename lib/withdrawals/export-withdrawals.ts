import "server-only";

import type { Db } from "@/db/client";
import { listWithdrawals, withdrawalCursorOf } from "@/db/queries/withdrawals";
import { formatDateTime, satangToDecimal } from "@/lib/format";
import type { Words } from "@/lib/i18n/words";
import type { Cursor } from "@/lib/orders/list-params";

import type { WithdrawalQuery } from "./list-query";
import { maskAccountName, maskAccountNo } from "./mask";

const PAGE = 1_000;

export const WITHDRAWAL_EXPORT_COLUMNS = [
  "platformOrderId",
  "merchantOrderId",
  "status",
  "statusCode",
  "bank",
  "bankCode",
  "accountNo",
  "accountName",
  "amountBaht",
  "orderedAt",
  "doneAt",
] as const;

/**
 * The filtered rows, every page; account data masked, amounts in baht, times in Bangkok,
 * statuses and banks in the person's words beside their codes.
 */
export async function* withdrawalExportRows(
  db: Db,
  query: WithdrawalQuery,
  words: Words,
): AsyncGenerator<string[][]> {
  let cursor: Cursor | undefined;
  for (;;) {
    const rows = await listWithdrawals(db, query.filter, { sort: query.sort, cursor, limit: PAGE });
    if (rows.length === 0) return;
    yield rows.map((r) => [
      r.platformOrderId,
      r.merchantOrderId,
      words.status(r.status),
      r.status,
      words.bank(r.bank),
      r.bank,
      maskAccountNo(r.accountNo),
      maskAccountName(r.accountName),
      satangToDecimal(r.amountSatang),
      formatDateTime(r.orderedAt),
      r.doneAt ? formatDateTime(r.doneAt) : "",
    ]);
    const last = rows.at(-1);
    if (rows.length < PAGE || !last) return;
    cursor = withdrawalCursorOf(last, query.sort);
  }
}
