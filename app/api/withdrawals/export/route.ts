import { csvExportRoute } from "@/lib/api/csv-export";
import { otherMethods } from "@/lib/api/route";
import { exportWithdrawalsFor } from "@/lib/for-user/withdrawals";
import { WITHDRAWAL_EXPORT_COLUMNS } from "@/lib/withdrawals/export-withdrawals";
import { parseWithdrawalQuery } from "@/lib/withdrawals/list-query";

export const dynamic = "force-dynamic";

/** CSV of exactly the filtered withdrawals: amounts in baht, Bangkok times, account data masked. */
export const GET = csvExportRoute({
  permission: "withdrawal:export",
  name: "withdrawals",
  messages: "export.withdrawals",
  columns: WITHDRAWAL_EXPORT_COLUMNS,
  rows: (caller, params, words) =>
    exportWithdrawalsFor(caller, parseWithdrawalQuery(params), Object.fromEntries(params), words),
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
