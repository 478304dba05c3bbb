import { getTranslations } from "next-intl/server";

import { route, otherMethods } from "@/lib/api/route";
import { csvDownload, exportFilters } from "@/lib/csv";
import { exportWithdrawalsFor } from "@/lib/for-user/withdrawals";
import { wordsOf } from "@/lib/i18n/words";
import { WITHDRAWAL_EXPORT_COLUMNS } from "@/lib/withdrawals/export-withdrawals";
import { parseWithdrawalQuery } from "@/lib/withdrawals/list-query";

export const dynamic = "force-dynamic";

/** CSV of exactly the filtered withdrawals: amounts in baht, Bangkok times, account data masked. */
export const GET = route("withdrawal:export", async (request, caller) => {
  const params = exportFilters(request);
  const rows = await exportWithdrawalsFor(
    caller,
    parseWithdrawalQuery(params),
    Object.fromEntries(params.entries()),
    wordsOf(await getTranslations()),
  );
  const t = await getTranslations("export.withdrawals");
  return csvDownload(
    "withdrawals",
    WITHDRAWAL_EXPORT_COLUMNS.map((c) => t(c)),
    rows,
  );
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
