"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";

import { requeryWithdrawalAction } from "@/app/(app)/withdrawals/actions";
import { ListToolbar, Pager, TableStates } from "@/components/orders/list-toolbar";
import { RequeryCell, SelectAllHeader, SelectCell } from "@/components/orders/row-cells";
import { useOrderList } from "@/components/orders/use-order-list";
import { useRequeryRunner, useSelection } from "@/components/orders/use-requery-runner";
import { ReviewBadge, StatusBadge } from "@/components/status-badge";
import { ui } from "@/components/ui/styles";
import { formatDateTime, formatSatang } from "@/lib/format";
import type { WithdrawalJson } from "@/lib/withdrawals/withdrawal-view";

import { WithdrawalFilters } from "./withdrawal-filters";

export function WithdrawalList({
  banks,
  canRequery,
  canExport,
}: {
  banks: string[];
  canRequery: boolean;
  canExport: boolean;
}) {
  const t = useTranslations();
  const list = useOrderList<WithdrawalJson>("/api/withdrawals", "withdrawal");
  const selection = useSelection();
  const runner = useRequeryRunner(
    (platformOrderId) => requeryWithdrawalAction({ platformOrderId }),
    list.refresh,
  );
  const items = list.data?.items ?? [];
  const ids = items.map((i) => i.platformOrderId);
  const columns = canRequery ? 10 : 8;

  return (
    <div className="space-y-4">
      <WithdrawalFilters
        params={list.filters}
        banks={banks}
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
        exportHref={canExport ? `/api/withdrawals/export?${list.filters.toString()}` : null}
      />
      {runner.error && (
        <p role="alert" className={ui.error}>
          {runner.error}
        </p>
      )}
      <div className={`${ui.card} overflow-x-auto p-0`}>
        <table className={ui.table} data-testid="withdrawal-table">
          <thead className="bg-slate-50">
            <tr>
              {canRequery && <SelectAllHeader ids={ids} selection={selection} />}
              <th className={ui.th}>{t("withdrawals.platformOrderId")}</th>
              <th className={ui.th}>{t("withdrawals.status")}</th>
              <th className={`${ui.th} text-right`}>{t("withdrawals.amount")}</th>
              <th className={ui.th}>{t("withdrawals.bank")}</th>
              <th className={ui.th}>{t("withdrawals.accountNo")}</th>
              <th className={ui.th}>{t("withdrawals.accountName")}</th>
              <th className={ui.th}>{t("withdrawals.merchantOrderId")}</th>
              <th className={ui.th}>{t("withdrawals.orderedAt")}</th>
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
              <tr key={row.platformOrderId} data-platform-order-id={row.platformOrderId}>
                {canRequery && <SelectCell id={row.platformOrderId} selection={selection} />}
                <td className={`${ui.td} font-mono text-xs`}>
                  <Link
                    href={`/withdrawals/${row.platformOrderId}`}
                    className="text-indigo-700 hover:underline"
                  >
                    {row.platformOrderId}
                  </Link>
                </td>
                <td className={ui.td}>
                  <StatusBadge status={row.status} />
                  <ReviewBadge reason={row.needsReview} />
                </td>
                <td className={`${ui.td} text-right tabular-nums`}>
                  {formatSatang(row.amountSatang)}
                </td>
                <td className={ui.td}>{row.bank}</td>
                <td className={`${ui.td} font-mono text-xs`} data-testid="account-no">
                  {row.accountNo}
                </td>
                <td className={ui.td} data-testid="account-name">
                  {row.accountName}
                </td>
                <td className={`${ui.td} font-mono text-xs`}>{row.merchantOrderId}</td>
                <td className={`${ui.td} tabular-nums`}>
                  {formatDateTime(new Date(row.orderedAt))}
                </td>
                {canRequery && <RequeryCell id={row.platformOrderId} runner={runner} />}
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
      <p className="text-xs text-slate-500">
        {t("withdrawals.maskedNote")} {t("common.timeZoneNote")}
      </p>
    </div>
  );
}
