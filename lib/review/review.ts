import "server-only";

import type { Db, Tx } from "@/db/client";
import { changeTopupAtomically, type TopupPlan } from "@/db/queries/topups";
import { changeWithdrawalAtomically, type WithdrawalPlan } from "@/db/queries/withdrawals";
import { getReviewItemIn, updateReviewItemIn } from "@/db/queries/review-items";
import { userNameIn } from "@/db/queries/users";
import type {
  ReviewItemRow,
  TopupRow,
  TopupStatus,
  WithdrawalRow,
  WithdrawalStatus,
} from "@/db/schema";
import { type Person, recordAuditIn } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import type { Reporter } from "@/lib/orders/observe";
import { getSettings } from "@/lib/settings/settings";
import { planTopupDecision, planTopupNote } from "@/lib/topups/observe";
import { planWithdrawalDecision, planWithdrawalNote } from "@/lib/withdrawals/observe";

import {
  NOTE_MAX_LENGTH,
  NOTE_MIN_LENGTH,
  OUTCOME_STATUS,
  outcomesFor,
  type ReviewOutcome,
} from "./outcomes";

/**
 * The review queue's actions — claim, release, decide — each one transaction through the
 * order's own change (`changeAtomically`): the item, a history entry on the order (so every
 * open page sees it live), the audit row and any status the decision states commit together
 * or not at all. Two people acting at once: the transaction that comes second sees the first
 * one's result and is refused (`CLAIMED`, `ALREADY_RESOLVED`).
 */

type OrderPlans = {
  topup: (row: TopupRow) => TopupPlan;
  withdrawal: (row: WithdrawalRow) => WithdrawalPlan;
};

/** Runs `first` and the order's change in one transaction; returns the item as it is after. */
async function changeItemAndOrder(
  db: Db,
  item: ReviewItemRow,
  plans: OrderPlans,
  first: (tx: Tx) => void,
): Promise<ReviewItemRow> {
  let after: ReviewItemRow | undefined;
  const options = {
    first: (tx: Tx) => {
      first(tx);
      after = getReviewItemIn(tx, item.id);
    },
  };
  if (item.kind === "topup") {
    await changeTopupAtomically(db, item.entityId, plans.topup, options);
  } else {
    await changeWithdrawalAtomically(
      db,
      item.entityId,
      (row) => (row ? plans.withdrawal(row) : { result: "missing" }),
      options,
    );
  }
  if (!after) throw new AppError("REVIEW_ITEM_NOT_FOUND", 404, { id: item.id });
  return after;
}

async function findItem(db: Db, id: number): Promise<ReviewItemRow> {
  const item = getReviewItemIn(db, id);
  if (!item) throw new AppError("REVIEW_ITEM_NOT_FOUND", 404, { id });
  return item;
}

function refuseIfResolved(item: ReviewItemRow): void {
  if (item.resolvedAt) {
    throw new AppError("ALREADY_RESOLVED", 409, { outcome: item.outcome ?? "" });
  }
}

/** Another person's claim younger than the claim timeout: refused, naming them. */
function refuseIfHeldByAnother(
  tx: Tx,
  item: ReviewItemRow,
  person: Person,
  at: { now: Date; timeoutMinutes: number },
): void {
  if (!item.claimedBy || item.claimedBy === person.id || !item.claimedAt) return;
  if (at.now.getTime() - item.claimedAt.getTime() >= at.timeoutMinutes * 60_000) return;
  const name = userNameIn(tx, item.claimedBy);
  throw new AppError(
    "CLAIMED",
    409,
    { name },
    { claimedBy: { id: item.claimedBy, name }, claimedAt: item.claimedAt.toISOString() },
  );
}

const reporter = (person: Person, details: Record<string, unknown>): Reporter => ({
  source: "person",
  actor: `user:${person.id}`,
  details,
});

/**
 * Every action on an item: the item is read again inside the transaction, so what another
 * person did a moment ago counts (resolved → `ALREADY_RESOLVED`; claimed → `CLAIMED`); then
 * `act` writes the item and the audit row, and the order's change writes its history.
 */
async function guarded(
  db: Db,
  id: number,
  person: Person,
  act: (tx: Tx, item: ReviewItemRow, now: Date) => void,
  plans: (item: ReviewItemRow) => OrderPlans,
): Promise<ReviewItemRow> {
  const now = new Date();
  const { claimTimeoutMinutes } = await getSettings(db);
  const seen = await findItem(db, id);
  refuseIfResolved(seen);
  return changeItemAndOrder(db, seen, plans(seen), (tx) => {
    const item = getReviewItemIn(tx, id);
    if (!item) throw new AppError("REVIEW_ITEM_NOT_FOUND", 404, { id });
    refuseIfResolved(item);
    refuseIfHeldByAnother(tx, item, person, { now, timeoutMinutes: claimTimeoutMinutes });
    act(tx, item, now);
  });
}

