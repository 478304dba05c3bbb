import { getTranslations } from "next-intl/server";

import { getDb } from "@/lib/db";
import { insertAudit } from "@/db/queries/audit";
import { route } from "@/lib/api/respond";
import { requestIp, requirePermission } from "@/lib/auth/guard";
import { csvStream } from "@/lib/csv";
import { bangkokDay } from "@/lib/format";
import { TOPUP_EXPORT_COLUMNS, topupExportRows } from "@/lib/topups/export-topups";
import { parseTopupQuery } from "@/lib/topups/list-query";

export const dynamic = "force-dynamic";

/** CSV of exactly the filtered rows (the list's query string, without paging), streamed. */
export const GET = route(async (request) => {
  const user = await requirePermission("topup:export");
  const params = new URL(request.url).searchParams;
  params.delete("cursor");
  params.delete("limit");
  const query = parseTopupQuery(params);
  const db = getDb();
  await insertAudit(db, {
    actorId: user.id,
    actorEmail: user.email,
    action: "topup.export",
    details: { query: Object.fromEntries(params.entries()) },
    ip: await requestIp(),
  });
  const t = await getTranslations("export.topups");
  const header = TOPUP_EXPORT_COLUMNS.map((c) => t(c));
  return new Response(csvStream(header, topupExportRows(db, query)), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="topups-${bangkokDay(new Date())}.csv"`,
      "cache-control": "no-store",
    },
  });
});
