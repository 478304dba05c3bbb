"use client";

import { useTranslations } from "next-intl";

import { ChartTable } from "./chart-table";
import { count } from "./format";
import { BarBreakdown } from "./lazy-charts";
import { Panel } from "./panel";

/** A breakdown as bars and as a table; an empty one says so instead of drawing nothing. */
export function Breakdown({
  title,
  rows,
  color,
  first,
  keepEmpty = false,
}: {
  title: string;
  rows: { key: string; label: string; value: number; href?: string }[];
  color: string;
  first: string;
  keepEmpty?: boolean;
}) {
  const o = useTranslations("overview");
  const empty = rows.every((r) => r.value === 0);
  return (
    <Panel title={title}>
      {empty && !keepEmpty ? (
        <p className="text-sm text-slate-500">{o("none")}</p>
      ) : (
        <>
          <BarBreakdown title={title} rows={rows} color={color} valueLabel={o("orders")} />
          <ChartTable
            caption={title}
            columns={[
              { key: "label", label: first },
              { key: "value", label: o("orders"), align: "right" },
            ]}
            rows={rows.map((r) => ({
              key: r.key,
              href: r.href,
              cells: { label: r.label, value: count(r.value) },
            }))}
          />
        </>
      )}
    </Panel>
  );
}
