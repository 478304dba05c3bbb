"use client";

import type { ReactNode } from "react";

import { Pager, TableStates } from "@/components/orders/list-toolbar";
import type { useOrderList } from "@/components/orders/use-order-list";
import { ui } from "@/components/ui/styles";
import { formatDateTime } from "@/lib/format";

/** The frame of a log: its table with loading, failure and empty rows, paging and a note. */
export function LogTable({
  list,
  empty,
  testId,
  columns,
  headers,
  note,
  children,
}: {
  list: Pick<
    ReturnType<typeof useOrderList>,
    "isPending" | "isError" | "params" | "filters" | "navigate"
  > & { data?: { nextCursor: string | null } };
  empty: boolean;
  testId: string;
  columns: number;
  headers: ReactNode;
  note: string;
  children: ReactNode;
}) {
  return (
    <>
      <div className={`${ui.card} overflow-x-auto p-0`}>
        <table className={ui.table} data-testid={testId}>
          <thead className="bg-slate-50">
            <tr>{headers}</tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            <TableStates
              pending={list.isPending}
              failed={list.isError}
              empty={empty}
              columns={columns}
            />
            {children}
          </tbody>
        </table>
      </div>
      <Pager
        hasCursor={list.params.has("cursor")}
        nextCursor={list.data?.nextCursor}
        filters={list.filters}
        navigate={list.navigate}
      />
      <p className="text-xs text-slate-500">{note}</p>
    </>
  );
}

/** The cell that opens a row in place: its time, as a button. */
export function OpenCell({
  at,
  open,
  onToggle,
}: {
  at: string;
  open: boolean;
  onToggle: () => void;
}) {
  return (
    <td className={`${ui.td} tabular-nums`}>
      <button
        type="button"
        className="text-indigo-700 hover:underline"
        aria-expanded={open}
        onClick={onToggle}
      >
        {formatDateTime(new Date(at))}
      </button>
    </td>
  );
}

/** The row under an opened one, across the whole table. */
export function OpenedRow({ columns, children }: { columns: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={columns} className="bg-slate-50/60 px-4 py-4">
        {children}
      </td>
    </tr>
  );
}
