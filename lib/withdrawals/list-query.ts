import { z } from "zod";

import type { WithdrawalFilter, WithdrawalSort } from "@/db/queries/withdrawals";
import { WITHDRAWAL_STATUSES } from "@/db/schema";
import { ORDER_LIST_FIELDS, type OrderListQuery, parseOrderList } from "@/lib/orders/list-params";
import { AppError } from "@/lib/errors";
import { typedBahtToSatang } from "@/lib/money";

/**
 * The withdrawal list's query string (API, page URL, export): `status`, `from`/`to`
 * (Bangkok days of the order time), `bank`, `min`/`max` (baht, as typed: `1,000`, `฿500`),
 * `q`, `sort`, `cursor`, `limit`. A reversed range is refused naming its upper end.
 */
const baht = z
  .string()
  .transform((v) => typedBahtToSatang(v))
  .refine((v) => v !== null && v >= 0)
  .transform((v) => v ?? undefined);
export const withdrawalQuerySchema = z.object({
  ...ORDER_LIST_FIELDS,
  bank: z.string().max(20).optional(),
  min: baht.optional(),
  max: baht.optional(),
  sort: z.enum(["ordered_desc", "ordered_asc", "updated_desc"]).default("ordered_desc"),
});

export type WithdrawalQuery = OrderListQuery<WithdrawalFilter, WithdrawalSort>;

export function parseWithdrawalQuery(params: URLSearchParams): WithdrawalQuery {
  const { q, common, page } = parseOrderList(withdrawalQuerySchema, params, WITHDRAWAL_STATUSES);
  if (q.min !== undefined && q.max !== undefined && q.min > q.max)
    throw new AppError("RANGE_REVERSED", 400, { field: "max" });
  return {
    filter: { ...common, bank: q.bank, minSatang: q.min, maxSatang: q.max },
    sort: q.sort,
    ...page,
  };
}