/** "I am on it": refused while another person's claim is younger than the claim timeout. */
export async function claimReviewItem(db: Db, person: Person, id: number): Promise<ReviewItemRow> {
  return guarded(
    db,
    id,
    person,
    (tx, item, now) => {
      updateReviewItemIn(tx, id, { claimedBy: person.id, claimedAt: now });
      recordAuditIn(tx, person, "review.claim", {
        targetType: item.kind,
        targetId: item.entityId,
        details: { itemId: id, reason: item.reason, takenFrom: item.claimedBy },
        ip: person.ip,
      });
    },
    (item) => notePlans(person, item, "claim"),
  );
}

/** Gives the item back to the queue: one's own claim, or another's that has timed out. */
export async function releaseReviewItem(
  db: Db,
  person: Person,
  id: number,
): Promise<ReviewItemRow> {
  const seen = await findItem(db, id);
  if (!seen.claimedBy && !seen.resolvedAt) return seen;
  return guarded(
    db,
    id,
    person,
    (tx, item) => {
      updateReviewItemIn(tx, id, { claimedBy: null, claimedAt: null });
      recordAuditIn(tx, person, "review.release", {
        targetType: item.kind,
        targetId: item.entityId,
        details: { itemId: id, reason: item.reason, heldBy: item.claimedBy },
        ip: person.ip,
      });
    },
    (item) => notePlans(person, item, "release"),
  );
}

function notePlans(person: Person, item: ReviewItemRow, kind: string): OrderPlans {
  const by = reporter(person, { itemId: item.id, reason: item.reason });
  return {
    topup: (row) => planTopupNote(row, by, kind),
    withdrawal: (row) => planWithdrawalNote(row, by, kind),
  };
}

/** A decision's input as a person typed it: a known outcome that fits, a real note. */
export function checkDecision(
  item: Pick<ReviewItemRow, "kind" | "reason">,
  input: { outcome: string; note: string },
): { outcome: ReviewOutcome; note: string } {
  const note = input.note.trim();
  if (note.length < NOTE_MIN_LENGTH) {
    throw new AppError("NOTE_TOO_SHORT", 422, { min: NOTE_MIN_LENGTH });
  }
  if (note.length > NOTE_MAX_LENGTH) {
    throw new AppError("NOTE_TOO_LONG", 422, { max: NOTE_MAX_LENGTH });
  }
  const allowed = outcomesFor(item.kind, item.reason);
  if (!(allowed as string[]).includes(input.outcome)) {
    throw new AppError("OUTCOME_NOT_ALLOWED", 422, {
      outcome: input.outcome,
      allowed: allowed.join(", "),
    });
  }
  return { outcome: input.outcome as ReviewOutcome, note };
}

/**
 * Decides an item: the outcome and note on the item, a history entry with source `person`
 * on the order (with the status the outcome states, when the order has none final yet), the
 * audit row. A claim held by another person (younger than the timeout) refuses it.
 */
export async function resolveReviewItem(
  db: Db,
  person: Person,
  id: number,
  input: { outcome: string; note: string },
): Promise<ReviewItemRow> {
  checkDecision(await findItem(db, id), input);
  return guarded(
    db,
    id,
    person,
    (tx, item, now) => {
      const { outcome, note } = checkDecision(item, input);
      updateReviewItemIn(tx, id, { resolvedAt: now, resolvedBy: person.id, outcome, note });
      recordAuditIn(tx, person, "review.resolve", {
        targetType: item.kind,
        targetId: item.entityId,
        details: { itemId: id, reason: item.reason, outcome, note },
        ip: person.ip,
      });
    },
    (item) => {
      const { outcome, note } = checkDecision(item, input);
      const by = reporter(person, { itemId: item.id, reason: item.reason, outcome, note });
      const status = OUTCOME_STATUS[outcome] ?? null;
      return {
        topup: (row) =>
          planTopupDecision(row, { reason: item.reason, status: status as TopupStatus | null }, by),
        withdrawal: (row) =>
          planWithdrawalDecision(
            row,
            { reason: item.reason, status: status as WithdrawalStatus | null },
            by,
          ),
      };
    },
  );
}
