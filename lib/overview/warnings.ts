import "server-only";

import type { Db } from "@/db/client";
import { lastBeat } from "@/db/queries/alerts";
import { lastBalance } from "@/db/queries/balance";
import {
  balancePoints,
  callbackCountsSince,
  lastCallbacks,
  ordersWaitingSince,
} from "@/db/queries/overview";
import { overdueReviewItems } from "@/db/queries/review-items";
import { callOutcomeCounts } from "@/db/queries/upstream-call-log";
import { changeWarningStates, readWarningStates } from "@/db/queries/warnings";
import { alertTransition } from "@/lib/alerts/outbox";
import { recordAuditIn } from "@/lib/audit/record-audit";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/logger";
import { wholeBahtToSatang } from "@/lib/money";
import type { Settings } from "@/lib/settings/definitions";

import { nextRaised } from "./hysteresis";
import {
  type BalancePoint,
  runwayHours,
  SPEND_WINDOW_MS,
  type SpendRate,
  spendRate,
} from "./runway";

/**
 * The warnings: the P2W balance under its threshold, a runway shorter than the warning
 * hours, each upstream's callbacks silent while orders wait, refused callbacks, an
 * upstream's failing calls, review items past their SLA and a stalled reconciler. A crossing
 * in either direction is stored once, written to the audit log as a system event, and opens
 * or closes an alert with its messages (lib/alerts/outbox.ts) in the same transaction.
 *
 * The first four are cheap and evaluated whenever someone looks (the overview, the banner)
 * and on each reconciler pass; all of them every ALERT_EVALUATE_SECONDS by the alert loop
 * (lib/alerts/loop.ts). The banner shows every raised one.
 */
export const WARNING_KEYS = [
  "low_balance",
  "short_runway",
  "callback_silence_p2w",
  "callback_silence_payout",
  "callbacks_refused",
  "upstream_errors_p2w",
  "upstream_errors_payout",
  "review_overdue",
  "reconciler_stalled",
] as const;
export type WarningKey = (typeof WARNING_KEYS)[number];

export type WarningJson = { key: WarningKey; since: string; detail: Record<string, unknown> };

export type BalanceFigures = {
  last: { satang: number; at: Date } | null;
  points: BalancePoint[];
  rate: SpendRate;
  runwayHours: number | null;
};

/** The last confirmed balance, the figures of the last three hours and the pace they give. */
export async function balanceFigures(db: Db, now: Date): Promise<BalanceFigures> {
  const known = await lastBalance(db, "p2w");
  const points = await balancePoints(db, new Date(now.getTime() - SPEND_WINDOW_MS), now);
  const rate = spendRate(points, now);
  const last = known ? { satang: known.balanceSatang, at: known.at } : null;
  return { last, points, rate, runwayHours: last ? runwayHours(last.satang, rate) : null };
}

/** One warning's figure now, in its setting's unit, and its threshold. */
type Evaluation = {
  key: WarningKey;
  raised: (was: boolean) => boolean;
  value: number | null;
  threshold: number;
  detail: Record<string, unknown>;
};

/** Windows of the rate alerts; below `MIN_EVENTS` events a share says nothing. */
export const REFUSED_WINDOW_MS = 15 * 60_000;
export const ERRORS_WINDOW_MS = 5 * 60_000;
export const MIN_EVENTS = 5;
/** A reconciler with no finished pass for this long is stalled. */
export const RECONCILER_STALL_MINUTES = 10;
/** The name of the reconciler's heartbeat (db/schema-alerts.ts). */
export const RECONCILER_BEAT = "reconciler";
const startedAt = new Date();

