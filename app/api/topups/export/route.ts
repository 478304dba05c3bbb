import { getLocale, getTranslations } from "next-intl/server";

import { route, otherMethods } from "@/lib/api/route";
import { csvDownload, exportFilters } from "@/lib/csv";
import { exportTopupsFor } from "@/lib/for-user/topups";
import type { Locale } from "@/lib/i18n/config";
import { wordsOf } from "@/lib/i18n/words";
import { TOPUP_EXPORT_COLUMNS } from "@/lib/topups/export-topups";
import { parseTopupQuery } from "@/lib/topups/list-query";

export const dynamic = "force-dynamic";

/** CSV of exactly the filtered rows (the list's query string, without paging), streamed. */
export const GET = route("topup:export", async (request, caller) => {
  const params = exportFilters(request);
  const rows = await exportTopupsFor(
    caller,
    parseTopupQuery(params),
    Object.fromEntries(params.entries()),
    wordsOf(await getTranslations()),
    (await getLocale()) as Locale,
  );
  const t = await getTranslations("export.topups");
  return csvDownload(
    "topups",
    TOPUP_EXPORT_COLUMNS.map((c) => t(c)),
    rows,
  );
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
