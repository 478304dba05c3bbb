/**
 * The words of the callbacks log, in one place (browser-safe): how a callback was verified,
 * what processing it came to, and which of those a person may replay. Labels live in the
 * message catalog under `logs.verification.*` and `logs.result.*`.
 */

import { UPSTREAMS, type UpstreamName } from "@/lib/upstream/names";

export { UPSTREAMS, type UpstreamName };

/** `ok`, or why the callback was refused (nothing else happens to a refused one). */
export const VERIFICATIONS = [
  "ok",
  "bad_json",
  "bad_body",
  "bad_token",
  "bad_signature",
  "bad_merchant",
  "stale_time",
] as const;
export const REFUSALS = VERIFICATIONS.filter((v) => v !== "ok");

/** Every processing result a stored callback can carry. */
export const CALLBACK_RESULTS = [
  // not finished
  "received",
  "retry",
  "replaying",
  // finished
  "applied",
  "unchanged",
  "duplicate",
  "stale",
  "contradicted",
  "conflict",
  "anomaly",
  "unmatched",
  "unconfirmed",
  // refused at the door
  "rejected",
] as const;
export type CallbackResult = (typeof CALLBACK_RESULTS)[number];

/**
 * Processing that failed or never finished: the log's "failed" filter, what bulk replay is
 * for. A young `received` one may still be in the worker (replaying it is harmless: the
 * event key decides); a `replaying` one is refused as busy for `UNFINISHED_AFTER_MS`.
 */
export const FAILED_RESULTS = ["retry", "unconfirmed", "received", "replaying"] as const;

/** A replay started less than this long ago is taken to be still running. */
export const UNFINISHED_AFTER_MS = 60_000;

/** The filter value that stands for every result of FAILED_RESULTS. */
export const FAILED_GROUP = "failed";

/** Whether a callback may be replayed: verified, body still kept, not being replayed now. */
export function replayable(callback: {
  verification: string;
  prunedAt: Date | string | null;
  result: string;
  replayedAt: Date | string | null;
  now?: number;
}): "ok" | "refused" | "pruned" | "busy" {
  if (callback.verification !== "ok") return "refused";
  if (callback.prunedAt) return "pruned";
  const since = callback.replayedAt ? new Date(callback.replayedAt).getTime() : 0;
  if (callback.result === "replaying" && (callback.now ?? Date.now()) - since < UNFINISHED_AFTER_MS)
    return "busy";
  return "ok";
}

/** The operations each upstream's client records (lib/p2w/client.ts, lib/payout/client.ts). */
export const OPERATIONS = {
  p2w: ["create_order", "get_order"],
  payout: ["withdraw_query"],
} as const satisfies Record<UpstreamName, readonly string[]>;
export const ALL_OPERATIONS: readonly string[] = Object.values(OPERATIONS).flat();
export const CALL_OUTCOMES = ["ok", "error"] as const;
