"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

import { ui } from "@/components/ui/styles";
import { TextLink } from "@/components/ui/button";

/**
 * The overview's charts (recharts), each followed by its numbers as a table that screen
 * readers and keyboards reach (a disclosure under the chart). Colours are the status
 * badges' (components/status-badge.tsx): emerald for success, red for failure, sky for
 * waiting or open, slate for comparisons.
 */
export const COLORS = {
  succeeded: "#10b981",
  success: "#10b981",
  failed: "#ef4444",
  waiting: "#0ea5e9",
  open: "#0ea5e9",
  compare: "#64748b",
  neutral: "#6366f1",
  threshold: "#f59e0b",
} as const;

export type Column = { key: string; label: string; align?: "right" };
export type TableRow = { key: string; cells: Record<string, ReactNode>; href?: string };

/** A chart's numbers as a table, folded under it. */
export function ChartTable({
  caption,
  columns,
  rows,
}: {
  caption: string;
  columns: Column[];
  rows: TableRow[];
}) {
  const t = useTranslations("overview");
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer text-indigo-700 hover:underline">{t("showTable")}</summary>
      <div className="relative mt-2 max-h-80 overflow-auto">
        <table className={ui.table}>
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  className={`${ui.th} ${c.align === "right" ? "text-right" : ""}`}
                >
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r.key}>
                {columns.map((c, i) => (
                  <td
                    key={c.key}
                    className={`${ui.td} tabular-nums ${c.align === "right" ? "text-right" : ""}`}
                  >
                    {i === 0 && r.href ? (
                      <TextLink href={r.href}>{r.cells[c.key]}</TextLink>
                    ) : (
                      r.cells[c.key]
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** The common case: one label and one figure a row (a breakdown, a trend, a spread). */
export function ValueTable({
  caption,
  labelHeading,
  valueHeading,
  rows,
}: {
  caption: string;
  labelHeading: string;
  valueHeading: string;
  rows: { key: string; label: ReactNode; value: ReactNode; href?: string }[];
}) {
  return (
    <ChartTable
      caption={caption}
      columns={[
        { key: "label", label: labelHeading },
        { key: "value", label: valueHeading, align: "right" },
      ]}
      rows={rows.map(({ key, label, value, href }) => ({ key, href, cells: { label, value } }))}
    />
  );
}
