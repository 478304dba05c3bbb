import { z } from "zod";

import type { TopupCursor, TopupFilter, TopupSort } from "@/db/queries/topups";
import { TOPUP_STATUSES } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { bangkokDayStart } from "@/lib/format";

/**
 * The list's query string — the same for the JSON API, the page URL and the CSV export:
 * `status` (comma-separated), `from`/`to` (Bangkok days, inclusive), `packageId`,
 * `createdBy` (user id), `q`, `sort`, `cursor`, `limit`.
 */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const querySchema = z.object({
  status: z.string().optional(),
  from: day.optional(),
  to: day.optional(),
  packageId: z.string().max(64).optional(),
  createdBy: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(100).optional(),
  review: z.enum(["1"]).optional(),
  sort: z.enum(["created_desc", "created_asc", "updated_desc"]).default("created_desc"),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export type TopupQuery = {
  filter: TopupFilter;
  sort: TopupSort;
  cursor?: TopupCursor;
  limit: number;
};

const DAY_MS = 24 * 60 * 60 * 1000;

export function encodeCursor(cursor: TopupCursor): string {
  return Buffer.from(JSON.stringify([cursor.t, cursor.id])).toString("base64url");
}

function decodeCursor(text: string): TopupCursor {
  try {
    const [t, id] = JSON.parse(Buffer.from(text, "base64url").toString()) as unknown[];
    if (typeof t === "number" && typeof id === "string") return { t, id };
  } catch {
    // fall through
  }
  throw new AppError("VALIDATION", 400, { field: "cursor" });
}

export function parseTopupQuery(params: URLSearchParams): TopupQuery {
  const raw = Object.fromEntries([...params.entries()].filter(([, v]) => v !== ""));
  const parsed = querySchema.safeParse(raw);
  if (!parsed.success)
    throw new AppError("VALIDATION", 400, { field: String(parsed.error.issues[0]?.path[0] ?? "") });
  const q = parsed.data;
  const statuses = q.status?.split(",").filter(Boolean) ?? [];
  for (const s of statuses) {
    if (!(TOPUP_STATUSES as readonly string[]).includes(s))
      throw new AppError("VALIDATION", 400, { field: "status" });
  }
  const from = q.from ? bangkokDayStart(q.from) : undefined;
  const toStart = q.to ? bangkokDayStart(q.to) : undefined;
  if (from === null) throw new AppError("VALIDATION", 400, { field: "from" });
  if (toStart === null) throw new AppError("VALIDATION", 400, { field: "to" });
  return {
    filter: {
      statuses: statuses as TopupFilter["statuses"],
      from,
      to: toStart ? new Date(toStart.getTime() + DAY_MS) : undefined,
      packageId: q.packageId,
      createdBy: q.createdBy,
      q: q.q,
      needsReview: q.review === "1",
    },
    sort: q.sort,
    cursor: q.cursor ? decodeCursor(q.cursor) : undefined,
    limit: q.limit,
  };
}