async function evaluations(db: Db, settings: Settings, now: Date): Promise<Evaluation[]> {
  const gapPercent = settings.warningClearGapPercent;
  const balance = await balanceFigures(db, now);
  const threshold = wholeBahtToSatang(settings.lowBalanceBaht);
  // Not falling is an endless runway; too few figures to tell leaves the warning as it was.
  const runway = balance.rate.kind === "unknown" ? null : (balance.runwayHours ?? Infinity);
  const out: Evaluation[] = [
    {
      key: "low_balance",
      raised: (was) =>
        nextRaised(was, balance.last?.satang ?? null, {
          level: threshold,
          gapPercent,
          direction: "below",
        }),
      value: balance.last ? balance.last.satang / 100 : null,
      threshold: settings.lowBalanceBaht,
      detail: {
        balanceSatang: balance.last?.satang ?? null,
        at: balance.last?.at.toISOString() ?? null,
        thresholdSatang: threshold,
      },
    },
    {
      key: "short_runway",
      raised: (was) =>
        balance.last !== null &&
        nextRaised(was, runway, {
          level: settings.runwayWarningHours,
          gapPercent,
          direction: "below",
        }),
      value: runway === null || runway === Infinity ? null : Math.round(runway * 10) / 10,
      threshold: settings.runwayWarningHours,
      detail: {
        runwayHours: runway === null || runway === Infinity ? null : Math.round(runway * 10) / 10,
        perHourSatang: balance.rate.kind === "falling" ? balance.rate.perHourSatang : 0,
        balanceSatang: balance.last?.satang ?? null,
        warningHours: settings.runwayWarningHours,
      },
    },
  ];
  for (const upstream of ["p2w", "payout"] as const) {
    const minutes = settings.callbackSilenceMinutes;
    const waiting = await ordersWaitingSince(
      db,
      upstream,
      new Date(now.getTime() - minutes * 60_000),
    );
    const { accepted } = await lastCallbacks(db, upstream);
    const silentMinutes = accepted ? (now.getTime() - accepted.getTime()) / 60_000 : Infinity;
    out.push({
      key: `callback_silence_${upstream}`,
      raised: (was) =>
        nextRaised(was, waiting ? silentMinutes : 0, {
          level: minutes,
          gapPercent,
          direction: "above",
        }),
      value: waiting && silentMinutes !== Infinity ? Math.round(silentMinutes) : null,
      threshold: minutes,
      detail: {
        upstream,
        lastAcceptedAt: accepted?.toISOString() ?? null,
        minutes,
      },
    });
  }
  return out;
}

/** A share in percent with one decimal; 0 below `MIN_EVENTS`, where a share says nothing. */
const share = (part: number, whole: number) =>
  whole >= MIN_EVENTS && part > 0 ? Math.round((part / whole) * 1000) / 10 : 0;

