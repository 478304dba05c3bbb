"use client";

import { useTranslations } from "next-intl";

import { ValueTable } from "./chart-table";
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
          <ValueTable
            caption={title}
            labelHeading={first}
            valueHeading={o("orders")}
            rows={rows.map((r) => ({ ...r, value: count(r.value) }))}
          />
        </>
      )}
    </Panel>
  );
}
