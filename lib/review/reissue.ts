import "server-only";

import { randomUUID } from "node:crypto";

import { isUniqueViolation } from "@/db/errors";
import { type Tx, withTx } from "@/db/client";
import {
  approvalByKeyIn,
  decideApprovalIn,
  getApprovalIn,
  insertApprovalIn,
  recordReissueIn,
  reissueBlockerIn,
  reissueOf,
} from "@/db/queries/approvals";
import { openItemOfIn, updateReviewItemIn } from "@/db/queries/review-items";
import { lockOrderIn } from "@/db/queries/entity-change";
import { getTopup } from "@/db/queries/topups";
import type { ApprovalRow, TopupRow } from "@/db/schema";
import { type Person, recordAuditIn } from "@/lib/audit/record-audit";
import { wholeBahtToSatang } from "@/lib/money";
import { AppError } from "@/lib/errors";
import { getSettings } from "@/lib/settings/settings";
import { createTopup } from "@/lib/topups/create-topup";
import type { TopupDeps } from "@/lib/topups/deps";

import { checkNote } from "./review";

/**
 * Whether re-issuing an order of this price waits for a second manager: at or above the
 * threshold of the settings (whole baht, so the comparison is exact). The review panel asks
 * the same question before a person presses the button.
 */
export function reissueNeedsApproval(
  priceSatang: number,
  settings: { reissueApprovalBaht: number },
): boolean {
  return priceSatang >= wholeBahtToSatang(settings.reissueApprovalBaht);
}

/**
 * Re-issuing a failed top-up: a new order with the same package and fields and a new refID,
 * linked both ways. Never from an order that may still succeed (`unknown`, `pending`,
 * `processing`), never twice (the UNIQUE index on `reissue_of`), never after a refund or
 * while the upstream contradicts the failure. At or above the approval threshold it is a
 * request a different manager or admin approves; only the approval sends it.
 */

/** The approval a re-issue carries out: decided in the transaction that inserts the order. */
type ApprovalStep = { id: number; decide: (tx: Tx, reissueRefId: string) => Promise<void> };

export type ReissueResult =
  | { kind: "sent"; topup: TopupRow; created: boolean; error?: AppError }
  | { kind: "approval"; approval: ApprovalRow; created: boolean };

function notReissuable(refId: string, why: string): AppError {
  return new AppError("NOT_REISSUABLE", 409, { refId, why }, { why });
}

function refuse(blocker: string | null, refId: string): void {
  if (blocker === "missing") throw new AppError("TOPUP_NOT_FOUND", 404, { refId });
  if (blocker) throw notReissuable(refId, blocker);
}

/**
 * Inside the transaction that inserts the new order: the old one must still be re-issuable
 * (else everything rolls back), its open `failed` item is closed as `reissued`, and its
 * history says by whom and as what.
 */
function linkReissue(old: TopupRow, person: Person, note: string, approval?: ApprovalStep) {
  return async (tx: Tx, inserted: TopupRow) => {
    // Locked, so a status change of the old order (its late success) waits for this one.
    await lockOrderIn(tx, "topup", old.refId);
    refuse(
      await reissueBlockerIn(tx, old.refId, {
        reissueRefId: inserted.refId,
        approvalId: approval?.id,
      }),
      old.refId,
    );
    await approval?.decide(tx, inserted.refId);
    const item = await openItemOfIn(tx, "topup", old.refId, "failed");
    if (item) {
      await updateReviewItemIn(tx, item.id, {
        resolvedAt: new Date(),
        resolvedBy: person.id,
        outcome: "reissued",
        note,
      });
    }
    await recordReissueIn(tx, old, {
      actor: `user:${person.id}`,
      details: { reissueRefId: inserted.refId, note, approvalId: approval?.id ?? null },
    });
  };
}

async function sendReissue(
  deps: TopupDeps,
  person: Person,
  old: TopupRow,
  note: string,
  idempotencyKey: string,
  approval?: ApprovalStep,
) {
  try {
    return await createTopup(
      deps,
      person,
      { packageId: old.packageId, topupInfo: old.topupInfo, idempotencyKey },
      { of: old.refId, within: linkReissue(old, person, note, approval) },
    );
  } catch (error) {
    // Another re-issue of this order committed first: the UNIQUE index on `reissue_of` said no.
    if (!isUniqueViolation(error, "topups", "reissue_of")) throw error;
    if (approval) throw new AppError("ALREADY_DECIDED", 409, { status: "approved" });
    throw notReissuable(old.refId, "reissued");
  }
}

