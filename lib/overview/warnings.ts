import "server-only";

import type { Db } from "@/db/client";
import { lastBalance } from "@/db/queries/balance";
import { balancePoints, lastCallbacks, ordersWaitingSince } from "@/db/queries/overview";
import { changeWarningStates, readWarningStates } from "@/db/queries/warnings";
import { recordAuditIn } from "@/lib/audit/record-audit";
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
 * The banner's warnings: the P2W balance under its threshold, a runway shorter than the
 * warning hours, and each upstream's callbacks silent while orders wait. Evaluated whenever
 * someone looks (the overview, the banner) and on each reconciler pass; a crossing in either
 * direction is stored once and written to the audit log as a system event.
 */
export const WARNING_KEYS = [
  "low_balance",
  "short_runway",
  "callback_silence_p2w",
  "callback_silence_payout",
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

type Evaluation = {
  key: WarningKey;
  raised: (was: boolean) => boolean;
  detail: Record<string, unknown>;
};

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
      detail: {
        upstream,
        lastAcceptedAt: accepted?.toISOString() ?? null,
        minutes,
      },
    });
  }
  return out;
}

/** Evaluates every warning, records crossings, and returns the ones raised now. */
export async function currentWarnings(
  db: Db,
  settings: Settings,
  now = new Date(),
): Promise<WarningJson[]> {
  const states = new Map((await readWarningStates(db)).map((s) => [s.key, s]));
  const evaluated = await evaluations(db, settings, now);
  const changes = evaluated
    .map((e) => {
      const was = states.get(e.key)?.raised ?? false;
      return {
        key: e.key,
        wasRaised: states.get(e.key)?.raised ?? null,
        was,
        raised: e.raised(was),
        detail: e.detail,
      };
    })
    .filter((c) => c.raised !== c.was);
  if (changes.length > 0) {
    const moved = changeWarningStates(db, changes, now, (tx, change) =>
      recordAuditIn(tx, null, change.raised ? "warning.raised" : "warning.cleared", {
        targetType: "warning",
        targetId: change.key,
        details: change.detail,
      }),
    );
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
