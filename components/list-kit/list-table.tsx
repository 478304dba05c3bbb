"use client";

import type { ReactNode } from "react";

import { ui } from "@/components/ui/styles";

import { Pager, TableStates } from "./list-toolbar";
import type { useOrderList } from "./use-order-list";

/**
 * The frame of a live list's table: a scroll box with a sticky header, loading, failure and
 * empty rows inside it, paging and an optional note below it. Columns and rows are the
 * caller's (order lists, the review queue, the logs).
 */
export function ListTable({
  list,
  noun,
  testId,
  columns,
  headers,
  note,
  cards,
  children,
}: {
  list: Pick<
    ReturnType<typeof useOrderList>,
    "isPending" | "error" | "refetch" | "params" | "filters" | "navigate"
  > & { data?: { items: unknown[]; nextCursor: string | null } };
  /** What the list holds, for its empty state: "top-ups", "callbacks"… */
  noun: string;
  testId: string;
  columns: number;
  headers: ReactNode;
  note?: ReactNode;
  /** On a phone, rows are cards (the rows label their cells: `DataTableRows`). */
  cards?: boolean;
  children: ReactNode;
}) {
  return (
    <>
      {/* The box scrolls, so the header row (sticky) stays in sight over a long page. */}
      <div className={ui.tableBox}>
        <table className={`${ui.table} ${cards ? ui.cardTable : ""}`} data-testid={testId}>
          <thead className={`${ui.stickyHead} ${cards ? ui.cardHead : ""}`}>
            <tr>{headers}</tr>
          </thead>
          <tbody className={`divide-y divide-slate-100 ${cards ? ui.cardTable : ""}`}>
            <TableStates
              pending={list.isPending}
              error={list.error instanceof Error ? list.error : null}
              empty={(list.data?.items.length ?? 0) === 0}
              filtered={[...list.filters.keys()].some((key) => key !== "sort")}
              noun={noun}
              columns={columns}
              onRetry={() => void list.refetch()}
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
      {note && <p className="text-xs text-slate-500">{note}</p>}
    </>
  );
}
