import "server-only";

import { reviewItemRow } from "@/db/queries/review-items";
import type { Caller } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { topupDeps } from "@/lib/wiring";
import { toTopupJson, type TopupJson } from "@/lib/topups/topup-view";

import { approvalJson } from "@/lib/review/read-review";
import { approveReissue, rejectReissue, requestReissue } from "@/lib/review/reissue";
import { claimReviewItem, releaseReviewItem, resolveReviewItem } from "@/lib/review/review";
import { type ApprovalJson, type ReviewItemJson, toReviewItemJson } from "@/lib/review/review-view";

/**
 * The review use cases for the signed-in person, answering the JSON API's shapes. Route
 * handlers declare the permission, parse the input and call these; nothing else.
 */

async function itemJson(id: number): Promise<ReviewItemJson> {
  const row = await reviewItemRow(getDb(), id);
  if (!row) throw new AppError("REVIEW_ITEM_NOT_FOUND", 404, { id });
  return toReviewItemJson(row);
}

export async function claimFor({ person }: Caller, id: number): Promise<ReviewItemJson> {
  await claimReviewItem(getDb(), person, id);
  return itemJson(id);
}

export async function releaseFor({ person }: Caller, id: number): Promise<ReviewItemJson> {
  await releaseReviewItem(getDb(), person, id);
  return itemJson(id);
}

export async function resolveFor(
  { person }: Caller,
  id: number,
  input: { outcome: string; note: string },
): Promise<ReviewItemJson> {
  await resolveReviewItem(getDb(), person, id, input);
  return itemJson(id);
}

const topupJson = ({ user }: Caller, row: Parameters<typeof toTopupJson>[0]) =>
  toTopupJson({ ...row, createdByEmail: user.email, createdByName: user.name });

/** 201 with the new order when sent, 202 with the request when it waits for approval. */
export async function reissueFor(
  caller: Caller,
  refId: string,
  input: { note: string; idempotencyKey?: string },
): Promise<
  | { status: number; body: { topup: TopupJson } }
  | { status: number; body: { approval: ApprovalJson } }
> {
  const result = await requestReissue(topupDeps(), caller.person, refId, input);
  if (result.kind === "approval") {
    return { status: 202, body: { approval: await approvalJson(getDb(), result.approval.id) } };
  }
  if (result.error) throw result.error;
  return { status: result.created ? 201 : 200, body: { topup: topupJson(caller, result.topup) } };
}

export async function approveFor(caller: Caller, id: number, input: { note: string }) {
  const result = await approveReissue(topupDeps(), caller.person, id, input);
  return {
    approval: await approvalJson(getDb(), id),
    topup: topupJson(caller, result.topup),
    // The re-issue was sent but P2W refused it: the new order is failed, said here.
    ...(result.error ? { sendError: { code: result.error.code } } : {}),
  };
}

export async function rejectFor({ person }: Caller, id: number, input: { note: string }) {
  await rejectReissue(topupDeps(), person, id, input);
  return { approval: await approvalJson(getDb(), id) };
}
