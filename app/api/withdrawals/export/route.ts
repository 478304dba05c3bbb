import { getTranslations } from "next-intl/server";

import { getDb } from "@/lib/db";
import { insertAudit } from "@/db/queries/audit";
import { route } from "@/lib/api/respond";
import { requestIp, requirePermission } from "@/lib/auth/guard";
import { csvStream } from "@/lib/csv";
import { bangkokDay } from "@/lib/format";
import {
  WITHDRAWAL_EXPORT_COLUMNS,
  withdrawalExportRows,
} from "@/lib/withdrawals/export-withdrawals";
import { parseWithdrawalQuery } from "@/lib/withdrawals/list-query";

export const dynamic = "force-dynamic";

/** CSV of exactly the filtered withdrawals: amounts in baht, Bangkok times, account data masked. */
export const GET = route(async (request) => {
  const user = await requirePermission("withdrawal:export");
  const params = new URL(request.url).searchParams;
  params.delete("cursor");
  params.delete("limit");
  const query = parseWithdrawalQuery(params);
  const db = getDb();
  await insertAudit(db, {
    actorId: user.id,
    actorEmail: user.email,
    action: "withdrawal.export",
    details: { query: Object.fromEntries(params.entries()) },
    ip: await requestIp(),
  });
  const t = await getTranslations("export.withdrawals");
  return new Response(
    csvStream(
      WITHDRAWAL_EXPORT_COLUMNS.map((c) => t(c)),
      withdrawalExportRows(db, query),
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
