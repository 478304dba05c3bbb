import { z } from "zod";

import { fromZod } from "@/lib/errors";
import { searchText } from "@/lib/text";

import type { Cursor } from "@/db/queries/keyset";
import type { TopupFilter, TopupSort } from "@/db/queries/topups";
import { TOPUP_STATUSES } from "@/db/schema";
import {
  dayRange,
  daySchema,
  hourSchema,
  decodeCursor,
  parseStatuses,
  nonEmpty,
} from "@/lib/orders/list-params";

/**
 * The list's query string — the same for the JSON API, the page URL and the CSV export:
 * `status` (comma-separated), `from`/`to` (Bangkok days, inclusive), `packageId`,
 * `createdBy` (user id), `reason` (the upstream's failure reason, exactly), `hour` (0–23, one
 * hour of the day `from`), `q`, `sort`, `cursor`, `limit`.
 */
const day = daySchema;
export const topupQuerySchema = z.object({
  status: z.string().optional(),
  from: day.optional(),
  to: day.optional(),
  hour: hourSchema.optional(),
  reason: z.string().max(200).optional(),
  packageId: z.string().max(64).optional(),
  createdBy: z.coerce.number().int().positive().optional(),
  q: searchText().optional(),
  review: z.enum(["1"]).optional(),
  sort: z.enum(["created_desc", "created_asc", "updated_desc"]).default("created_desc"),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export type TopupQuery = {
  filter: TopupFilter;
  sort: TopupSort;
  cursor?: Cursor;
  limit: number;
};

export function parseTopupQuery(params: URLSearchParams): TopupQuery {
  const parsed = topupQuerySchema.safeParse(nonEmpty(params));
  if (!parsed.success) throw fromZod(parsed.error);
  const q = parsed.data;
  const statuses = parseStatuses(q.status, TOPUP_STATUSES);
  return {
    filter: {
      statuses,
      ...dayRange(q.from, q.to, undefined, q.hour),
      packageId: q.packageId,
      reason: q.reason,
      createdBy: q.createdBy,
      q: q.q,
      needsReview: q.review === "1",
    },
    sort: q.sort,
    cursor: q.cursor ? decodeCursor(q.cursor) : undefined,
    limit: q.limit,
  };
}
