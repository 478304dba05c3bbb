"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";

import { requeryWithdrawalAction } from "@/app/(app)/withdrawals/actions";
import { RequeryCell, SelectCell } from "@/components/orders/row-cells";
import { OrderListShell, useOrderListState } from "@/components/orders/order-list-shell";
import { ReviewBadge, StatusBadge } from "@/components/status-badge";
import { BankName } from "@/components/bank-name";
import { ui } from "@/components/ui/styles";
import { formatDateTime, formatSatang } from "@/lib/format";
import type { WithdrawalJson } from "@/lib/withdrawals/withdrawal-view";

import { WithdrawalFilters } from "./withdrawal-filters";
import { WITHDRAWAL_MACHINE } from "@/lib/withdrawals/withdrawal-status";

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
  const state = useOrderListState<WithdrawalJson>(
    "/api/withdrawals",
    "withdrawal",
    (row) => row.platformOrderId,
    (platformOrderId) => requeryWithdrawalAction({ platformOrderId }),
    (row) => WITHDRAWAL_MACHINE.final.includes(row.status),
  );
  const { selection, runner, items } = state;
  const columns = canRequery ? 10 : 8;

  return (
    <div className="space-y-4">
      <WithdrawalFilters
        params={state.list.filters}
        banks={banks}
        error={state.list.error}
        onApply={state.applyFilters}
      />
      <OrderListShell
        state={state}
        canRequery={canRequery}
        exportPath={canExport ? "/api/withdrawals/export" : null}
        noun={t("orders.nouns.withdrawals")}
        testId="withdrawal-table"
        columns={columns}
        note={
          <>
            {t("withdrawals.maskedNote")} {t("common.timeZoneNote")}
          </>
        }
        headers={
          <>
            <th className={ui.th}>{t("withdrawals.platformOrderId")}</th>
            <th className={ui.th}>{t("withdrawals.status")}</th>
            <th className={`${ui.th} text-right`}>{t("withdrawals.amount")}</th>
            <th className={ui.th}>{t("withdrawals.bank")}</th>
            <th className={ui.th}>{t("withdrawals.accountNo")}</th>
            <th className={ui.th}>{t("withdrawals.accountName")}</th>
            <th className={ui.th}>{t("withdrawals.merchantOrderId")}</th>
            <th className={ui.th}>{t("withdrawals.orderedAt")}</th>
          </>
        }
      >
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
            <td className={`${ui.td} text-right tabular-nums`}>{formatSatang(row.amountSatang)}</td>
            <td className={ui.td}>
              <BankName code={row.bank} />
            </td>
            <td className={`${ui.td} font-mono text-xs`} data-testid="account-no">
              {row.accountNo}
            </td>
            <td className={ui.td} data-testid="account-name">
              {row.accountName}
            </td>
            <td className={`${ui.td} font-mono text-xs`}>{row.merchantOrderId}</td>
            <td className={`${ui.td} tabular-nums`}>{formatDateTime(new Date(row.orderedAt))}</td>
            {canRequery && <RequeryCell id={row.platformOrderId} runner={runner} />}
          </tr>
        ))}
      </OrderListShell>
    </div>
  );
}
