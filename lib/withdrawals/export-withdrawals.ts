import "server-only";

import type { Db } from "@/db/client";
import { listWithdrawals, withdrawalCursorOf } from "@/db/queries/withdrawals";
import { formatDateTime, satangToDecimal } from "@/lib/format";
import type { Cursor } from "@/lib/orders/list-params";

import type { WithdrawalQuery } from "./list-query";
import { maskAccountName, maskAccountNo } from "./mask";

const PAGE = 1_000;

export const WITHDRAWAL_EXPORT_COLUMNS = [
  "platformOrderId",
  "merchantOrderId",
  "status",
  "bank",
  "accountNo",
  "accountName",
  "amountBaht",
  "orderedAt",
  "doneAt",
] as const;

/** The filtered rows, every page; account data masked, amounts in baht, times in Bangkok. */
export async function* withdrawalExportRows(
  db: Db,
  query: WithdrawalQuery,
): AsyncGenerator<string[][]> {
  let cursor: Cursor | undefined;
  for (;;) {
    const rows = await listWithdrawals(db, query.filter, { sort: query.sort, cursor, limit: PAGE });
    if (rows.length === 0) return;
    yield rows.map((r) => [
      r.platformOrderId,
      r.merchantOrderId,
      r.status,
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
