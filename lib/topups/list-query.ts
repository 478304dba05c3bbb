import { z } from "zod";

import type { TopupFilter, TopupSort } from "@/db/queries/topups";
import { TOPUP_STATUSES } from "@/db/schema";
import { ORDER_LIST_FIELDS, type OrderListQuery, parseOrderList } from "@/lib/orders/list-params";

/**
 * The list's query string — the same for the JSON API, the page URL and the CSV export:
 * `status` (comma-separated), `from`/`to` (Bangkok days, inclusive), `packageId`,
 * `createdBy` (user id), `reason` (the upstream's failure reason, exactly), `hour` (0–23, one
 * hour of the day `from`), `q`, `sort`, `cursor`, `limit`.
 */
export const topupQuerySchema = z.object({
  ...ORDER_LIST_FIELDS,
  reason: z.string().max(200).optional(),
  packageId: z.string().max(64).optional(),
  createdBy: z.coerce.number().int().positive().optional(),
  sort: z.enum(["created_desc", "created_asc", "updated_desc"]).default("created_desc"),
});

export type TopupQuery = OrderListQuery<TopupFilter, TopupSort>;

export function parseTopupQuery(params: URLSearchParams): TopupQuery {
  const { q, common, page } = parseOrderList(topupQuerySchema, params, TOPUP_STATUSES);
  return {
    filter: { ...common, packageId: q.packageId, reason: q.reason, createdBy: q.createdBy },
    sort: q.sort,
    ...page,
  };
}
