import type { EntityKind, ReviewItemReason } from "@/db/enums";

/**
 * What a person may decide about a review item, in one place for the server (which refuses
 * anything else) and the page (which offers only these). Browser-safe: no drizzle here.
 */

export const TOPUP_OUTCOMES = [
  "delivered",
  "not_delivered",
  "refunded",
  "reissued",
  "no_action",
] as const;
export const WITHDRAWAL_OUTCOMES = ["paid", "not_paid", "no_action"] as const;
export type ReviewOutcome =
  | (typeof TOPUP_OUTCOMES)[number]
  | (typeof WITHDRAWAL_OUTCOMES)[number]
  /** Written by the system when the upstream settled the order before anyone decided. */
  | "settled_by_upstream";

/** A decision's note must say something: at least this many characters (trimmed). */
export const NOTE_MIN_LENGTH = 5;
export const NOTE_MAX_LENGTH = 1_000;

/**
 * The outcomes a person may pick for an item. `reissued` is never picked: a re-issue sets it.
 * - failed top-up: the customer did not get the item, so it is refunded (or nothing is done;
 *   re-issuing is its own action);
 * - unknown outcome: only the answer to the question — delivered or not;
 * - stuck, conflict, anomaly: the answer, or refunded, or nothing;
 * - withdrawals: paid, not paid, or nothing.
 */
export function outcomesFor(kind: EntityKind, reason: ReviewItemReason): ReviewOutcome[] {
  if (kind === "withdrawal") return [...WITHDRAWAL_OUTCOMES];
  if (reason === "failed") return ["refunded", "no_action"];
  if (reason === "unknown_outcome") return ["delivered", "not_delivered"];
  return ["delivered", "not_delivered", "refunded", "no_action"];
}

/**
 * The final status a decision states, recorded as a person's report when the order has no
 * final status yet (an unknown outcome, a stuck order): `not_delivered` makes a top-up
 * `failed`, hence re-issuable. A final status is never changed by a decision.
 */
export const OUTCOME_STATUS: Partial<Record<ReviewOutcome, string>> = {
  delivered: "succeeded",
  not_delivered: "failed",
  paid: "success",
  not_paid: "failed",
};

/** Why a failed top-up cannot be re-issued (the page says which). */
export const NOT_REISSUABLE_REASONS = [
  "not_failed",
  "reissued",
  "pending_approval",
  "refunded",
  "conflict",
] as const;
export type NotReissuableReason = (typeof NOT_REISSUABLE_REASONS)[number];

/** Which items a person's queue shows: held by them, held by no one, or any. */
export const CLAIM_FILTERS = ["me", "none", "any"] as const;
export type ClaimFilter = (typeof CLAIM_FILTERS)[number];

/** The SLA colour of an item's age: within, nearing (past ¾ of the SLA), or past it. */
export function slaLevel(openedAt: Date, now: Date, slaHours: number): "ok" | "near" | "late" {
  const hours = (now.getTime() - openedAt.getTime()) / 3_600_000;
  if (hours >= slaHours) return "late";
  return hours >= slaHours * 0.75 ? "near" : "ok";
}
