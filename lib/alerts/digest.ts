import "server-only";

import { randomUUID } from "node:crypto";

import { type Db, withTx } from "@/db/client";
import { activeChannels, claimDigestDay, digestMade, enqueueDeliveries } from "@/db/queries/alerts";
import { lastBalance } from "@/db/queries/balance";
import {
  refusedCallbacksBetween,
  topupFailures,
  topupHourStatus,
  withdrawalHourRows,
} from "@/db/queries/overview";
import { reviewDay } from "@/db/queries/review-items";
import { bangkokDay, bangkokDayStart } from "@/lib/format";
import { balanceFigures } from "@/lib/overview/warnings";
import { failureReasonCode } from "@/lib/topups/failure-reasons";
import type { Settings } from "@/lib/settings/definitions";

import type { DayCounts, DigestFacts } from "./messages";
import { otherDeliveries } from "./outbox";
import { bangkokMinuteOfDay } from "./quiet-hours";

/**
 * The daily digest: yesterday (Bangkok days) against the day before, read from the hourly
 * roll-ups, the review queue, the refused-callback tally and the balance figures. Made once
 * a day at `digestTime` or after it (a server that was down at that minute makes it when it
 * comes back): the day's row in `alert_digests` and its messages are one transaction.
 */
const DAY_MS = 86_400_000;

async function dayCounts(db: Db, from: Date, to: Date, settings: Settings): Promise<DayCounts> {
  const topups: Record<string, number> = {};
  for (const row of await topupHourStatus(db, from, to))
    topups[row.status] = (topups[row.status] ?? 0) + row.count;
  const reasons = new Map<string, number>();
  for (const row of await topupFailures(db, from, to))
    if (row.reason) {
      // P2W's sentences and our codes for the same reason are one reason.
      const code = failureReasonCode(row.reason);
      reasons.set(code, (reasons.get(code) ?? 0) + row.count);
    }
  const withdrawals: Record<string, number> = {};
  let withdrawnSatang = 0;
  for (const row of await withdrawalHourRows(db, from, to)) {
    withdrawals[row.status] = (withdrawals[row.status] ?? 0) + row.count;
    withdrawnSatang += row.amountSatang;
  }
  const balance = await lastBalance(db, "p2w", { atOrBefore: to });
  return {
    topups,
    reasons: [...reasons]
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count)
      .slice(0, 3),
    withdrawals,
    withdrawnSatang,
    review: await reviewDay(db, from, to, settings.reviewSlaHours),
    refused: await refusedCallbacksBetween(db, from, to),
    balanceSatang: balance?.balanceSatang ?? null,
  };
}

/** The facts of the digest sent on `today` (a Bangkok day): yesterday and the day before. */
export async function digestFacts(
  db: Db,
  today: string,
  settings: Settings,
  now: Date,
  manual: boolean,
): Promise<DigestFacts> {
  const todayStart = bangkokDayStart(today) ?? now;
  const yesterdayStart = new Date(todayStart.getTime() - DAY_MS);
  const beforeStart = new Date(todayStart.getTime() - 2 * DAY_MS);
  const figures = await balanceFigures(db, now);
  return {
    type: "digest",
    manual,
    day: bangkokDay(yesterdayStart),
    yesterday: await dayCounts(db, yesterdayStart, todayStart, settings),
    before: await dayCounts(db, beforeStart, yesterdayStart, settings),
    runwayHours:
      figures.rate.kind === "unknown"
        ? "unknown"
        : figures.runwayHours === null || figures.runwayHours === Infinity
          ? "endless"
          : Math.round(figures.runwayHours * 10) / 10,
  };
}

/** Makes today's digest if its time has come and it was not made yet. True when this call made it. */
export async function digestIfDue(db: Db, settings: Settings, now: Date): Promise<boolean> {
  if (bangkokMinuteOfDay(now) < settings.digestTime) return false;
  const today = bangkokDay(now);
  if (await digestMade(db, today)) return false;
  const facts = await digestFacts(db, today, settings, now, false);
  return withTx(db, async (tx) => {
    if (!(await claimDigestDay(tx, today, now))) return false;
    const channels = (await activeChannels(tx)).filter((c) => c.digest);
    await enqueueDeliveries(
      tx,
      otherDeliveries(channels, (c) => `digest:${today}:${c.id}`, "digest", facts, now),
      now,
    );
    return true;
  });
}

/** A digest sent by hand now (`POST /api/alerts/digest`), to every channel that takes it. */
export async function sendDigestNow(db: Db, settings: Settings, now: Date): Promise<number> {
  const facts = await digestFacts(db, bangkokDay(now), settings, now, true);
  const run = randomUUID();
  const channels = (await activeChannels(db)).filter((c) => c.digest);
  return withTx(db, (tx) =>
    enqueueDeliveries(
      tx,
      otherDeliveries(channels, (c) => `digest-manual:${run}:${c.id}`, "digest", facts, now),
      now,
    ),
  );
}
