"use client";

import { useTranslations } from "next-intl";

import type { SeriesPoint } from "@/lib/overview/figures";

import { ChartTable } from "./chart-table";
import { SeriesChart } from "./lazy-charts";
import { Panel } from "./panel";

/**
 * Orders per hour (one day) or per day (longer), stacked by group, with the comparison line,
 * and the same numbers as a table; a bar or a row opens the list of what it counts.
 */
export function SeriesPanel({
  name,
  series,
  groups,
  hrefOf,
}: {
  /** `data-chart` of the chart, for tests and styles. */
  name: string;
  series: { unit: "hour" | "day"; points: SeriesPoint[] };
  groups: { key: string; label: string; color: string }[];
  hrefOf: (index: number, label: string) => string;
}) {
  const o = useTranslations("overview");
  const hourly = series.unit === "hour";
  const title = o(hourly ? "perHour" : "perDay");
  const compareLabel = o(hourly ? "compareHour" : "compareDay");
  const data = series.points.map((point) => ({
    label: point.label,
    compare: point.compare,
    ...Object.fromEntries(groups.map((g) => [g.key, point.counts[g.key] ?? 0])),
  }));
  return (
    <Panel title={title}>
      <SeriesChart
        title={name}
        data={data}
        bars={groups}
        compareLabel={compareLabel}
        hrefOf={(i) => hrefOf(i, series.points[i]?.label ?? "")}
      />
      <ChartTable
        caption={title}
        columns={[
          { key: "label", label: o(hourly ? "hour" : "day") },
          ...groups.map((g) => ({ key: g.key, label: g.label, align: "right" as const })),
          { key: "compare", label: compareLabel, align: "right" as const },
        ]}
        rows={data.map((row, i) => ({ key: row.label, href: hrefOf(i, row.label), cells: row }))}
      />
    </Panel>
  );
}
