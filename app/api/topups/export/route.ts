import { csvExportRoute } from "@/lib/api/csv-export";
import { otherMethods } from "@/lib/api/route";
import { exportTopupsFor } from "@/lib/for-user/topups";
import { TOPUP_EXPORT_COLUMNS } from "@/lib/topups/export-topups";
import { parseTopupQuery } from "@/lib/topups/list-query";

export const dynamic = "force-dynamic";

/** CSV of exactly the filtered rows (the list's query string, without paging), streamed. */
export const GET = csvExportRoute({
  permission: "topup:export",
  name: "topups",
  messages: "export.topups",
  columns: TOPUP_EXPORT_COLUMNS,
  rows: (caller, params, words, locale) =>
    exportTopupsFor(caller, parseTopupQuery(params), Object.fromEntries(params), words, locale),
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
