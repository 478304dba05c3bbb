import "server-only";

import type { Db } from "@/db/client";
import {
  type HourStatusRow,
  balanceAt,
  callbackCountsSince,
  countTopupsByAge,
  firstCallbackDelays,
  lastCallbacks,
  openWithdrawals,
  stuckCount,
  topupDurationCounts,
  topupFailures,
  topupHourStatus,
  withdrawalHourRows,
} from "@/db/queries/overview";
import { countReviewItems } from "@/db/queries/review-items";
import {
  type ReviewItemReason,
  TOPUP_STATUSES,
  TOPUP_WAITING_STATUSES,
  WITHDRAWAL_STATUSES,
} from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";
import { wholeBahtToSatang } from "@/lib/money";
import { isFinal } from "@/lib/orders/status-machine";
import type { Settings } from "@/lib/settings/definitions";
import { TOPUP_MACHINE } from "@/lib/topups/topup-status";

import {
  AGE_BUCKETS,
  breakdown,
  median,
  percentile,
  series,
  statusTotals,
  successRate,
} from "./figures";
import { DAY_MS, HOUR_MS, type OverviewRange } from "./range";
import { balanceFigures, currentWarnings, type WarningJson } from "./warnings";

/** What `GET /api/overview` answers; a part is absent when the role may not see it. */
export type OverviewJson = {
  range: {
    from: string;
    to: string;
    days: number;
    /** The span compared with; `until` is its end (earlier than its last day's end while the range runs). */
    previous: { from: string; to: string; until: string };
  };
  generatedAt: string;
  topups?: Awaited<ReturnType<typeof topupFigures>>;
  withdrawals?: Awaited<ReturnType<typeof withdrawalFigures>>;
  balance?: Awaited<ReturnType<typeof balanceSection>>;
  callbacks?: Record<"p2w" | "payout", Awaited<ReturnType<typeof callbackHealth>>>;
  review?: { open: number; byReason: Partial<Record<ReviewItemReason, number>> };
  warnings?: WarningJson[];
};

const topupGroup = (status: string) => (isFinal(TOPUP_MACHINE, status) ? status : "waiting");

/**
 * Totals by status over the range and the span before (with success rates), and the series
 * with what it is compared with: the seven days before for one day (hour by hour), else the
 * whole span before (day by day, even while today cuts the totals' span short).
 */
async function spans(
  range: OverviewRange,
  read: (from: Date, to: Date) => Promise<HourStatusRow[]>,
  statuses: readonly string[],
  outcome: { good: string; bad: string },
  groupOf: (status: string) => string,
) {
  const rows = await read(range.start, range.end);
  const previousRows = await read(range.previous.start, range.previous.end);
  const compareFrom =
    range.days === 1 ? new Date(range.start.getTime() - 7 * DAY_MS) : range.previous.start;
  const compareRows =
    compareFrom.getTime() === range.previous.start.getTime() &&
    range.previous.end.getTime() === range.start.getTime()
      ? previousRows
      : await read(compareFrom, range.start);
  const totals = statusTotals(rows, statuses);
  const previous = statusTotals(previousRows, statuses);
  return {
    ...totals,
    successRate: successRate(totals, outcome.good, outcome.bad),
    previous: { ...previous, successRate: successRate(previous, outcome.good, outcome.bad) },
    series: series(range, rows, compareRows, groupOf),
  };
}

async function topupFigures(db: Db, range: OverviewRange, now: Date) {
  const failed = await topupFailures(db, range.start, range.end);
  const durations = await topupDurationCounts(db, range.start, range.end);
  // Buckets are (from, to] of waiting time: created after now − to, up to now − from.
  const counts = await countTopupsByAge(
    db,
    TOPUP_WAITING_STATUSES,
    AGE_BUCKETS.slice(0, -1).map((b) => new Date(now.getTime() - b.toMs)),
    now,
  );
  const waiting = AGE_BUCKETS.map((b, i) => ({ bucket: b.key, count: counts[i] ?? 0 }));
  return {
    ...(await spans(
      range,
      (from, to) => topupHourStatus(db, from, to),
      TOPUP_STATUSES,
      { good: "succeeded", bad: "failed" },
      topupGroup,
    )),
    failuresByReason: breakdown(failed.map((r) => ({ key: r.reason, count: r.count }))).map(
      ({ key, count }) => ({ reason: key, count }),
    ),
    failuresByPackage: breakdown(failed.map((r) => ({ key: r.packageId, count: r.count }))).map(
      ({ key, count }) => ({ packageId: key, count }),
    ),
    timeToFinal: {
      count: durations.reduce((n, d) => n + d.count, 0),
      p50Seconds: percentile(durations, 0.5),
      p95Seconds: percentile(durations, 0.95),
      buckets: durations,
    },
    waiting: { total: waiting.reduce((n, w) => n + w.count, 0), byAge: waiting },
    stuck: await stuckCount(db, "topup"),
  };
}

