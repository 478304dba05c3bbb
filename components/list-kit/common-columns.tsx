"use client";

import type { ReactNode } from "react";

import { ReviewBadge, StatusBadge } from "@/components/status-badge";
import { ShortId } from "@/components/ui/short-id";
import { When } from "@/components/ui/when";

import type { Columns } from "./columns";

type Column<T> = Columns<T>[number];

/** The row's own id, shortened, linking to its page; always shown. */
export function idColumn<T>(
  id: string,
  header: string,
  idOf: (row: T) => string,
  hrefOf: (row: T) => string,
): Column<T> {
  return {
    id,
    enableHiding: false,
    header,
    cell: ({ row }) => <ShortId id={idOf(row.original)} href={hrefOf(row.original)} />,
  };
}

/** The order's status with its review badge when it waits for a person; always shown. */
export function statusColumn<T extends { status: string; needsReview: string | null }>(
  header: string,
): Column<T> {
  return {
    id: "status",
    enableHiding: false,
    header,
    meta: { wrap: true },
    cell: ({ row }) => (
      <span className="flex flex-wrap gap-1">
        <StatusBadge status={row.original.status} />
        <ReviewBadge reason={row.original.needsReview} status={row.original.status} />
      </span>
    ),
  };
}

/** An instant, in Bangkok time (a phone's card may leave it off). */
export function whenColumn<T>(
  id: string,
  header: string,
  at: (row: T) => string | null,
  meta?: Column<T>["meta"],
): Column<T> {
  return { id, header, meta, cell: ({ row }) => <When at={at(row.original)} /> };
}

/** Any other column: its id, header, how it looks and what it shows. */
export function column<T>(
  id: string,
  header: string,
  cell: (row: T) => ReactNode,
  meta?: Column<T>["meta"],
): Column<T> {
  return { id, header, meta, cell: ({ row }) => cell(row.original) };
}
