"use client";

import { useLocale, useTranslations } from "next-intl";

import type { Columns } from "@/components/list-kit/columns";
import { column, idColumn, statusColumn, whenColumn } from "@/components/list-kit/common-columns";
import { ShortId } from "@/components/ui/short-id";
import { formatSatang } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";
import { wordsOf } from "@/lib/i18n/words";
import type { TopupJson } from "@/lib/topups/topup-view";

export const topupHref = (row: TopupJson) => `/topups/${row.refId}`;

/** The top-up list's columns, in the page's language. */
export function useTopupColumns(): Columns<TopupJson> {
  const t = useTranslations();
  const words = wordsOf(t);
  const locale = useLocale() as Locale;
  return [
    idColumn("refId", t("topups.refId"), (row) => row.refId, topupHref),
    statusColumn(t("topups.status")),
    column(
      "package",
      `${t("topups.package")} · ${t("topups.gameId")}`,
      ({ game, packageName, packageId, topupInfo }) => {
        const name = [game ?? packageId, packageName?.[locale]].filter(Boolean).join(" · ");
        return (
          <span className="block max-w-52 min-w-36">
            <span className="line-clamp-2" title={`${name} (${packageId})`}>
              {name}
            </span>
            <span className="block truncate font-mono text-xs text-slate-500">
              {Object.values(topupInfo)[0] ?? ""}
            </span>
          </span>
        );
      },
      { label: t("topups.package"), wrap: true },
    ),
    column("price", t("topups.price"), (row) => formatSatang(row.priceSatang), { numeric: true }),
    column(
      "reason",
      t("topups.failureReason"),
      (row) => {
        const said = words.reason(row.reason);
        if (!said) return null;
        return (
          <span className="line-clamp-2 max-w-52 min-w-32 text-slate-700" title={row.reason ?? ""}>
            {said}
          </span>
        );
      },
      { wrap: true },
    ),
    column(
      "createdBy",
      t("topups.createdBy"),
      (row) => (
        <span title={row.createdBy ?? ""}>
          {row.createdByName ?? row.createdBy ?? t("orders.system")}
        </span>
      ),
      { hiddenByDefault: true, hideOnPhone: true },
    ),
    whenColumn("createdAt", t("topups.createdAt"), (row) => row.createdAt),
    whenColumn("updatedAt", t("topups.updatedAt"), (row) => row.updatedAt, {
      hiddenByDefault: true,
      hideOnPhone: true,
    }),
    column(
      "orderId",
      t("topups.orderId"),
      (row) => (row.orderId ? <ShortId id={row.orderId} /> : t("common.none")),
      { hideOnPhone: true },
    ),
  ];
}
