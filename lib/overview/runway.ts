/**
 * The P2W balance runway: how fast the balance is being spent and how long it lasts at that
 * pace. Pure arithmetic over confirmed balance figures, so it is tested without a clock.
 */
export type BalancePoint = { satang: number; at: Date };

export const SPEND_WINDOW_MS = 3 * 60 * 60 * 1000;
/** Fewer minutes of figures than this say nothing about a pace. */
const MIN_SPAN_MS = 10 * 60 * 1000;

export type SpendRate =
  /** Not enough figures in the window to tell. */
  | { kind: "unknown" }
  /** The balance did not go down in the window (flat, or only deposits). */
  | { kind: "flat"; spentSatang: 0 }
  | { kind: "falling"; spentSatang: number; perHourSatang: number };

/**
 * Spend over the last three hours: the sum of every fall between consecutive figures (a
 * deposit in the middle is a rise and does not cancel what was spent), divided by the time
 * the figures cover, up to now. `points` are oldest first and may start with the last figure
 * before the window, which anchors the first fall.
 */
export function spendRate(
  points: BalancePoint[],
  now: Date,
  windowMs = SPEND_WINDOW_MS,
): SpendRate {
  const windowStart = now.getTime() - windowMs;
  const first = points[0];
  if (!first || points.length < 2) return { kind: "unknown" };
  let spent = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as BalancePoint;
    const b = points[i] as BalancePoint;
    if (b.at.getTime() < windowStart) continue;
    if (b.satang < a.satang) spent += a.satang - b.satang;
  }
  const span = now.getTime() - Math.max(windowStart, first.at.getTime());
  if (span < MIN_SPAN_MS) return { kind: "unknown" };
  if (spent === 0) return { kind: "flat", spentSatang: 0 };
  return {
    kind: "falling",
    spentSatang: spent,
    perHourSatang: Math.round((spent * 3_600_000) / span),
  };
}

/** Hours the balance lasts at the rate, or null when it is not falling. */
export function runwayHours(balanceSatang: number, rate: SpendRate): number | null {
  if (rate.kind !== "falling" || rate.perHourSatang <= 0) return null;
  return Math.max(0, balanceSatang) / rate.perHourSatang;
}