/** Re-issues a failed top-up now, or asks for approval when its price is at the threshold. */
export async function requestReissue(
  deps: TopupDeps,
  person: Person,
  refId: string,
  input: { note: string; idempotencyKey?: string },
): Promise<ReissueResult> {
  const { db } = deps;
  const note = checkNote(input.note);
  const key = input.idempotencyKey ?? randomUUID();
  const old = await getTopup(db, refId);
  if (!old) throw new AppError("TOPUP_NOT_FOUND", 404, { refId });

  // A retried request answers what the first one did.
  const earlierApproval = await approvalByKeyIn(db, person.id, key);
  if (earlierApproval && earlierApproval.refId === refId)
    return { kind: "approval", approval: earlierApproval, created: false };
  const reissuedAs = await reissueOf(db, refId);
  const earlierSend = reissuedAs ? await getTopup(db, reissuedAs) : undefined;
  if (earlierSend && earlierSend.createdBy === person.id && earlierSend.idempotencyKey === key)
    return { kind: "sent", topup: earlierSend, created: false };

  refuse(await reissueBlockerIn(db, refId), refId);
  if (reissueNeedsApproval(old.priceSatang, await getSettings(db))) {
    const approval = await withTx(db, async (tx) => {
      await lockOrderIn(tx, "topup", refId);
      refuse(await reissueBlockerIn(tx, refId), refId);
      const row = await insertApprovalIn(tx, {
        refId,
        requestedBy: person.id,
        requestNote: note,
        idempotencyKey: key,
      });
      if (!row) throw notReissuable(refId, "pending_approval");
      await recordAuditIn(tx, person, "reissue.request", {
        targetType: "topup",
        targetId: refId,
        details: { approvalId: row.id, priceSatang: old.priceSatang, note },
        ip: person.ip,
      });
      return row;
    });
    return { kind: "approval", approval, created: true };
  }
  const sent = await sendReissue(deps, person, old, note, key);
  return { kind: "sent", ...sent };
}

async function pendingApprovalFor(
  deps: TopupDeps,
  person: Person,
  id: number,
): Promise<{ approval: ApprovalRow; old: TopupRow }> {
  const approval = await getApprovalIn(deps.db, id);
  if (!approval) throw new AppError("APPROVAL_NOT_FOUND", 404, { id });
  if (approval.requestedBy === person.id) throw new AppError("SAME_PERSON", 403);
  if (approval.status !== "pending")
    throw new AppError("ALREADY_DECIDED", 409, { status: approval.status });
  const old = await getTopup(deps.db, approval.refId);
  if (!old) throw new AppError("TOPUP_NOT_FOUND", 404, { refId: approval.refId });
  return { approval, old };
}

/** A second person approves: the re-issue is sent, once, whoever else approves at the same time. */
export async function approveReissue(
  deps: TopupDeps,
  person: Person,
  id: number,
  input: { note: string },
): Promise<{ approval: ApprovalRow; topup: TopupRow; error?: AppError }> {
  const note = checkNote(input.note);
  const { approval, old } = await pendingApprovalFor(deps, person, id);
  const decide = async (tx: Tx, reissueRefId: string) => {
    const decided = await decideApprovalIn(tx, id, {
      status: "approved",
      note,
      decidedBy: person.id,
      reissueRefId,
    });
    if (!decided) throw new AppError("ALREADY_DECIDED", 409, { status: "approved" });
    await recordAuditIn(tx, person, "reissue.approve", {
      targetType: "topup",
      targetId: approval.refId,
      details: { approvalId: id, reissueRefId, note },
      ip: person.ip,
    });
  };
  const sent = await sendReissue(deps, person, old, approval.requestNote, `approval-${id}`, {
    id,
    decide,
  });
  // `created` false: this person's own approval a moment ago (a double click) made it already.
  return {
    approval: (await getApprovalIn(deps.db, id)) ?? approval,
    topup: sent.topup,
    error: sent.error,
  };
}

/** A second person rejects: nothing is sent; the order stays failed and re-issuable. */
export async function rejectReissue(
  deps: TopupDeps,
  person: Person,
  id: number,
  input: { note: string },
): Promise<{ approval: ApprovalRow }> {
  const note = checkNote(input.note);
  const { approval } = await pendingApprovalFor(deps, person, id);
  const decided = await withTx(deps.db, async (tx) => {
    const row = await decideApprovalIn(tx, id, { status: "rejected", note, decidedBy: person.id });
    if (!row) throw new AppError("ALREADY_DECIDED", 409, { status: "decided" });
    await recordAuditIn(tx, person, "reissue.reject", {
      targetType: "topup",
      targetId: approval.refId,
      details: { approvalId: id, note },
      ip: person.ip,
    });
    return row;
  });
  return { approval: decided };
}
