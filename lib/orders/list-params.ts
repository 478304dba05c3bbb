import { z } from "zod";

import type { Cursor } from "@/db/queries/keyset";

import { AppError, fromZod } from "@/lib/errors";
import { bangkokDayStart } from "@/lib/format";
import { searchText } from "@/lib/text";

/** What every order list shares in its query string: keyset cursor and Bangkok-day range. */
export type { Cursor };

export const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.t, cursor.id])).toString("base64url");
}

export function decodeCursor(text: string): Cursor {
  try {
    const [t, id] = JSON.parse(Buffer.from(text, "base64url").toString()) as unknown[];
    if (typeof t === "number" && typeof id === "string") return { t, id };
  } catch {
    // fall through
  }
  throw new AppError("VALIDATION", 400, { field: "cursor" });
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** An hour of a Bangkok day, 0–23 (the overview's hourly bars open the list on one). */
export const hourSchema = z.coerce.number().int().min(0).max(23);

/**
 * Inclusive Bangkok days → a half-open UTC range [from, to). With `hour`, only that hour
 * of the day `from` (then `to` must be empty or the same day).
 */
export function dayRange(
  from: string | undefined,
  to: string | undefined,
  names = { from: "from", to: "to" },
  hour?: number,
) {
  if (hour !== undefined) {
    const day = from ? bangkokDayStart(from) : null;
    if (!day || (to !== undefined && to !== from))
      throw new AppError("VALIDATION", 400, { field: "hour" });
    const start = new Date(day.getTime() + hour * 60 * 60 * 1000);
    return { from: start, to: new Date(start.getTime() + 60 * 60 * 1000) };
  }
  const start = from ? bangkokDayStart(from) : undefined;
  const lastDay = to ? bangkokDayStart(to) : undefined;
  if (start === null) throw new AppError("VALIDATION", 400, { field: names.from });
  if (lastDay === null) throw new AppError("VALIDATION", 400, { field: names.to });
  if (start && lastDay && start > lastDay)
    throw new AppError("RANGE_REVERSED", 400, { field: names.to });
  return { from: start, to: lastDay ? new Date(lastDay.getTime() + DAY_MS) : undefined };
}

/** Query-string entries without empty values, for a zod schema. */
export function nonEmpty(params: URLSearchParams): Record<string, string> {
  return Object.fromEntries([...params.entries()].filter(([, v]) => v !== ""));
}

/**
 * One page of a list read with `limit + 1` rows: the extra row only tells that a next page
 * exists, and the last shown row gives its cursor.
 */
export function keysetPage<R, J>(
  rows: R[],
  limit: number,
  cursorOf: (row: R) => Cursor,
  toJson: (row: R) => J,
) {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(toJson),
    nextCursor: rows.length > limit && last ? encodeCursor(cursorOf(last)) : null,
  };
}

/** `status=a,b` → the listed statuses, each one of `allowed`, else a VALIDATION error. */
export function parseStatuses<S extends string>(
  value: string | undefined,
  allowed: readonly S[],
): S[] {
  const statuses = value?.split(",").filter(Boolean) ?? [];
  for (const s of statuses) {
    if (!(allowed as readonly string[]).includes(s))
      throw new AppError("VALIDATION", 400, { field: "status" });
  }
  return statuses as S[];
}

/**
 * The query-string fields every order list has, beside its own: status (comma-separated),
 * `from`/`to` (Bangkok days), `hour`, `q`, "needs review", and the page (`cursor`, `limit`).
 */
export const ORDER_LIST_FIELDS = {
  status: z.string().optional(),
  from: daySchema.optional(),
  to: daySchema.optional(),
  hour: hourSchema.optional(),
  q: searchText().optional(),
  review: z.enum(["1"]).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
};

type OrderListFields = z.output<z.ZodObject<typeof ORDER_LIST_FIELDS>>;

/** An order list's query as the data layer takes it: its filter, its order and the page. */
export type OrderListQuery<F, S> = { filter: F; sort: S; cursor?: Cursor; limit: number };

/**
 * Reads an order list's query string with its schema (ORDER_LIST_FIELDS and its own): the
 * parsed values, the filter every list shares, and the page. A refused value is a 400 naming
 * its field.
 */
export function parseOrderList<S extends z.ZodType<OrderListFields>, T extends string>(
  schema: S,
  params: URLSearchParams,
  statuses: readonly T[],
) {
  const parsed = schema.safeParse(nonEmpty(params));
  if (!parsed.success) throw fromZod(parsed.error);
  const q = parsed.data as z.output<S> & OrderListFields;
  return {
    q,
    common: {
      statuses: parseStatuses(q.status, statuses),
      ...dayRange(q.from, q.to, undefined, q.hour),
      q: q.q,
      needsReview: q.review === "1",
    },
    page: { cursor: q.cursor ? decodeCursor(q.cursor) : undefined, limit: q.limit },
  };
}
