"use client";

import {
  type CellContext,
  type HeaderContext,
  type Table,
  getCoreRowModel,
  useReactTable,
} from "@tanstack/react-table";
import { type ReactNode, useMemo } from "react";

import { ui } from "@/components/ui/styles";

import { useColumnVisibility } from "./column-chooser";
import { columnName, type Columns } from "./columns";
import { useRowKeys } from "./use-row-keys";

/**
 * A list's table on TanStack Table: its columns (with the person's column choices), rows by
 * id. The data is one page from the server; sorting and paging stay the API's.
 */
export function useDataTable<T>(
  tableId: string,
  columns: Columns<T>,
  data: T[],
  rowId: (row: T) => string,
) {
  // The columns are remade each render; what is hidden by default is not.
  const hidden = columns
    .filter((c) => c.meta?.hiddenByDefault)
    .map((c) => c.id)
    .join(",");
  const defaults = useMemo(
    () => Object.fromEntries(hidden.split(",").flatMap((id) => (id ? [[id, false]] : []))),
    [hidden],
  );
  const [visibility, setVisibility] = useColumnVisibility(tableId, defaults);
  // TanStack Table's instance is not for the React Compiler to memoize; nothing here is.
  // eslint-disable-next-line react-hooks/incompatible-library
  return useReactTable({
    data,
    columns,
    getRowId: rowId,
    getCoreRowModel: getCoreRowModel(),
    state: { columnVisibility: visibility },
    onColumnVisibilityChange: (update) =>
      setVisibility(typeof update === "function" ? update(visibility) : update),
  });
}

/**
 * A header's or a cell's content: its text, or what its function returns for this row. The
 * function is called, never rendered as a component (TanStack's `flexRender` makes it
 * `<Cell />`): the columns are remade each render, and a new function as a component type
 * would make React throw away and rebuild every cell of the table whenever the list
 * refreshes (a fresh largest paint seconds after the first, and the focus lost). Cell
 * functions therefore call no hooks; they return elements, which may.
 */
function content<C>(render: string | ((context: C) => unknown) | undefined, context: C): ReactNode {
  return typeof render === "function" ? (render(context) as ReactNode) : render;
}

/** Cells a little tighter than other tables', so a list's columns fit 1440 px. */
const TH = ui.th.replace("px-3", "px-2");
const TD = ui.td.replace("px-3", "px-2");
const TD_WRAP = TD.replace("whitespace-nowrap", "whitespace-normal");

/** The header cells, sticky at the top of the table's scroll box. */
export function DataTableHeaders<T>({ table }: { table: Table<T> }) {
  return table.getHeaderGroups()[0]?.headers.map((header) => {
    const meta = header.column.columnDef.meta;
    return (
      <th key={header.id} scope="col" className={`${TH} ${meta?.numeric ? "text-right" : ""}`}>
        {content<HeaderContext<T, unknown>>(header.column.columnDef.header, header.getContext())}
      </th>
    );
  });
}

/**
 * The rows: j/k move between them, Enter opens the focused one (`hrefOf`); on a phone each
 * row is a card of labelled lines.
 */
export function DataTableRows<T>({
  table,
  hrefOf,
  rowProps,
}: {
  table: Table<T>;
  hrefOf: (row: T) => string;
  /** Attributes a row carries for tests and styles (`data-ref-id`…). */
  rowProps?: (row: T) => Record<string, string>;
}) {
  const rows = table.getRowModel().rows;
  const keys = useRowKeys(rows.length, (index) => {
    const row = rows[index];
    return row ? hrefOf(row.original) : undefined;
  });
  return rows.map((row, index) => (
    <tr
      key={row.id}
      {...rowProps?.(row.original)}
      {...keys(index)}
      className={`outline-none focus:bg-indigo-50 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:ring-inset ${ui.cardRow}`}
    >
      {row.getVisibleCells().map((cell) => {
        const meta = cell.column.columnDef.meta;
        return (
          <td
            key={cell.id}
            data-label={columnName(cell.column.columnDef)}
            className={`${meta?.wrap ? TD_WRAP : TD} ${ui.cardCell} ${meta?.numeric ? "text-right tabular-nums max-md:text-left" : ""} ${meta?.hideOnPhone ? "max-md:hidden" : ""}`}
          >
            {content<CellContext<T, unknown>>(cell.column.columnDef.cell, cell.getContext())}
          </td>
        );
      })}
    </tr>
  ));
}
