"use client";

import type { ReactNode } from "react";

import { ui } from "@/components/ui/styles";
import { formatDateTime } from "@/lib/format";

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
