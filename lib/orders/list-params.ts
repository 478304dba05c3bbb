import { z } from "zod";

import type { Cursor } from "@/db/queries/keyset";

import { AppError } from "@/lib/errors";
import { bangkokDayStart } from "@/lib/format";

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
