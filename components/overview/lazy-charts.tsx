"use client";

import dynamic from "next/dynamic";

/**
 * The charts, fetched once the page is interactive: recharts is most of the overview's
 * JavaScript, and the tiles and tables need none of it. Each placeholder keeps the chart's
 * height, so nothing jumps when it arrives.
 */
export const SeriesChart = dynamic(() => import("./charts").then((m) => m.SeriesChart), {
  ssr: false,
  loading: () => <div className="h-64 animate-pulse rounded bg-slate-50" />,
});

export const BarBreakdown = dynamic(() => import("./charts").then((m) => m.BarBreakdown), {
  ssr: false,
  loading: () => <div className="h-32 animate-pulse rounded bg-slate-50" />,
});

export const TrendChart = dynamic(() => import("./charts").then((m) => m.TrendChart), {
  ssr: false,
  loading: () => <div className="h-48 animate-pulse rounded bg-slate-50" />,
});
