import { z } from "zod";

import type { CallbackFilter } from "@/db/queries/callback-log";
import type { LogCursor } from "@/db/queries/keyset";
import type { UpstreamCallFilter } from "@/db/queries/upstream-call-log";
import {
  CALLBACK_RESULTS,
  CALL_OUTCOMES,
  FAILED_GROUP,
  FAILED_RESULTS,
  OPERATIONS,
  REFUSALS,
  UPSTREAMS,
  VERIFICATIONS,
} from "@/lib/callbacks/results";
import { AppError, fromZod } from "@/lib/errors";
import { searchText } from "@/lib/text";
import { dayRange, daySchema, decodeCursor, nonEmpty } from "@/lib/orders/list-params";

/** A list of allowed words, comma-separated in the query string. */
const wordsOf = (allowed: readonly string[], extra: readonly string[] = []) =>
  z
    .string()
    .transform((text) => [
      ...new Set(
        text
          .split(",")
          .map((w) => w.trim())
          .filter(Boolean),
      ),
    ])
    .refine((words) => words.length > 0 && words.every((w) => [...allowed, ...extra].includes(w)));

const page = {
  from: daySchema.optional(),
  to: daySchema.optional(),
  q: searchText().optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
};

/**
 * The callbacks log's query string (page URL and `GET /api/callbacks`): `upstream`,
 * `verification` (`ok`, `refused` or one reason), `result` (results, comma-separated, or
 * `failed` for processing that failed or never finished), `q`, `from`/`to` (Bangkok days
 * of receipt), `cursor`, `limit`.
 */
export const callbackLogQuerySchema = z.object({
  upstream: z.enum(UPSTREAMS).optional(),
  verification: z.enum([...VERIFICATIONS, "refused"]).optional(),
  result: wordsOf(CALLBACK_RESULTS, [FAILED_GROUP]).optional(),
  ...page,
});

export type LogQuery<F> = { filter: F; cursor?: LogCursor; limit: number };

export function parseCallbackQuery(params: URLSearchParams): LogQuery<CallbackFilter> {
  const parsed = callbackLogQuerySchema.safeParse(nonEmpty(params));
  if (!parsed.success) throw fromZod(parsed.error);
  const q = parsed.data;
  const results = q.result?.flatMap((r) => (r === FAILED_GROUP ? [...FAILED_RESULTS] : [r]));
  return {
    filter: {
      upstreams: q.upstream ? [q.upstream] : UPSTREAMS,
      verifications:
        q.verification === "refused" ? REFUSALS : q.verification ? [q.verification] : undefined,
      results: results ? [...new Set(results)] : undefined,
      q: q.q,
      ...dayRange(q.from, q.to),
    },
    cursor: q.cursor ? decodeLogCursor(q.cursor) : undefined,
    limit: q.limit,
  };
}

/**
 * The upstream-calls log's query string: `upstream`, `operation` (comma-separated),
 * `outcome` (`ok` or `error`), `q` (the id a call was about), `from`/`to`, `cursor`, `limit`.
 */
export const callLogQuerySchema = z.object({
  upstream: z.enum(UPSTREAMS).optional(),
  operation: wordsOf(Object.values(OPERATIONS).flat()).optional(),
  outcome: z.enum(CALL_OUTCOMES).optional(),
  ...page,
});

export type CallLogQuery = LogQuery<UpstreamCallFilter> & { walkOperations: readonly string[] };

export function parseCallQuery(params: URLSearchParams): CallLogQuery {
  const parsed = callLogQuerySchema.safeParse(nonEmpty(params));
  if (!parsed.success) throw fromZod(parsed.error);
  const q = parsed.data;
  return {
    filter: {
      upstream: q.upstream,
      operations: q.operation,
      outcomes: q.outcome ? [q.outcome] : undefined,
      q: q.q,
      ...dayRange(q.from, q.to),
    },
    walkOperations: q.upstream ? OPERATIONS[q.upstream] : Object.values(OPERATIONS).flat(),
    cursor: q.cursor ? decodeLogCursor(q.cursor) : undefined,
    limit: q.limit,
  };
}

function decodeLogCursor(text: string): LogCursor {
  const cursor = decodeCursor(text);
  const id = Number(cursor.id);
  if (!Number.isSafeInteger(id)) throw new AppError("VALIDATION", 400, { field: "cursor" });
  return { t: cursor.t, id };
}
