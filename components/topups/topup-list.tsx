"use client";

import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";

import { requeryTopupAction } from "@/app/(app)/topups/actions";
import { RequeryCell, SelectCell } from "@/components/orders/row-cells";
import { OrderListShell, useOrderListState } from "@/components/orders/order-list-shell";
import { ReviewBadge, StatusBadge } from "@/components/status-badge";
import { ui } from "@/components/ui/styles";
import { formatDateTime, formatSatang } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";
import type { TopupJson } from "@/lib/topups/topup-view";

import { TopupFilters } from "./topup-filters";
import { TOPUP_MACHINE } from "@/lib/topups/topup-status";

type Option = { id: string | number; label: string };

export function TopupList({
  packages,
  users,
  canRequery,
  canExport,
}: {
  packages: Option[];
  users: Option[];
  canRequery: boolean;
  canExport: boolean;
}) {
  const t = useTranslations();
  const locale = useLocale() as Locale;
  const state = useOrderListState<TopupJson>(
    "/api/topups",
    "topup",
    (row) => row.refId,
    (refId) => requeryTopupAction({ refId }),
    (row) => TOPUP_MACHINE.final.includes(row.status),
  );
  const { selection, runner, items } = state;
  const columns = canRequery ? 10 : 8;

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
        exportPath={canExport ? "/api/topups/export" : null}
        noun={t("orders.nouns.topups")}
        testId="topup-table"
        columns={columns}
        note={t("common.timeZoneNote")}
        headers={
          <>
            <th className={ui.th}>{t("topups.refId")}</th>
            <th className={ui.th}>{t("topups.status")}</th>
            <th className={ui.th}>{t("topups.package")}</th>
            <th className={ui.th}>{t("topups.gameId")}</th>
            <th className={`${ui.th} text-right`}>{t("topups.price")}</th>
            <th className={ui.th}>{t("topups.createdBy")}</th>
            <th className={ui.th}>{t("topups.createdAt")}</th>
            <th className={ui.th}>{t("topups.orderId")}</th>
          </>
        }
      >
        {items.map((row) => (
          <tr key={row.refId} data-ref-id={row.refId}>
            {canRequery && <SelectCell id={row.refId} selection={selection} />}
            <td className={`${ui.td} font-mono text-xs`}>
              <Link href={`/topups/${row.refId}`} className="text-indigo-700 hover:underline">
                {row.refId}
              </Link>
            </td>
            <td className={ui.td}>
              <StatusBadge status={row.status} />
              <ReviewBadge reason={row.needsReview} status={row.status} />
            </td>
            <td className={ui.td} title={row.packageId}>
              {row.game ?? row.packageId}
              {row.packageName && (
                <span className="ml-1 text-slate-500">{row.packageName[locale]}</span>
              )}
            </td>
            <td className={`${ui.td} font-mono text-xs`}>
              {Object.values(row.topupInfo)[0] ?? ""}
            </td>
            <td className={`${ui.td} text-right tabular-nums`}>{formatSatang(row.priceSatang)}</td>
            <td className={ui.td}>{row.createdBy}</td>
            <td className={`${ui.td} tabular-nums`}>{formatDateTime(new Date(row.createdAt))}</td>
            <td className={`${ui.td} font-mono text-xs`}>{row.orderId ?? t("common.none")}</td>
            {canRequery && (
              <RequeryCell
                id={row.refId}
                runner={runner}
                disabledReason={row.orderId ? undefined : t("topups.noOrderId")}
              />
            )}
          </tr>
        ))}
      </OrderListShell>
    </div>
  );
}
