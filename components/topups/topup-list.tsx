"use client";

import { useLocale, useTranslations } from "next-intl";

import { requeryTopupAction } from "@/lib/actions/topups";
import type { Columns } from "@/components/list-kit/columns";
import type { Page } from "@/components/list-kit/use-order-list";
import { OrderListShell, useOrderListState } from "@/components/list-kit/order-list-shell";
import { ReviewBadge, StatusBadge } from "@/components/status-badge";
import { ShortId } from "@/components/ui/short-id";
import { When } from "@/components/ui/when";
import { formatSatang } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";
import type { InitialPage } from "@/lib/orders/list-url";
import { wordsOf } from "@/lib/i18n/words";
import type { TopupJson } from "@/lib/topups/topup-view";
import { isFinal } from "@/lib/orders/status-machine";
import { TOPUP_MACHINE } from "@/lib/topups/topup-status";

import { TopupFilters } from "./topup-filters";

type Option = { id: string | number; label: string };

const hrefOf = (row: TopupJson) => `/topups/${row.refId}`;

export function TopupList({
  packages,
  users,
  canRequery,
  canExport,
  initial,
}: {
  packages: Option[];
  users: Option[];
  canRequery: boolean;
  canExport: boolean;
  /** The first page as the server rendered it. */
  initial?: InitialPage<Page<TopupJson>>;
}) {
  const t = useTranslations();
  const words = wordsOf(t);
  const locale = useLocale() as Locale;
  const state = useOrderListState<TopupJson>(
    "/api/topups",
    "topup",
    "topups",
    (row) => row.refId,
    (refId) => requeryTopupAction({ refId }),
    (row) => isFinal(TOPUP_MACHINE, row.status),
    initial,
  );
  const columns: Columns<TopupJson> = [
    {
      id: "refId",
      enableHiding: false,
      header: t("topups.refId"),
      cell: ({ row }) => <ShortId id={row.original.refId} href={hrefOf(row.original)} />,
    },
    {
      id: "status",
      enableHiding: false,
      header: t("topups.status"),
      meta: { wrap: true },
      cell: ({ row }) => (
        <span className="flex flex-wrap gap-1">
          <StatusBadge status={row.original.status} />
          <ReviewBadge reason={row.original.needsReview} status={row.original.status} />
        </span>
      ),
    },
    {
      id: "package",
      header: `${t("topups.package")} · ${t("topups.gameId")}`,
      meta: { label: t("topups.package"), wrap: true },
      cell: ({ row }) => {
        const { game, packageName, packageId, topupInfo } = row.original;
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
    },
    {
      id: "price",
      header: t("topups.price"),
      meta: { numeric: true },
      cell: ({ row }) => formatSatang(row.original.priceSatang),
    },
    {
      id: "reason",
      header: t("topups.failureReason"),
      meta: { wrap: true },
      cell: ({ row }) => {
        const said = words.reason(row.original.reason);
        if (!said) return null;
        return (
          <span
            className="line-clamp-2 max-w-52 min-w-32 text-slate-700"
            title={row.original.reason ?? ""}
          >
            {said}
          </span>
        );
      },
    },
    {
      id: "createdBy",
      header: t("topups.createdBy"),
      meta: { hiddenByDefault: true, hideOnPhone: true },
      cell: ({ row }) => (
        <span title={row.original.createdBy ?? ""}>
          {row.original.createdByName ?? row.original.createdBy ?? t("orders.system")}
        </span>
      ),
    },
    {
      id: "createdAt",
      header: t("topups.createdAt"),
      cell: ({ row }) => <When at={row.original.createdAt} />,
    },
    {
      id: "updatedAt",
      header: t("topups.updatedAt"),
      meta: { hiddenByDefault: true, hideOnPhone: true },
      cell: ({ row }) => <When at={row.original.updatedAt} />,
    },
    {
      id: "orderId",
      header: t("topups.orderId"),
      meta: { hideOnPhone: true },
      cell: ({ row }) =>
        row.original.orderId ? <ShortId id={row.original.orderId} /> : t("common.none"),
    },
  ];

  return (
    <div className="space-y-4">
      <TopupFilters
        params={state.list.filters}
        packages={packages}
        users={users}
        error={state.list.error}
        onApply={state.applyFilters}
      />
      <OrderListShell
        state={state}
        canRequery={canRequery}
        requeryBlockedBy={(row) => (row.orderId ? undefined : t("topups.noOrderId"))}
        exportPath={canExport ? "/api/topups/export" : null}
        tableId="topups"
        noun={t("orders.nouns.topups")}
        testId="topup-table"
        columns={columns}
        hrefOf={hrefOf}
        rowProps={(row) => ({ "data-ref-id": row.refId })}
        note={t("common.timeZoneNote")}
      />
    </div>
  );
}
