import { getTranslations } from "next-intl/server";

import { route, otherMethods } from "@/lib/api/respond";
import { requirePermission } from "@/lib/auth/guard";
import { csvStream } from "@/lib/csv";
import { bangkokDay } from "@/lib/format";
import { wordsOf } from "@/lib/i18n/words";
import { exportWithdrawalsFor } from "@/lib/withdrawals/by-person";
import { WITHDRAWAL_EXPORT_COLUMNS } from "@/lib/withdrawals/export-withdrawals";
import { parseWithdrawalQuery } from "@/lib/withdrawals/list-query";

export const dynamic = "force-dynamic";

/** CSV of exactly the filtered withdrawals: amounts in baht, Bangkok times, account data masked. */
export const GET = route(async (request) => {
  const user = await requirePermission("withdrawal:export");
  const params = new URL(request.url).searchParams;
  params.delete("cursor");
  params.delete("limit");
  const query = parseWithdrawalQuery(params);
  const words = wordsOf(await getTranslations());
  const rows = await exportWithdrawalsFor(user, query, Object.fromEntries(params.entries()), words);
  const t = await getTranslations("export.withdrawals");
  return new Response(
    csvStream(
      WITHDRAWAL_EXPORT_COLUMNS.map((c) => t(c)),
      rows,
    ),
    {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="withdrawals-${bangkokDay(new Date())}.csv"`,
        "cache-control": "no-store",
      },
    },
  );
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
