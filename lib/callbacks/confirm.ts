import "server-only";

import type { Db } from "@/db/client";
import type { ChangeOptions } from "@/db/queries/entity-change";
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
  const giveUp = (await bumpCallbackAttempts(db, callback.id)) >= MAX_CONFIRM_ATTEMPTS;
  await setCallbackResult(db, callback.id, giveUp ? "unconfirmed" : "retry", error.code, giveUp);
  return giveUp ? "unconfirmed" : "retry";
}

/**
 * Applies what we now know for a callback. Its event key is recorded only when the upstream's
 * read confirmed the callback's claim. When the read contradicted it (the callback said
 * `succeeded`, the upstream still says `pending`), what the read said is applied without the
 * key, because the claim itself was not: when the upstream really gets there and sends the
 * same report, it is not a duplicate. The callback is kept as evidence of the mismatch.
 * `withFreshEvent` (e.g. the balance the callback carried) is written only with a key that
 * is recorded for the first time, so neither a contradicted callback nor a replay moves it.
 */
export async function applyCallback(
  db: Db,
  callback: {
    id: number;
    eventKey: string;
    rawStatus: string;
    withFreshEvent?: ChangeOptions["withFreshEvent"];
  },
  statuses: { claimed: string | null; confirmed: string | null },
  apply: (options: ChangeOptions) => Promise<string | null>,
): Promise<string> {
  const contradicted = statuses.confirmed !== statuses.claimed;
  const result = await apply(
    contradicted
      ? // The callback's one result is written below, once: no passing result in between.
        // (Should the process stop before it, the callback is processed again: harmless,
        // no event key is spent.)
        {}
      : {
          callbackId: callback.id,
          eventKey: callback.eventKey,
          withFreshEvent: callback.withFreshEvent,
        },
  );
  if (result === null) {
    // No such order (any more): the callback's result, as its transaction would have written.
    if (contradicted) await setCallbackResult(db, callback.id, "missing", null, true);
    return "unmatched";
  }
  if (!contradicted) return result;
  const detail = `callback said ${callback.rawStatus}, the upstream says ${statuses.confirmed ?? "an unknown status"} (${result})`;
  await setCallbackResult(db, callback.id, "contradicted", detail, true);
  return "contradicted";
}
