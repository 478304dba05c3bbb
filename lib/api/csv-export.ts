import "server-only";

import { getLocale, getTranslations } from "next-intl/server";

import { type RouteHandler, route } from "@/lib/api/route";
import type { Caller } from "@/lib/auth/guard";
import type { Permission } from "@/lib/auth/permissions";
import { csvDownload, exportFilters } from "@/lib/csv";
import type { Locale } from "@/lib/i18n/config";
import { wordsOf, type Words } from "@/lib/i18n/words";

/**
 * A list's CSV export route: exactly the rows the list's query string filters (without its
 * paging), headed by the columns' names in the person's language, streamed page by page.
 * `rows` is the person's use case, which audits the export with its filters.
 */
export function csvExportRoute(options: {
  permission: Permission;
  /** The file's name before the day: `topups` → `topups-2026-12-06.csv`. */
  name: string;
  /** The message namespace of the columns' names (`export.topups`). */
  messages: "export.topups" | "export.withdrawals";
  columns: readonly string[];
  rows: (
    caller: Caller,
    params: URLSearchParams,
    words: Words,
    locale: Locale,
  ) => Promise<AsyncIterable<string[][]>>;
}): RouteHandler {
  return route(options.permission, async (request, caller) => {
    const params = exportFilters(request);
    const words = wordsOf(await getTranslations());
    const rows = await options.rows(caller, params, words, (await getLocale()) as Locale);
    const t = await getTranslations(options.messages);
    return csvDownload(
      options.name,
      options.columns.map((c) => t(c as "refId")),
      rows,
    );
  });
}
