import { z } from "zod";

import { fromZod } from "@/lib/errors";
import { searchText } from "@/lib/text";

import type { WithdrawalFilter, WithdrawalSort } from "@/db/queries/withdrawals";
import { WITHDRAWAL_STATUSES } from "@/db/schema";
import {
  type Cursor,
  dayRange,
  daySchema,
  hourSchema,
  decodeCursor,
  parseStatuses,
  nonEmpty,
} from "@/lib/orders/list-params";
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
  status: z.string().optional(),
  from: daySchema.optional(),
  to: daySchema.optional(),
  hour: hourSchema.optional(),
  bank: z.string().max(20).optional(),
  min: baht.optional(),
  max: baht.optional(),
  q: searchText().optional(),
  review: z.enum(["1"]).optional(),
  sort: z.enum(["ordered_desc", "ordered_asc", "updated_desc"]).default("ordered_desc"),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export type WithdrawalQuery = {
  filter: WithdrawalFilter;
  sort: WithdrawalSort;
  cursor?: Cursor;
  limit: number;
};

export function parseWithdrawalQuery(params: URLSearchParams): WithdrawalQuery {
  const parsed = withdrawalQuerySchema.safeParse(nonEmpty(params));
  if (!parsed.success) throw fromZod(parsed.error);
  const q = parsed.data;
  const statuses = parseStatuses(q.status, WITHDRAWAL_STATUSES);
  if (q.min !== undefined && q.max !== undefined && q.min > q.max)
    throw new AppError("RANGE_REVERSED", 400, { field: "max" });
  return {
    filter: {
      statuses,
      ...dayRange(q.from, q.to, undefined, q.hour),
      bank: q.bank,
      minSatang: q.min,
      maxSatang: q.max,
      q: q.q,
      needsReview: q.review === "1",
    },
    sort: q.sort,
    cursor: q.cursor ? decodeCursor(q.cursor) : undefined,
    limit: q.limit,
  };
}
