import "server-only";

import { reviewItemRow } from "@/db/queries/review-items";
import { getDb } from "@/lib/db";
import { requestIp } from "@/lib/auth/guard";
import type { CurrentUser } from "@/lib/auth/session-user";
import { AppError } from "@/lib/errors";
import { topupDeps } from "@/lib/topups/deps";
import { toTopupJson, type TopupJson } from "@/lib/topups/topup-view";

import { approvalJson } from "./read-review";
import { approveReissue, rejectReissue, requestReissue } from "./reissue";
import { claimReviewItem, releaseReviewItem, resolveReviewItem } from "./review";
import { type ApprovalJson, type ReviewItemJson, toReviewItemJson } from "./review-view";

/**
 * The review use cases for the signed-in person, answering the JSON API's shapes. Route
 * handlers check the permission, parse the input and call these; nothing else.
 */

async function person(user: CurrentUser) {
  return { id: user.id, email: user.email, ip: await requestIp() };
}

async function itemJson(id: number): Promise<ReviewItemJson> {
  const row = await reviewItemRow(getDb(), id);
  if (!row) throw new AppError("REVIEW_ITEM_NOT_FOUND", 404, { id });
  return toReviewItemJson(row);
}

export async function claimFor(user: CurrentUser, id: number): Promise<ReviewItemJson> {
  await claimReviewItem(getDb(), await person(user), id);
  return itemJson(id);
}

export async function releaseFor(user: CurrentUser, id: number): Promise<ReviewItemJson> {
  await releaseReviewItem(getDb(), await person(user), id);
  return itemJson(id);
}

export async function resolveFor(
  user: CurrentUser,
  id: number,
  input: { outcome: string; note: string },
): Promise<ReviewItemJson> {
  await resolveReviewItem(getDb(), await person(user), id, input);
  return itemJson(id);
}

const topupJson = (user: CurrentUser, row: Parameters<typeof toTopupJson>[0]) =>
  toTopupJson({ ...row, createdByEmail: user.email, createdByName: user.name });

/** 201 with the new order when sent, 202 with the request when it waits for approval. */
export async function reissueFor(
  user: CurrentUser,
  refId: string,
  input: { note: string; idempotencyKey?: string },
): Promise<
  | { status: number; body: { topup: TopupJson } }
  | { status: number; body: { approval: ApprovalJson } }
> {
  const result = await requestReissue(topupDeps(), await person(user), refId, input);
  if (result.kind === "approval") {
    return { status: 202, body: { approval: await approvalJson(getDb(), result.approval.id) } };
  }
  if (result.error) throw result.error;
  return { status: result.created ? 201 : 200, body: { topup: topupJson(user, result.topup) } };
}

export async function approveFor(user: CurrentUser, id: number, input: { note: string }) {
  const result = await approveReissue(topupDeps(), await person(user), id, input);
  return {
    approval: await approvalJson(getDb(), id),
    topup: topupJson(user, result.topup),
    // The re-issue was sent but P2W refused it: the new order is failed, said here.
    ...(result.error ? { sendError: { code: result.error.code } } : {}),
  };
}

export async function rejectFor(user: CurrentUser, id: number, input: { note: string }) {
  await rejectReissue(topupDeps(), await person(user), id, input);
  return { approval: await approvalJson(getDb(), id) };
}
