import { bangkokDay, bangkokDayStart } from "@/lib/format";

/**
 * The overview's range: whole Bangkok days, inclusive, and the same number of days just
 * before it for comparison. Browser-safe: the range picker builds its presets here too.
 */
export const DAY_MS = 24 * 60 * 60 * 1000;
export const HOUR_MS = 60 * 60 * 1000;

/** The longest range the overview answers (a quarter): longer spans are for exports. */
export const MAX_RANGE_DAYS = 92;

export const RANGE_PRESETS = ["today", "yesterday", "last7"] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

export type DaySpan = { from: string; to: string; start: Date; end: Date; days: number };

export type OverviewRange = DaySpan & { previous: DaySpan };

/** Whole hours of the range that have begun by `now` (all of them for a past range). */
function hoursBegun(start: Date, end: Date, now: Date): number {
  const all = Math.round((end.getTime() - start.getTime()) / HOUR_MS);
  const begun = Math.ceil((now.getTime() - start.getTime()) / HOUR_MS);
  return Math.max(1, Math.min(all, begun));
}

function addDays(day: string, days: number): string {
  const start = bangkokDayStart(day);
  if (!start) throw new RangeError(`not a day: ${day}`);
  return bangkokDay(start.getTime() + days * DAY_MS);
}

/** The days of a preset, as the range picker and the default (today) use them. */
export function presetDays(preset: RangePreset, now: Date): { from: string; to: string } {
  const today = bangkokDay(now);
  if (preset === "yesterday") {
    const day = addDays(today, -1);
    return { from: day, to: day };
  }
  if (preset === "last7") return { from: addDays(today, -6), to: today };
  return { from: today, to: today };
}

/** Which preset a pair of days is, if any (the picker highlights it). */
export function presetOf(days: { from: string; to: string }, now: Date): RangePreset | null {
  return (
    RANGE_PRESETS.find((p) => {
      const d = presetDays(p, now);
      return d.from === days.from && d.to === days.to;
    }) ?? null
  );
}

export type RangeProblem = "from" | "to" | "order" | "length";

/**
 * `from`/`to` (Bangkok days, inclusive; either may be missing: today) → the range and the
 * span before it, or the problem with them. While the range is still running (today), the
 * span before is cut at the same hour, so "today so far" is compared with "yesterday until
 * this hour", not with all of yesterday.
 */
export function overviewRange(
  from: string | undefined,
  to: string | undefined,
  now: Date,
): OverviewRange | { problem: RangeProblem } {
  const today = bangkokDay(now);
  const first = from || to || today;
  const last = to || from || today;
  const start = bangkokDayStart(first);
  const lastStart = bangkokDayStart(last);
  if (!start) return { problem: "from" };
  if (!lastStart) return { problem: "to" };
  if (lastStart < start) return { problem: "order" };
  const days = Math.round((lastStart.getTime() - start.getTime()) / DAY_MS) + 1;
  if (days > MAX_RANGE_DAYS) return { problem: "length" };
  const end = new Date(lastStart.getTime() + DAY_MS);
  const previousStart = new Date(start.getTime() - days * DAY_MS);
  const previousEnd = new Date(previousStart.getTime() + hoursBegun(start, end, now) * HOUR_MS);
  return {
    from: first,
    to: last,
    start,
    end,
    days,
    previous: {
      from: bangkokDay(previousStart),
      to: addDays(first, -1),
      start: previousStart,
      end: previousEnd,
      days,
    },
  };
}
