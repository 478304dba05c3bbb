"use client";

import { useRouter } from "next/navigation";
import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

import { COLORS } from "./chart-table";

/*
 * The overview's charts (recharts). They are loaded after the page (./lazy-charts.tsx), so
 * the tiles and tables show before the chart library arrives. Colours: ./chart-table.tsx.
 */
const axis = { fontSize: 12, fill: "#475569" };

export type SeriesDatum = { label: string; compare: number; [key: string]: string | number };

/**
 * Stacked bars per hour or day with the comparison as a line; a bar opens the list of what
 * it counts (`hrefOf`).
 */
export function SeriesChart({
  title,
  data,
  bars,
  compareLabel,
  hrefOf,
}: {
  title: string;
  data: SeriesDatum[];
  bars: { key: string; label: string; color: string }[];
  compareLabel: string;
  hrefOf: (index: number) => string | null;
}) {
  const router = useRouter();
  const open = (index: number) => {
    const href = hrefOf(index);
    if (href) router.push(href);
  };
  return (
    <ChartFrame height="h-64" title={title}>
      <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
        <XAxis dataKey="label" tick={axis} interval="preserveStartEnd" />
        <YAxis allowDecimals={false} tick={axis} width={40} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {bars.map((b) => (
          <Bar
            key={b.key}
            dataKey={b.key}
            name={b.label}
            stackId="orders"
            fill={b.color}
            cursor="pointer"
            isAnimationActive={false}
            onClick={(_, index) => open(index)}
          />
        ))}
        <Line
          type="monotone"
          dataKey="compare"
          name={compareLabel}
          stroke={COLORS.compare}
          strokeDasharray="4 3"
          dot={false}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ChartFrame>
  );
}

/** Horizontal bars, largest first; a bar with a link opens the list it counts. */
export function BarBreakdown({
  title,
  rows,
  color,
  valueLabel,
}: {
  title: string;
  rows: { key: string; label: string; value: number; href?: string }[];
  color: string;
  valueLabel: string;
}) {
  const router = useRouter();
  const height = Math.max(120, rows.length * 32 + 24);
  return (
    <ChartFrame height={height} title={title}>
      <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" horizontal={false} />
        <XAxis type="number" allowDecimals={false} tick={axis} />
        <YAxis
          type="category"
          dataKey="label"
          tick={axis}
          width={200}
          tickFormatter={(v: string) => (v.length > 30 ? `${v.slice(0, 29)}…` : v)}
        />
        <Tooltip />
        <Bar
          dataKey="value"
          name={valueLabel}
          fill={color}
          cursor="pointer"
          isAnimationActive={false}
          onClick={(_, index) => {
            const href = rows[index]?.href;
            if (href) router.push(href);
          }}
        />
      </BarChart>
    </ChartFrame>
  );
}

/** A line over time (the balance), with a dashed level (the low-balance threshold). */
export function TrendChart({
  title,
  data,
  level,
  levelLabel,
  format,
  valueLabel,
}: {
  title: string;
  data: { label: string; value: number | null }[];
  level: number;
  levelLabel: string;
  format: (value: number) => string;
  valueLabel: string;
}) {
  return (
    <ChartFrame height="h-48" title={title}>
      <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
        <XAxis dataKey="label" tick={axis} interval="preserveStartEnd" />
        <YAxis tick={axis} width={88} tickFormatter={(v: number) => format(v)} />
        <Tooltip formatter={(v) => (typeof v === "number" ? format(v) : String(v))} />
        <ReferenceLine
          y={level}
          stroke={COLORS.threshold}
          strokeDasharray="6 4"
          label={{ value: levelLabel, fontSize: 11, fill: "#92400e", position: "insideTopRight" }}
        />
        <Line
          type="stepAfter"
          dataKey="value"
          name={valueLabel}
          stroke={COLORS.neutral}
          dot={false}
          connectNulls
          isAnimationActive={false}
        />
      </LineChart>
    </ChartFrame>
  );
}

/**
 * A chart's box: its height (a class, or pixels), its name for tests, and a container that
 * sizes the chart to it.
 */
function ChartFrame({
  height,
  title,
  children,
}: {
  height: string | number;
  title: string;
  children: React.ReactElement;
}) {
  const size = typeof height === "number" ? { style: { height } } : { className: height };
  return (
    <div {...size} data-chart={title}>
      <ResponsiveContainer width="100%" height="100%">
        {children}
      </ResponsiveContainer>
    </div>
  );
}
