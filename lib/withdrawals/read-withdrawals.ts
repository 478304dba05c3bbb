import "server-only";

import type { Db } from "@/db/client";
import { listCallbacksFor } from "@/db/queries/callbacks";
import { listHistory } from "@/db/queries/history";
import { userNames } from "@/db/queries/users";
import { listUpstreamCalls } from "@/db/queries/upstream-calls";
import { getWithdrawal, listWithdrawals, withdrawalCursorOf } from "@/db/queries/withdrawals";
import { notFoundError } from "@/lib/errors";
import { keysetPage } from "@/lib/orders/list-params";
import { historyJson, historyPeople, trafficJson } from "@/lib/orders/order-json";

import type { WithdrawalQuery } from "./list-query";
import { toWithdrawalJson } from "./withdrawal-view";

/** One page of the list, account data masked. */
export async function withdrawalPage(db: Db, query: WithdrawalQuery) {
  const rows = await listWithdrawals(db, query.filter, {
    sort: query.sort,
    cursor: query.cursor,
    limit: query.limit + 1,
  });
  return keysetPage(
    rows,
    query.limit,
    (row) => withdrawalCursorOf(row, query.sort),
    (row) => toWithdrawalJson(row),
  );
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
  const calls = options.traffic ? await listUpstreamCalls(db, [platformOrderId]) : null;
  const names = await userNames(db, historyPeople([...history, ...(calls ?? [])]));
  return {
    withdrawal: toWithdrawalJson(row, options.reveal),
    history: historyJson(history, names),
    ...(calls
      ? trafficJson(await listCallbacksFor(db, [platformOrderId]), calls, !options.reveal, names)
      : {}),
  };
}
