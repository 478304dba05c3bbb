import { bangkokDay, formatDateTime } from "@/lib/format";

import { DAY_MS, HOUR_MS, type DaySpan } from "./range";

/**
 * The overview's arithmetic over roll-up rows: totals by status, the hourly or daily series,
 * breakdowns and percentiles. Pure, so the property test runs it on recounted rows too.
 */
export type CountRow = { hour: Date; status: string; count: number; amountSatang: number };

export type StatusTotals = {
  byStatus: Record<string, number>;
  amountByStatus: Record<string, number>;
  total: { count: number; amountSatang: number };
};

export function statusTotals(rows: CountRow[], statuses: readonly string[]): StatusTotals {
  const byStatus = Object.fromEntries(statuses.map((s) => [s, 0]));
  const amountByStatus = Object.fromEntries(statuses.map((s) => [s, 0]));
  let count = 0;
  let amountSatang = 0;
  for (const r of rows) {
    byStatus[r.status] = (byStatus[r.status] ?? 0) + r.count;
    amountByStatus[r.status] = (amountByStatus[r.status] ?? 0) + r.amountSatang;
    count += r.count;
    amountSatang += r.amountSatang;
  }
  return { byStatus, amountByStatus, total: { count, amountSatang } };
}

/** Succeeded among the orders that reached a final status; null when none did. */
export function successRate(totals: StatusTotals, good: string, bad: string): number | null {
  const done = (totals.byStatus[good] ?? 0) + (totals.byStatus[bad] ?? 0);
  return done === 0 ? null : (totals.byStatus[good] ?? 0) / done;
}

export type SeriesPoint = {
  /** The hour's or the day's first instant. */
  start: string;
  /** `HH:00` (Bangkok) for hours, `YYYY-MM-DD` for days. */
  label: string;
  /** Orders per status group, and the comparison figure (see `series`). */
  counts: Record<string, number>;
  total: number;
  compare: number;
};

/**
 * The chart over the range: per hour for one day, compared with the average of the same
 * hour over the seven days before; per day for longer ranges, compared with the same day of
 * the span before. `groupOf` maps a status to its series (succeeded, failed, waiting …).
 */
export function series(
  range: DaySpan,
  rows: CountRow[],
  compareRows: CountRow[],
  groupOf: (status: string) => string,
): { unit: "hour" | "day"; points: SeriesPoint[] } {
  const hourly = range.days === 1;
  const step = hourly ? HOUR_MS : DAY_MS;
  const slots = hourly ? 24 : range.days;
  const slotOf = (at: Date, origin: number) => Math.floor((at.getTime() - origin) / step);
  const points: SeriesPoint[] = Array.from({ length: slots }, (_, i) => {
    const start = new Date(range.start.getTime() + i * step);
    return {
      start: start.toISOString(),
      label: hourly ? `${formatDateTime(start).slice(11, 13)}:00` : bangkokDay(start),
      counts: {},
      total: 0,
      compare: 0,
    };
  });
  for (const r of rows) {
    const p = points[slotOf(r.hour, range.start.getTime())];
    if (!p) continue;
    const group = groupOf(r.status);
    p.counts[group] = (p.counts[group] ?? 0) + r.count;
    p.total += r.count;
  }
  // One day: compareRows are the seven days before, folded onto the hour of the day.
  // Longer: they are the span before, day by day.
  const origin = hourly
    ? range.start.getTime() - 7 * DAY_MS
    : range.start.getTime() - range.days * DAY_MS;
  for (const r of compareRows) {
    const slot = slotOf(r.hour, origin);
    const p = points[hourly ? slot % 24 : slot];
    if (p && slot >= 0) p.compare += r.count;
  }
  if (hourly) for (const p of points) p.compare = Math.round((p.compare / 7) * 10) / 10;
  return { unit: hourly ? "hour" : "day", points };
}

/** Counts per key, largest first; past `limit` keys the rest are summed under `other`. */
export function breakdown<K extends string>(
  entries: { key: K; count: number }[],
  limit = 10,
): { key: K | "other"; count: number }[] {
  const totals = new Map<K, number>();
  for (const e of entries) totals.set(e.key, (totals.get(e.key) ?? 0) + e.count);
  const sorted = [...totals.entries()]
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([key, count]) => ({ key: key as K | "other", count }));
  if (sorted.length <= limit) return sorted;
  const rest = sorted.slice(limit - 1).reduce((n, e) => n + e.count, 0);
  return [...sorted.slice(0, limit - 1), { key: "other", count: rest }];
}

/** Longer than the last duration bucket (a day). */
export const OVER_A_DAY = 2_147_483_647;

/**
 * The p-th percentile of a duration histogram, as the upper bound of the bucket it falls
 * in (so "p50 ≤ 10 s"); null without durations.
 */
export function percentile(
  buckets: { seconds: number; count: number }[],
  p: number,
): number | null {
  const sorted = [...buckets].sort((a, b) => a.seconds - b.seconds);
  const total = sorted.reduce((n, b) => n + b.count, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (const b of sorted) {
    seen += b.count;
    if (seen >= rank) return b.seconds;
  }
  return sorted.at(-1)?.seconds ?? null;
}

/** The median of a list of numbers (milliseconds of callback delay); null when empty. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export const AGE_BUCKETS = [
  { key: "lt5m", fromMs: 0, toMs: 5 * 60_000 },
  { key: "5to30m", fromMs: 5 * 60_000, toMs: 30 * 60_000 },
  { key: "30mto2h", fromMs: 30 * 60_000, toMs: 2 * HOUR_MS },
  { key: "2to24h", fromMs: 2 * HOUR_MS, toMs: 24 * HOUR_MS },
  { key: "gt24h", fromMs: 24 * HOUR_MS, toMs: Number.POSITIVE_INFINITY },
] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number]["key"];
