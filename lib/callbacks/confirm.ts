import "server-only";

import type { Db } from "@/db/client";
import { bumpCallbackAttempts, setCallbackResult } from "@/db/queries/callbacks";
import type { CallbackRow } from "@/db/schema";
import type { UpstreamError } from "@/lib/upstream/errors";

/** After this many failed confirmations a callback is left to the reconciler. */
const MAX_CONFIRM_ATTEMPTS = 5;

/** The confirming read failed: try again on a later sweep, or give up after a few tries. */
export async function confirmationFailed(
  db: Db,
  callback: CallbackRow,
  error: UpstreamError,
): Promise<"retry" | "unconfirmed"> {
  await bumpCallbackAttempts(db, callback.id);
  const giveUp = callback.attempts + 1 >= MAX_CONFIRM_ATTEMPTS;
  await setCallbackResult(db, callback.id, giveUp ? "unconfirmed" : "retry", error.code, giveUp);
  return giveUp ? "unconfirmed" : "retry";
}

/**
 * The confirming read contradicted the callback's claim (it said `succeeded`, the upstream
 * still says `pending`). What the read said was applied without the callback's event key,
 * because the claim itself was not applied: when the upstream really gets there and sends
 * the same report, it is not a duplicate. The callback is kept as evidence of the mismatch.
 */
export async function recordContradiction(
  db: Db,
  callbackId: number,
  claimed: string,
  confirmed: string | null,
  result: string,
): Promise<"contradicted"> {
  const detail = `callback said ${claimed}, the upstream says ${confirmed ?? "an unknown status"} (${result})`;
  await setCallbackResult(db, callbackId, "contradicted", detail, true);
  return "contradicted";
}
