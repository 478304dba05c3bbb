/**
 * When the reconciler looks at an open order again: growing gaps with ±20 % jitter
 * (1 min, 5 min × 5, 30 min × 2, then hourly), and after the stuck-after setting (24 h by
 * default) it stops guessing and marks the order stuck for a manager.
 */
const MINUTE = 60_000;
const GAPS_MS = [
  MINUTE,
  5 * MINUTE,
  5 * MINUTE,
  5 * MINUTE,
  5 * MINUTE,
  5 * MINUTE,
  30 * MINUTE,
  30 * MINUTE,
];
const LATER_GAP_MS = 60 * MINUTE;
/** A `submitting` order older than this lost its create call (the process died): unknown. */
export const SUBMITTING_TIMEOUT_MS = 2 * MINUTE;

function gapAfter(attempts: number, random: () => number = Math.random): number {
  const base = GAPS_MS[attempts] ?? LATER_GAP_MS;
  return Math.round(base * (0.8 + random() * 0.4));
}

export function nextCheckAt(attempts: number, now: Date, random?: () => number): Date {
  return new Date(now.getTime() + gapAfter(attempts, random));
}

/** Whether an order created at `createdAt` has waited longer than `stuckAfterHours`. */
export function pastGiveUp(createdAt: Date, now: Date, stuckAfterHours: number): boolean {
  return now.getTime() - createdAt.getTime() >= stuckAfterHours * 60 * MINUTE;
}

/** How many orders of a pass ended in each outcome. */
export function summarize(outcomes: string[]) {
  const counts: Record<string, number> = {};
  for (const outcome of outcomes) counts[outcome] = (counts[outcome] ?? 0) + 1;
  return { checked: outcomes.length, outcomes: counts };
}
