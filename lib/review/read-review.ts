import "server-only";

import { z } from "zod";

import type { Db } from "@/db/client";
import { approvalRow, countPendingApprovals, listPendingApprovals } from "@/db/queries/approvals";
import {
  countOpenReviewItems,
  countReviewItems,
  listReviewItems,
  type ReviewFilter,
  type ReviewListRow,
} from "@/db/queries/review-items";
import { ENTITY_KINDS, REVIEW_ITEM_REASONS } from "@/db/schema";
import { AppError, fromZod } from "@/lib/errors";
import { decodeCursor, keysetPage, nonEmpty } from "@/lib/orders/list-params";

import { CLAIM_FILTERS } from "./outcomes";
import {
  type ApprovalJson,
  type ReviewItemJson,
  toApprovalJson,
  toReviewItemJson,
} from "./review-view";

/** The queue's query string, the same for the page URL and `GET /api/review`. */
export const reviewQuerySchema = z.object({
  kind: z.enum(ENTITY_KINDS).optional(),
  reason: z.enum(REVIEW_ITEM_REASONS).optional(),
  claimed: z.enum(CLAIM_FILTERS).default("any"),
  resolved: z.enum(["0", "1"]).default("0"),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export type ReviewPage = {
  items: ReviewItemJson[];
  nextCursor: string | null;
  /** Open items per reason under the same kind and claim filters (the tabs). */
  counts: Record<string, number>;
  /** Re-issues waiting for a second person: the top of the queue. */
  approvals: ApprovalJson[];
};

export async function reviewPage(
  db: Db,
  personId: number,
  params: URLSearchParams,
): Promise<ReviewPage> {
  const parsed = reviewQuerySchema.safeParse(nonEmpty(params));
  if (!parsed.success) throw fromZod(parsed.error);
  const q = parsed.data;
  const cursor = q.cursor ? decodeCursor(q.cursor) : undefined;
  const cursorId = cursor ? Number(cursor.id) : undefined;
  if (cursorId !== undefined && !Number.isSafeInteger(cursorId))
    throw new AppError("VALIDATION", 400, { field: "cursor" });
  const filter: ReviewFilter = {
    kind: q.kind,
    reason: q.reason,
    claimed:
      q.claimed === "me"
        ? { by: "me", personId }
        : q.claimed === "none"
          ? { by: "none" }
          : { by: "any" },
    resolved: q.resolved === "1",
  };
  const [rows, counts, approvals] = await Promise.all([
    listReviewItems(db, filter, {
      cursor: cursor && cursorId !== undefined ? { t: cursor.t, id: cursorId } : undefined,
      limit: q.limit + 1,
    }),
    countReviewItems(db, { ...filter, resolved: false }),
    filter.resolved ? Promise.resolve([]) : listPendingApprovals(db),
  ]);
  const cursorOf = (row: ReviewListRow) => ({
    t: (filter.resolved ? row.item.resolvedAt : row.item.openedAt)?.getTime() ?? 0,
    id: String(row.item.id),
  });
  return {
    ...keysetPage(rows, q.limit, cursorOf, toReviewItemJson),
    counts: Object.fromEntries(REVIEW_ITEM_REASONS.map((r) => [r, counts[r] ?? 0])),
    approvals: approvals.map(toApprovalJson),
  };
}

export async function approvalJson(db: Db, id: number): Promise<ApprovalJson> {
  const row = await approvalRow(db, id);
  if (!row) throw new AppError("APPROVAL_NOT_FOUND", 404, { id });
  return toApprovalJson(row);
}

/** The navigation badge: items waiting for a decision plus re-issues waiting for approval. */
export async function openReviewCount(db: Db): Promise<number> {
  const [items, approvals] = await Promise.all([
    countOpenReviewItems(db),
    countPendingApprovals(db),
  ]);
  return items + approvals;
}
