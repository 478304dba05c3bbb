"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

import type { Change } from "@/components/live-changes";
import type { ActionResult } from "@/lib/actions/authorized-action";
import type { ListName } from "@/lib/orders/list-keys";
import type { InitialPage } from "@/lib/orders/list-url";

import { ColumnChooser } from "./column-chooser";
import type { Columns } from "./columns";
import { DataTableHeaders, DataTableRows, useDataTable } from "./data-table";
import { ListTable } from "./list-table";
import { ListToolbar, RunFailures } from "./list-toolbar";
import { RequeryButton, SelectAllBox, SelectBox } from "./row-cells";
import { type Page, useOrderList } from "./use-order-list";
import { useRequeryRunner, useSelection } from "./use-requery-runner";

/** Everything a live order list holds: the page, its selection and its re-query runner. */
export function useOrderListState<T>(
  endpoint: string,
  type: Change["type"],
  keys: ListName,
  idOf: (row: T) => string,
  requery: (id: string) => Promise<ActionResult<unknown>>,
  /** A final order has nothing left to learn: a bulk re-query skips it and says so. */
  isFinal: (row: T) => boolean,
  initial?: InitialPage<Page<T>>,
) {
  const list = useOrderList<T>(endpoint, type, { keys, initial });
  const selection = useSelection();
  const runner = useRequeryRunner(requery, list.refresh);
  const items = list.data?.items ?? [];
  const applyFilters = (next: URLSearchParams) => {
    selection.clear();
    list.navigate(next);
  };
  /** Final orders are skipped; those `blockedBy` names a reason for wait, with it. */
  const requerySelected = async (blockedBy?: (row: T) => string | undefined) => {
    const chosen = items.filter((row) => selection.selected.has(idOf(row)));
    const open = chosen.filter((row) => !isFinal(row));
    const waiting = open.flatMap((row) => {
      const why = blockedBy?.(row);
      return why ? [{ id: idOf(row), code: "NO_UPSTREAM_ID", message: why }] : [];
    });
    const asked = open.map(idOf).filter((id) => !waiting.some((w) => w.id === id));
    await runner.many(asked, chosen.length - open.length, waiting);
    selection.clear();
  };
  return {
    list,
    selection,
    runner,
    items,
    idOf,
    ids: items.map(idOf),
    applyFilters,
    requerySelected,
  };
}

export type OrderListState<T> = ReturnType<typeof useOrderListState<T>>;

/**
 * An order list's table: bulk re-query, column chooser and export above it; the selection
 * and re-query columns around the caller's columns; the table's frame (`ListTable`) around
 * the rows.
 */
export function OrderListShell<T>({
  state,
  canRequery,
  requeryBlockedBy,
  exportPath,
  tableId,
  testId,
  noun,
  columns,
  hrefOf,
  rowProps,
  note,
}: {
  state: OrderListState<T>;
  canRequery: boolean;
  /** Why a row cannot be re-queried yet (no upstream id), or nothing. */
  requeryBlockedBy?: (row: T) => string | undefined;
  exportPath: string | null;
  /** Names the table in the person's remembered column choices. */
  tableId: string;
  testId: string;
  noun: string;
  columns: Columns<T>;
  hrefOf: (row: T) => string;
  rowProps: (row: T) => Record<string, string>;
  note: ReactNode;
}) {
  const t = useTranslations();
  const { list, selection, runner, items, ids, idOf } = state;
  const all: Columns<T> = canRequery
    ? [
        {
          id: "select",
          enableHiding: false,
          meta: { hideOnPhone: true },
          header: () => <SelectAllBox ids={ids} selection={selection} />,
          cell: ({ row }) => <SelectBox id={idOf(row.original)} selection={selection} />,
        },
        ...columns,
        {
          id: "actions",
          enableHiding: false,
          header: t("common.actions"),
          cell: ({ row }) => (
            <RequeryButton
              id={idOf(row.original)}
              runner={runner}
              disabledReason={requeryBlockedBy?.(row.original)}
            />
          ),
        },
      ]
    : columns;
  const table = useDataTable(tableId, all, items, idOf);
  return (
    <>
      <ListToolbar
        selectedCount={canRequery ? selection.selected.size : null}
        busy={runner.busy.size > 0}
        progress={runner.progress}
        onRequerySelected={() => void state.requerySelected(requeryBlockedBy)}
        exportHref={exportPath ? `${exportPath}?${list.filters.toString()}` : null}
        extra={<ColumnChooser table={table} />}
      />
      <RunFailures failures={runner.failures} />
      <RunFailures failures={runner.leftOut} leftOut />
      <ListTable
        list={list}
        noun={noun}
        testId={testId}
        columns={table.getVisibleLeafColumns().length}
        note={
          <>
            {note} {t("orders.keysHint")}
          </>
        }
        cards
        headers={<DataTableHeaders table={table} />}
      >
        <DataTableRows table={table} hrefOf={hrefOf} rowProps={rowProps} />
      </ListTable>
    </>
  );
}
