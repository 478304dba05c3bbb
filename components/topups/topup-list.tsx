"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";

import { requeryTopupAction } from "@/app/(app)/topups/actions";
import { ListToolbar, Pager, TableStates } from "@/components/orders/list-toolbar";
import { RequeryCell, SelectAllHeader, SelectCell } from "@/components/orders/row-cells";
import { useOrderList } from "@/components/orders/use-order-list";
import { useRequeryRunner, useSelection } from "@/components/orders/use-requery-runner";
import { ReviewBadge, StatusBadge } from "@/components/status-badge";
import { ui } from "@/components/ui/styles";
import { formatDateTime, formatSatang } from "@/lib/format";
import type { TopupJson } from "@/lib/topups/topup-view";

import { TopupFilters } from "./topup-filters";

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
  const list = useOrderList<TopupJson>("/api/topups", "topup");
  const selection = useSelection();
  const runner = useRequeryRunner((refId) => requeryTopupAction({ refId }), list.refresh);
  const items = list.data?.items ?? [];
  const ids = items.map((i) => i.refId);
  const columns = canRequery ? 10 : 8;

  return (
    <div className="space-y-4">
      <TopupFilters
        params={list.filters}
        packages={packages}
        users={users}
        onApply={(next) => {
          selection.clear();
          list.navigate(next);
        }}
      />
      <ListToolbar
        selectedCount={canRequery ? selection.selected.size : null}
        busy={runner.busy.size > 0}
        progress={runner.progress}
        onRequerySelected={() => void runner.many([...selection.selected]).then(selection.clear)}
        exportHref={canExport ? `/api/topups/export?${list.filters.toString()}` : null}
      />
      {runner.error && (
        <p role="alert" className={ui.error}>
          {runner.error}
        </p>
      )}
      <div className={`${ui.card} overflow-x-auto p-0`}>
        <table className={ui.table} data-testid="topup-table">
          <thead className="bg-slate-50">
            <tr>
              {canRequery && <SelectAllHeader ids={ids} selection={selection} />}
              <th className={ui.th}>{t("topups.refId")}</th>
              <th className={ui.th}>{t("topups.status")}</th>
              <th className={ui.th}>{t("topups.game")}</th>
              <th className={ui.th}>{t("topups.gameId")}</th>
              <th className={`${ui.th} text-right`}>{t("topups.price")}</th>
              <th className={ui.th}>{t("topups.createdBy")}</th>
              <th className={ui.th}>{t("topups.createdAt")}</th>
              <th className={ui.th}>{t("topups.orderId")}</th>
              {canRequery && <th className={ui.th}>{t("common.actions")}</th>}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            <TableStates
              pending={list.isPending}
              failed={list.isError}
              empty={items.length === 0}
              columns={columns}
            />
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
                  <ReviewBadge reason={row.needsReview} />
                </td>
                <td className={ui.td}>{row.game ?? row.packageId}</td>
                <td className={`${ui.td} font-mono text-xs`}>
                  {Object.values(row.topupInfo)[0] ?? ""}
                </td>
                <td className={`${ui.td} text-right tabular-nums`}>
                  {formatSatang(row.priceSatang)}
                </td>
                <td className={ui.td}>{row.createdBy}</td>
                <td className={`${ui.td} tabular-nums`}>
                  {formatDateTime(new Date(row.createdAt))}
                </td>
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
          </tbody>
        </table>
      </div>
      <Pager
        hasCursor={list.params.has("cursor")}
        nextCursor={list.data?.nextCursor}
        filters={list.filters}
        navigate={list.navigate}
      />
      <p className="text-xs text-slate-500">{t("common.timeZoneNote")}</p>
    </div>
  );
}
