/**
 * One vocabulary of why a top-up failed. P2W names a refused create by a code
 * (INSUFFICIENT_BALANCE…) and a failed order by a sentence of its own ("Invalid game ID:
 * player not found"); the sentences it is known to send are stored as codes too, so each
 * reason is one bar in the overview, one filter value and one label (`reasons.*`, both
 * languages) everywhere. A sentence not known here is kept and shown as it came.
 */
export const FAILURE_REASON_CODES = [
  "INSUFFICIENT_BALANCE",
  "MISSING_FIELD",
  "PLAYER_NOT_FOUND",
  "PLAYER_BANNED",
  "GAME_MAINTENANCE",
  "OUT_OF_STOCK",
  "DAILY_LIMIT",
] as const;

export type FailureReasonCode = (typeof FAILURE_REASON_CODES)[number];

/** P2W's words (and an older code of ours) for the reasons above. */
const SAID: [RegExp, FailureReasonCode][] = [
  [/^INVALID_GAME_ID$|invalid game id|player not found/i, "PLAYER_NOT_FOUND"],
  [/banned/i, "PLAYER_BANNED"],
  [/maintenance/i, "GAME_MAINTENANCE"],
  [/out of stock/i, "OUT_OF_STOCK"],
  [/daily limit/i, "DAILY_LIMIT"],
];

/** The code of a reason as P2W gave it; the text itself when it is not a known one. */
export function failureReasonCode(reason: string): string {
  const trimmed = reason.trim();
  if ((FAILURE_REASON_CODES as readonly string[]).includes(trimmed)) return trimmed;
  return SAID.find(([pattern]) => pattern.test(trimmed))?.[1] ?? trimmed;
}
