"use client";

import { useTranslations } from "next-intl";

import { requeryTopupAction } from "@/lib/actions/topups";
import type { Page } from "@/components/list-kit/use-order-list";
import { OrderListShell, useOrderListState } from "@/components/list-kit/order-list-shell";
import type { InitialPage } from "@/lib/orders/list-url";
import type { TopupJson } from "@/lib/topups/topup-view";
import { isFinal } from "@/lib/orders/status-machine";
import { TOPUP_MACHINE } from "@/lib/topups/topup-status";

import { useTopupColumns, topupHref } from "./topup-columns";
import { TopupFilters } from "./topup-filters";

type Option = { id: string | number; label: string };

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
  const state = useOrderListState<TopupJson>(
    "/api/topups",
    "topup",
    "topups",
    (row) => row.refId,
    (refId) => requeryTopupAction({ refId }),
    (row) => isFinal(TOPUP_MACHINE, row.status),
    initial,
  );
  const columns = useTopupColumns();

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
        hrefOf={topupHref}
        rowProps={(row) => ({ "data-ref-id": row.refId })}
        note={t("common.timeZoneNote")}
      />
    </div>
  );
}