async function withdrawalFigures(db: Db, range: OverviewRange) {
  return {
    ...(await spans(
      range,
      (from, to) => withdrawalHourRows(db, from, to),
      WITHDRAWAL_STATUSES,
      { good: "success", bad: "failed" },
      (status) => status,
    )),
    open: await openWithdrawals(db),
    stuck: await stuckCount(db, "withdrawal"),
  };
}

/** Trend points: the last confirmed figure at each of up to 48 even steps over the range. */
async function balanceSection(db: Db, range: OverviewRange, settings: Settings, now: Date) {
  const figures = await balanceFigures(db, now);
  const end = Math.min(range.end.getTime(), now.getTime());
  const step = Math.max(
    HOUR_MS / 2,
    Math.ceil((end - range.start.getTime()) / 48 / HOUR_MS) * HOUR_MS,
  );
  const instants: Date[] = [];
  for (let t = range.start.getTime() + step; t < end; t += step) instants.push(new Date(t));
  instants.push(new Date(end));
  const trend = (await balanceAt(db, instants)).map((p, i) => ({
    at: (instants[i] as Date).toISOString(),
    satang: p?.satang ?? null,
  }));
  return {
    p2w: figures.last ? { satang: figures.last.satang, at: figures.last.at.toISOString() } : null,
    trend: end > range.start.getTime() ? trend : [],
    rate: figures.rate,
    runwayHours: figures.runwayHours,
    thresholdSatang: wholeBahtToSatang(settings.lowBalanceBaht),
    runwayWarningHours: settings.runwayWarningHours,
  };
}

async function callbackHealth(db: Db, upstream: "p2w" | "payout", now: Date) {
  const hourAgo = new Date(now.getTime() - HOUR_MS);
  const last = await lastCallbacks(db, upstream);
  const counts = await callbackCountsSince(db, upstream, hourAgo);
  const all = counts.accepted + counts.refused;
  const delay = median(await firstCallbackDelays(db, upstream, hourAgo));
  return {
    lastReceivedAt: last.received?.toISOString() ?? null,
    lastAcceptedAt: last.accepted?.toISOString() ?? null,
    lastHour: counts,
    perMinute: Math.round((all / 60) * 100) / 100,
    refusedShare: all === 0 ? null : counts.refused / all,
    medianDelaySeconds: delay === null ? null : Math.round(delay / 100) / 10,
  };
}

/**
 * Everything the overview shows for a range, limited to what the role may see: top-up
 * figures need `topup:view`, withdrawal figures `withdrawal:view`, callback health
 * `callback:view`, the review counts `review:view`, the warnings `warning:view`.
 */
export async function overview(
  db: Db,
  role: Role,
  range: OverviewRange,
  settings: Settings,
  now = new Date(),
): Promise<OverviewJson> {
  const out: OverviewJson = {
    range: {
      from: range.from,
      to: range.to,
      days: range.days,
      previous: {
        from: range.previous.from,
        to: range.previous.to,
        until: range.previous.end.toISOString(),
      },
    },
    generatedAt: now.toISOString(),
  };
  if (can(role, "topup:view")) {
    out.topups = await topupFigures(db, range, now);
    out.balance = await balanceSection(db, range, settings, now);
  }
  if (can(role, "withdrawal:view")) out.withdrawals = await withdrawalFigures(db, range);
  if (can(role, "callback:view"))
    out.callbacks = {
      p2w: await callbackHealth(db, "p2w", now),
      payout: await callbackHealth(db, "payout", now),
    };
  if (can(role, "review:view")) {
    const byReason = await countReviewItems(db, { claimed: { by: "any" }, resolved: false });
    out.review = { open: Object.values(byReason).reduce((n, c) => n + (c ?? 0), 0), byReason };
  }
  if (can(role, "warning:view")) out.warnings = await currentWarnings(db, settings, now);
  return out;
}
