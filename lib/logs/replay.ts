import "server-only";

import { finishReplay, startReplay } from "@/db/queries/callback-log";
import { setCallbackResult } from "@/db/queries/callbacks";
import { userNames } from "@/db/queries/users";
import { recordAudit } from "@/lib/audit/record-audit";
import { FAILED_RESULTS, replayable } from "@/lib/callbacks/results";
import { AppError, notFoundError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import type { TopupDeps } from "@/lib/topups/deps";
import { processP2wCallback } from "@/lib/topups/p2w-callback";
import type { WithdrawalDeps } from "@/lib/withdrawals/deps";
import { processPayoutCallback } from "@/lib/withdrawals/payout-callback";

import { type CallbackJson, toCallbackJson } from "./log-view";

export type ReplayDeps = { topups: TopupDeps; withdrawals: WithdrawalDeps };

/**
 * Processes a stored, verified callback again, through the same pipeline as on receipt:
 * the same match, the same confirming read, the same event key. So it is idempotent: what
 * was applied or found stale finds its event already applied (the row keeps its result),
 * a duplicate stays a duplicate, an anomaly is found again; what failed (a confirming read
 * that never answered) may now apply. A refused callback, or one whose body the retention prune
 * removed, is 409 `NOT_REPLAYABLE`. Audited with what the row said before and after.
 */
export async function replayCallback(
  deps: ReplayDeps,
  id: number,
  person: { id: number; email: string; ip: string },
  now = new Date(),
): Promise<CallbackJson> {
  const db = deps.topups.db;
  const started = await startReplay(db, id, person.id, (row) => {
    const why = replayable({ ...row, now: now.getTime() });
    return why === "ok" ? null : why;
  });
  if (!started) throw notFoundError();
  if (started.refusal) throw new AppError("NOT_REPLAYABLE", 409, { why: started.refusal });
  const { before } = started;

  let outcome: string;
  try {
    outcome =
      before.upstream === "p2w"
        ? await processP2wCallback(deps.topups, id)
        : await processPayoutCallback(deps.withdrawals, id);
  } catch (error) {
    // Left for the reconciler's sweep, as a callback whose processing broke on receipt is.
    logger.error("replay could not process a callback", { callbackId: id, error });
    await setCallbackResult(db, id, "retry", "replay failed", false);
    outcome = "retry";
  }
  // Its own event already applied: the row keeps what its first processing said (applied
  // stays applied, stale stays stale); the replay's "duplicate" is shown beside it.
  const keepEarlier =
    outcome === "duplicate" && !(FAILED_RESULTS as readonly string[]).includes(before.result);
  const after = await finishReplay(db, before, outcome, keepEarlier);
  await recordAudit(db, person, "callback.replay", {
    targetType: "callback",
    targetId: String(id),
    details: {
      upstream: before.upstream,
      entityId: before.entityId,
      before: before.result,
      outcome,
    },
    ip: person.ip,
  });
  if (!after) throw notFoundError();
  return toCallbackJson(after, await userNames(db, [person.id]));
}

export type BulkReplayAnswer = {
  id: number;
  ok: boolean;
  callback?: CallbackJson;
  error?: { code: string; why?: string };
};

/** Replays each callback in turn; one that cannot be replayed does not stop the others. */
export async function replayCallbacks(
  deps: ReplayDeps,
  ids: readonly number[],
  person: { id: number; email: string; ip: string },
): Promise<BulkReplayAnswer[]> {
  const answers: BulkReplayAnswer[] = [];
  for (const id of ids) {
    try {
      answers.push({ id, ok: true, callback: await replayCallback(deps, id, person) });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      answers.push({ id, ok: false, error: { code: error.code, why: error.params.why as string } });
    }
  }
  return answers;
}
