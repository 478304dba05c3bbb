import "server-only";

import type { Db } from "@/db/client";
import { listCallbacksFor } from "@/db/queries/callbacks";
import { listHistory } from "@/db/queries/history";
import { listUpstreamCalls } from "@/db/queries/upstream-calls";
import { getWithdrawal, listWithdrawals, withdrawalCursorOf } from "@/db/queries/withdrawals";
import { notFoundError } from "@/lib/errors";
import { encodeCursor } from "@/lib/orders/list-params";

import type { WithdrawalQuery } from "./list-query";
import { toWithdrawalJson } from "./withdrawal-view";

/** One page of the list, account data masked. */
export async function withdrawalPage(db: Db, query: WithdrawalQuery) {
  const rows = await listWithdrawals(db, query.filter, {
    sort: query.sort,
    cursor: query.cursor,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => toWithdrawalJson(row)),
    nextCursor:
      rows.length > query.limit && last ? encodeCursor(withdrawalCursorOf(last, query.sort)) : null,
  };
}

/** A withdrawal with its history; full account data only when `reveal` (the caller audits). */
export async function withdrawalDetail(
  db: Db,
  platformOrderId: string,
  options: { reveal: boolean; traffic?: boolean },
) {
  const row = await getWithdrawal(db, platformOrderId);
  if (!row) throw notFoundError();
  const history = await listHistory(db, "withdrawal", platformOrderId);
  return {
    withdrawal: toWithdrawalJson(row, options.reveal),
    history: history.map((h) => ({
      at: h.at.toISOString(),
      from: h.fromStatus,
      to: h.toStatus,
      kind: h.kind,
      source: h.source,
      actor: h.actor,
      details: h.details,
    })),
    ...(options.traffic
      ? {
          callbacks: (await listCallbacksFor(db, [platformOrderId])).map((c) => ({
            id: c.id,
            receivedAt: c.receivedAt.toISOString(),
            verification: c.verification,
            result: c.result,
            detail: c.detail,
            rawBody: options.reveal ? c.rawBody : "[hidden: holds account data]",
          })),
          calls: (await listUpstreamCalls(db, [platformOrderId])).map((c) => ({
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
            response: options.reveal ? c.response : "[hidden: holds account data]",
          })),
        }
      : {}),
  };
}
