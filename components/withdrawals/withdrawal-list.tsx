"use client";

import { useTranslations } from "next-intl";

import { requeryWithdrawalAction } from "@/lib/actions/withdrawals";
import { BankName } from "@/components/bank-name";
import type { Columns } from "@/components/list-kit/columns";
import type { Page } from "@/components/list-kit/use-order-list";
import { OrderListShell, useOrderListState } from "@/components/list-kit/order-list-shell";
import { ReviewBadge, StatusBadge } from "@/components/status-badge";
import { ShortId } from "@/components/ui/short-id";
import { When } from "@/components/ui/when";
import { formatSatang } from "@/lib/format";
import type { InitialPage } from "@/lib/orders/list-url";
import type { WithdrawalJson } from "@/lib/withdrawals/withdrawal-view";
import { isFinal } from "@/lib/orders/status-machine";
import { WITHDRAWAL_MACHINE } from "@/lib/withdrawals/withdrawal-status";

import { WithdrawalFilters } from "./withdrawal-filters";

const hrefOf = (row: WithdrawalJson) => `/withdrawals/${row.platformOrderId}`;

export function WithdrawalList({
  banks,
  canRequery,
  canExport,
  initial,
}: {
  banks: string[];
  canRequery: boolean;
  canExport: boolean;
  /** The first page as the server rendered it. */
  initial?: InitialPage<Page<WithdrawalJson>>;
}) {
  const t = useTranslations();
  const state = useOrderListState<WithdrawalJson>(
    "/api/withdrawals",
    "withdrawal",
    "withdrawals",
    (row) => row.platformOrderId,
    (platformOrderId) => requeryWithdrawalAction({ platformOrderId }),
    (row) => isFinal(WITHDRAWAL_MACHINE, row.status),
    initial,
  );
  const columns: Columns<WithdrawalJson> = [
    {
      id: "platformOrderId",
      enableHiding: false,
      header: t("withdrawals.platformOrderId"),
      cell: ({ row }) => <ShortId id={row.original.platformOrderId} href={hrefOf(row.original)} />,
    },
    {
      id: "status",
      enableHiding: false,
      header: t("withdrawals.status"),
      meta: { wrap: true },
      cell: ({ row }) => (
        <span className="flex flex-wrap gap-1">
          <StatusBadge status={row.original.status} />
          <ReviewBadge reason={row.original.needsReview} />
        </span>
      ),
    },
    {
      id: "amount",
      header: t("withdrawals.amount"),
      meta: { numeric: true },
      cell: ({ row }) => formatSatang(row.original.amountSatang),
    },
    {
      id: "bank",
      header: t("withdrawals.bank"),
      meta: { wrap: true },
      cell: ({ row }) => (
        <span className="block max-w-40 min-w-24">
          <BankName code={row.original.bank} />
        </span>
      ),
    },
    {
      id: "accountNo",
      header: t("withdrawals.accountNo"),
      cell: ({ row }) => (
        <span className="font-mono text-xs" data-testid="account-no">
          {row.original.accountNo}
        </span>
      ),
    },
    {
      id: "accountName",
      header: t("withdrawals.accountName"),
      meta: { hideOnPhone: true, wrap: true },
      cell: ({ row }) => (
        <span className="block max-w-40 min-w-20" data-testid="account-name">
          {row.original.accountName}
        </span>
      ),
    },
    {
      id: "merchantOrderId",
      header: t("withdrawals.merchantOrderId"),
      meta: { hideOnPhone: true },
      cell: ({ row }) => <ShortId id={row.original.merchantOrderId} keep={12} />,
    },
    {
      id: "orderedAt",
      header: t("withdrawals.orderedAt"),
      cell: ({ row }) => <When at={row.original.orderedAt} />,
    },
    {
      id: "doneAt",
      header: t("withdrawals.doneAt"),
      meta: { hideOnPhone: true },
      cell: ({ row }) => <When at={row.original.doneAt} />,
    },
  ];

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
        tableId="withdrawals"
        noun={t("orders.nouns.withdrawals")}
        testId="withdrawal-table"
        columns={columns}
        hrefOf={hrefOf}
        rowProps={(row) => ({ "data-platform-order-id": row.platformOrderId })}
        note={
          <>
            {t("withdrawals.maskedNote")} {t("common.timeZoneNote")}
          </>
        }
      />
    </div>
  );
}
