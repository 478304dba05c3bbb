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
import { type Person, recordAuditIn } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import type { Reporter } from "@/lib/orders/observe";
import { getSettings } from "@/lib/settings/settings";
import { planTopupDecision, planTopupNote } from "@/lib/topups/observe";
import { planWithdrawalDecision, planWithdrawalNote } from "@/lib/withdrawals/observe";
import type { AuditAction } from "@/lib/audit/audit-events";

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
  first: (tx: Tx) => Promise<void>,
): Promise<ReviewItemRow> {
  let after: ReviewItemRow | undefined;
  const options = {
    first: async (tx: Tx) => {
      await first(tx);
      after = await getReviewItemIn(tx, item.id);
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
  const item = await getReviewItemIn(db, id);
  if (!item) throw new AppError("REVIEW_ITEM_NOT_FOUND", 404, { id });
  return item;
}

function refuseIfResolved(item: ReviewItemRow): void {
  if (item.resolvedAt) {
    throw new AppError("ALREADY_RESOLVED", 409, { outcome: item.outcome ?? "" });
  }
}

/** Another person's claim younger than the claim timeout: refused, naming them. */
async function refuseIfHeldByAnother(
  tx: Tx,
  item: ReviewItemRow,
  person: Person,
  at: { now: Date; timeoutMinutes: number },
): Promise<void> {
  if (!item.claimedBy || item.claimedBy === person.id || !item.claimedAt) return;
  if (at.now.getTime() - item.claimedAt.getTime() >= at.timeoutMinutes * 60_000) return;
  const name = await userNameIn(tx, item.claimedBy);
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

/** The audit row of an action on an item, written in its transaction. */
async function auditItemIn(
  tx: Tx,
  person: Person,
  action: AuditAction,
  item: ReviewItemRow,
  details: Record<string, unknown>,
): Promise<void> {
  await recordAuditIn(tx, person, action, {
    targetType: item.kind,
    targetId: item.entityId,
    details: { itemId: item.id, reason: item.reason, ...details },
    ip: person.ip,
  });
}

/**
 * Every action on an item: the item is read again inside the transaction, so what another
 * person did a moment ago counts (resolved → `ALREADY_RESOLVED`; claimed → `CLAIMED`); then
 * `act` writes the item and the audit row, and the order's change writes its history.
 */
async function guarded(
  db: Db,
  seen: ReviewItemRow,
  person: Person,
  act: (tx: Tx, item: ReviewItemRow, now: Date) => Promise<void>,
  plans: OrderPlans,
): Promise<ReviewItemRow> {
  const now = new Date();
  const { claimTimeoutMinutes } = await getSettings(db);
  refuseIfResolved(seen);
  return changeItemAndOrder(db, seen, plans, async (tx) => {
    const item = await getReviewItemIn(tx, seen.id);
    if (!item) throw new AppError("REVIEW_ITEM_NOT_FOUND", 404, { id: seen.id });
    refuseIfResolved(item);
    await refuseIfHeldByAnother(tx, item, person, { now, timeoutMinutes: claimTimeoutMinutes });
    await act(tx, item, now);
  });
}

/** "I am on it": refused while another person's claim is younger than the claim timeout. */
export async function claimReviewItem(db: Db, person: Person, id: number): Promise<ReviewItemRow> {
  const seen = await findItem(db, id);
  return guarded(
    db,
    seen,
    person,
    async (tx, item, now) => {
      await updateReviewItemIn(tx, id, { claimedBy: person.id, claimedAt: now });
      await auditItemIn(tx, person, "review.claim", item, { takenFrom: item.claimedBy });
    },
    notePlans(person, seen, "claim"),
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
    seen,
    person,
    async (tx, item) => {
      await updateReviewItemIn(tx, id, { claimedBy: null, claimedAt: null });
      await auditItemIn(tx, person, "review.release", item, { heldBy: item.claimedBy });
    },
    notePlans(person, seen, "release"),
  );
}

function notePlans(person: Person, item: ReviewItemRow, kind: string): OrderPlans {
  const by = reporter(person, { itemId: item.id, reason: item.reason });
  return {
    topup: (row) => planTopupNote(row, by, kind),
    withdrawal: (row) => planWithdrawalNote(row, by, kind),
  };
}

/** A note as a person typed it: trimmed, long enough to say something, not a whole essay. */
export function checkNote(note: string): string {
  const trimmed = note.trim();
  if (trimmed.length < NOTE_MIN_LENGTH) {
    throw new AppError("NOTE_TOO_SHORT", 422, { min: NOTE_MIN_LENGTH });
  }
  if (trimmed.length > NOTE_MAX_LENGTH) {
    throw new AppError("NOTE_TOO_LONG", 422, { max: NOTE_MAX_LENGTH });
  }
  return trimmed;
}

/** A decision's input as a person typed it: a known outcome that fits, a real note. */
export function checkDecision(
  item: Pick<ReviewItemRow, "kind" | "reason">,
  input: { outcome: string; note: string },
): { outcome: ReviewOutcome; note: string } {
  const note = checkNote(input.note);
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
  const seen = await findItem(db, id);
  // An item's kind and reason never change, so the decision is checked once.
  const { outcome, note } = checkDecision(seen, input);
  const by = reporter(person, { itemId: seen.id, reason: seen.reason, outcome, note });
  const status = OUTCOME_STATUS[outcome] ?? null;
  return guarded(
    db,
    seen,
    person,
    async (tx, item, now) => {
      await updateReviewItemIn(tx, id, { resolvedAt: now, resolvedBy: person.id, outcome, note });
      await auditItemIn(tx, person, "review.resolve", item, { outcome, note });
    },
    {
      topup: (row) =>
        planTopupDecision(row, { reason: seen.reason, status: status as TopupStatus | null }, by),
      withdrawal: (row) =>
        planWithdrawalDecision(
          row,
          { reason: seen.reason, status: status as WithdrawalStatus | null },
          by,
        ),
    },
  );
}
