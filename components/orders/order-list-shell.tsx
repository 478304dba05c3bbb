"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

import type { Change } from "@/components/live-changes";
import { ui } from "@/components/ui/styles";
import type { ActionResult } from "@/lib/actions/safe-action";

import { ListTable } from "./list-table";
import { ListToolbar, RunFailures } from "./list-toolbar";
import { SelectAllHeader } from "./row-cells";
import { useOrderList } from "./use-order-list";
import { useRequeryRunner, useSelection } from "./use-requery-runner";

/** Everything a live order list holds: the page, its selection and its re-query runner. */
export function useOrderListState<T>(
  endpoint: string,
  type: Change["type"],
  idOf: (row: T) => string,
  requery: (id: string) => Promise<ActionResult<unknown>>,
  /** A final order has nothing left to learn: a bulk re-query skips it and says so. */
  isFinal: (row: T) => boolean,
) {
  const list = useOrderList<T>(endpoint, type);
  const selection = useSelection();
  const runner = useRequeryRunner(requery, list.refresh);
  const items = list.data?.items ?? [];
  const applyFilters = (next: URLSearchParams) => {
    selection.clear();
    list.navigate(next);
  };
  const requerySelected = async () => {
    const finished = new Set(items.filter(isFinal).map(idOf));
    const chosen = [...selection.selected];
    const open = chosen.filter((id) => !finished.has(id));
    await runner.many(open, chosen.length - open.length);
    selection.clear();
  };
  return { list, selection, runner, items, ids: items.map(idOf), applyFilters, requerySelected };
}

export type OrderListState = ReturnType<typeof useOrderListState>;

/**
 * The frame around an order table: bulk re-query and export above it, the table's own frame
 * (`ListTable`) below. Columns and rows are the caller's.
 */
export function OrderListShell({
  state,
  canRequery,
  exportPath,
  testId,
  noun,
  headers,
  columns,
  note,
  children,
}: {
  noun: string;
  state: OrderListState;
  canRequery: boolean;
  exportPath: string | null;
  testId: string;
  headers: ReactNode;
  columns: number;
  note: ReactNode;
  children: ReactNode;
}) {
  const t = useTranslations();
  const { list, selection, runner, items, ids } = state;
  return (
    <>
      <ListToolbar
        selectedCount={canRequery ? selection.selected.size : null}
        busy={runner.busy.size > 0}
        progress={runner.progress}
        onRequerySelected={() => void state.requerySelected()}
        exportHref={exportPath ? `${exportPath}?${list.filters.toString()}` : null}
      />
      <RunFailures failures={runner.failures} />
      <ListTable
        list={list}
        noun={noun}
        empty={items.length === 0}
        testId={testId}
        columns={columns}
        note={note}
        headers={
          <>
            {canRequery && <SelectAllHeader ids={ids} selection={selection} />}
            {headers}
            {canRequery && <th className={ui.th}>{t("common.actions")}</th>}
          </>
        }
      >
        {children}
      </ListTable>
    </>
  );
}
