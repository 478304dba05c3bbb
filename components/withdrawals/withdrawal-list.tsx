"use client";

import { useTranslations } from "next-intl";

import { requeryWithdrawalAction } from "@/lib/actions/withdrawals";
import type { Page } from "@/components/list-kit/use-order-list";
import { OrderListShell, useOrderListState } from "@/components/list-kit/order-list-shell";
import type { InitialPage } from "@/lib/orders/list-url";
import type { WithdrawalJson } from "@/lib/withdrawals/withdrawal-view";
import { isFinal } from "@/lib/orders/status-machine";
import { WITHDRAWAL_MACHINE } from "@/lib/withdrawals/withdrawal-status";

import { useWithdrawalColumns, withdrawalHref } from "./withdrawal-columns";
import { WithdrawalFilters } from "./withdrawal-filters";

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
  const columns = useWithdrawalColumns();

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
        hrefOf={withdrawalHref}
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
