import { getLocale, getTranslations } from "next-intl/server";

import { route, otherMethods } from "@/lib/api/respond";
import { requirePermission } from "@/lib/auth/guard";
import { csvStream } from "@/lib/csv";
import { bangkokDay } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";
import { wordsOf } from "@/lib/i18n/words";
import { exportTopupsFor } from "@/lib/topups/by-person";
import { TOPUP_EXPORT_COLUMNS } from "@/lib/topups/export-topups";
import { parseTopupQuery } from "@/lib/topups/list-query";

export const dynamic = "force-dynamic";

/** CSV of exactly the filtered rows (the list's query string, without paging), streamed. */
export const GET = route(async (request) => {
  const user = await requirePermission("topup:export");
  const params = new URL(request.url).searchParams;
  params.delete("cursor");
  params.delete("limit");
  const query = parseTopupQuery(params);
  const words = wordsOf(await getTranslations());
  const rows = await exportTopupsFor(
    user,
    query,
    Object.fromEntries(params.entries()),
    words,
    (await getLocale()) as Locale,
  );
  const t = await getTranslations("export.topups");
  const header = TOPUP_EXPORT_COLUMNS.map((c) => t(c));
  return new Response(csvStream(header, rows), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="topups-${bangkokDay(new Date())}.csv"`,
      "cache-control": "no-store",
    },
  });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
