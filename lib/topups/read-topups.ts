import "server-only";

import type { Db } from "@/db/client";
import { listCallbacksFor } from "@/db/queries/callbacks";
import { listHistory } from "@/db/queries/history";
import { cursorOf, getTopup, listTopups } from "@/db/queries/topups";
import { listUpstreamCalls } from "@/db/queries/upstream-calls";
import { findUserById } from "@/db/queries/users";
import { notFoundError } from "@/lib/errors";

import { encodeCursor, type TopupQuery } from "./list-query";
import { toTopupJson } from "./topup-view";

/** One page of the list, in API shape. */
export async function topupPage(db: Db, query: TopupQuery) {
  const rows = await listTopups(db, query.filter, {
    sort: query.sort,
    cursor: query.cursor,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(toTopupJson),
    nextCursor: rows.length > query.limit && last ? encodeCursor(cursorOf(last, query.sort)) : null,
  };
}

/** An order with where every status came from; for the detail page, also its raw traffic. */
export async function topupDetail(db: Db, refId: string, withTraffic = false) {
  const row = await getTopup(db, refId);
  if (!row) throw notFoundError();
  const creator = await findUserById(db, row.createdBy);
  const history = await listHistory(db, "topup", refId);
  const ids = [row.refId, ...(row.orderId ? [row.orderId] : [])];
  return {
    topup: toTopupJson({ ...row, createdByEmail: creator?.email ?? null }),
    history: history.map((h) => ({
      at: h.at.toISOString(),
      from: h.fromStatus,
      to: h.toStatus,
      kind: h.kind,
      source: h.source,
      actor: h.actor,
      details: h.details,
    })),
    ...(withTraffic
      ? {
          callbacks: (await listCallbacksFor(db, [row.refId])).map((c) => ({
            id: c.id,
            receivedAt: c.receivedAt.toISOString(),
            verification: c.verification,
            result: c.result,
            detail: c.detail,
            rawBody: c.rawBody,
          })),
          calls: (await listUpstreamCalls(db, ids)).map((c) => ({
            id: c.id,
            at: c.at.toISOString(),
            operation: c.operation,
            attempt: c.attempt,
            httpStatus: c.httpStatus,
            durationMs: c.durationMs,
            outcome: c.outcome,
            errorCode: c.errorCode,
            actor: c.actor,
            request: c.request,
            response: c.response,
          })),
        }
      : {}),
  };
}