/** The warnings only the alert loop evaluates: each reads a window of a log. */
async function slowEvaluations(db: Db, settings: Settings, now: Date): Promise<Evaluation[]> {
  const out: Evaluation[] = [];
  /** A warning raised above its threshold; the banner reads the figures from its detail. */
  const above = (
    key: WarningKey,
    value: number | null,
    threshold: number,
    detail: Record<string, unknown>,
  ) =>
    out.push({
      key,
      raised: (was) =>
        nextRaised(was, value, {
          level: threshold,
          gapPercent: settings.warningClearGapPercent,
          direction: "above",
        }),
      value,
      threshold,
      detail: { ...detail, value, threshold },
    });

  const since = new Date(now.getTime() - REFUSED_WINDOW_MS);
  let [accepted, refused] = [0, 0];
  for (const upstream of ["p2w", "payout"] as const) {
    const counts = await callbackCountsSince(db, upstream, since);
    accepted += counts.accepted;
    refused += counts.refused;
  }
  // At least MIN_EVENTS refused ones: a single forged callback is not a trend.
  above(
    "callbacks_refused",
    refused >= MIN_EVENTS ? share(refused, accepted + refused) : 0,
    settings.refusedCallbackPercent,
    { refused, accepted, windowMinutes: REFUSED_WINDOW_MS / 60_000 },
  );

  const calls = await callOutcomeCounts(db, new Date(now.getTime() - ERRORS_WINDOW_MS));
  for (const upstream of ["p2w", "payout"] as const) {
    // The worst operation of this upstream with enough calls to judge.
    let worst = { operation: "", percent: 0, errors: 0, calls: 0 };
    const operations = new Set(
      calls.filter((c) => c.upstream === upstream).map((c) => c.operation),
    );
    for (const operation of operations) {
      const rows = calls.filter((c) => c.upstream === upstream && c.operation === operation);
      const total = rows.reduce((sum, r) => sum + r.n, 0);
      const errors = rows.filter((r) => r.outcome === "error").reduce((sum, r) => sum + r.n, 0);
      const percent = share(errors, total);
      if (percent > worst.percent) worst = { operation, percent, errors, calls: total };
    }
    above(`upstream_errors_${upstream}`, worst.percent, settings.upstreamErrorPercent, {
      upstream,
      ...worst,
      windowMinutes: ERRORS_WINDOW_MS / 60_000,
    });
  }

  const overdue = await overdueReviewItems(
    db,
    new Date(now.getTime() - settings.reviewSlaHours * 3_600_000),
  );
  const oldestHours = overdue.oldest
    ? Math.round(((now.getTime() - overdue.oldest.getTime()) / 3_600_000) * 10) / 10
    : 0;
  above("review_overdue", oldestHours, settings.reviewSlaHours, {
    count: overdue.count,
    oldestHours,
    slaHours: settings.reviewSlaHours,
  });

  // One that never finished counts from this process's start. A process with the reconciler
  // off cannot tell (another process may run it): it leaves the alert as it is, so two
  // instances configured differently never raise and clear it in turn.
  const on = getEnv().RECONCILER === "on";
  const last = await lastBeat(db, RECONCILER_BEAT);
  const quietMinutes = on
    ? Math.round((now.getTime() - (last ?? startedAt).getTime()) / 60_000)
    : null;
  above("reconciler_stalled", quietMinutes, RECONCILER_STALL_MINUTES, {
    lastPassAt: last?.toISOString() ?? null,
    minutes: RECONCILER_STALL_MINUTES,
  });
  return out;
}

/** Evaluates every warning, records crossings, and returns the ones raised now. */
export async function currentWarnings(
  db: Db,
  settings: Settings,
  now = new Date(),
  scope: "banner" | "all" = "banner",
): Promise<WarningJson[]> {
  const states = new Map((await readWarningStates(db)).map((s) => [s.key, s]));
  const evaluated = [
    ...(await evaluations(db, settings, now)),
    ...(scope === "all" ? await slowEvaluations(db, settings, now) : []),
  ];
  const changes = evaluated
    .map((e) => {
      const was = states.get(e.key)?.raised ?? false;
      return {
        key: e.key,
        wasRaised: states.get(e.key)?.raised ?? null,
        was,
        raised: e.raised(was),
        value: e.value,
        threshold: e.threshold,
        detail: e.detail,
      };
    })
    .filter((c) => c.raised !== c.was);
  if (changes.length > 0) {
    const moved = await changeWarningStates(db, changes, now, async (tx, change) => {
      await recordAuditIn(tx, null, change.raised ? "warning.raised" : "warning.cleared", {
        targetType: "warning",
        targetId: change.key,
        details: change.detail,
      });
      const evaluation = changes.find((c) => c.key === change.key);
      await alertTransition(tx, {
        key: change.key as WarningKey,
        raised: change.raised,
        value: evaluation?.value ?? null,
        threshold: evaluation?.threshold ?? null,
        detail: change.detail,
        at: now,
      });
    });
    for (const key of moved)
      logger.info("warning changed", { key, raised: changes.find((c) => c.key === key)?.raised });
  }
  // Read again only after a write: ours, or another process's that the compare-and-set saw.
  const after =
    changes.length > 0 ? new Map((await readWarningStates(db)).map((s) => [s.key, s])) : states;
  const detailOf = new Map(evaluated.map((e) => [e.key, e.detail]));
  return WARNING_KEYS.flatMap((key) => {
    const state = after.get(key);
    if (!state?.raised) return [];
    return [
      { key, since: state.since.toISOString(), detail: detailOf.get(key) ?? state.detail ?? {} },
    ];
  });
}
