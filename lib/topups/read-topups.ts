import "server-only";

import type { Db } from "@/db/client";
import { listCallbacksFor } from "@/db/queries/callbacks";
import { listHistory } from "@/db/queries/history";
import { topupCursorOf, getTopup, listTopups } from "@/db/queries/topups";
import { listUpstreamCalls } from "@/db/queries/upstream-calls";
import { findUserById, userNames } from "@/db/queries/users";
import { notFoundError } from "@/lib/errors";
import { keysetPage } from "@/lib/orders/list-params";
import { historyJson, historyPeople, trafficJson } from "@/lib/orders/order-json";

import type { TopupQuery } from "./list-query";
import { toTopupJson } from "./topup-view";

/** One page of the list, in API shape. */
export async function topupPage(db: Db, query: TopupQuery) {
  const rows = await listTopups(db, query.filter, {
    sort: query.sort,
    cursor: query.cursor,
    limit: query.limit + 1,
  });
  return keysetPage(rows, query.limit, (row) => topupCursorOf(row, query.sort), toTopupJson);
}

/** An order with where every status came from; for the detail page, also its raw traffic. */
export async function topupDetail(db: Db, refId: string, withTraffic = false) {
  const row = await getTopup(db, refId);
  if (!row) throw notFoundError();
  const creator = await findUserById(db, row.createdBy);
  const history = await listHistory(db, "topup", refId);
  const ids = [row.refId, ...(row.orderId ? [row.orderId] : [])];
  const calls = withTraffic ? await listUpstreamCalls(db, ids) : null;
  const names = await userNames(db, historyPeople([...history, ...(calls ?? [])]));
  return {
    topup: toTopupJson({
      ...row,
      createdByEmail: creator?.email ?? null,
      createdByName: creator?.name ?? null,
    }),
    history: historyJson(history, names),
    ...(calls ? trafficJson(await listCallbacksFor(db, [row.refId]), calls, false, names) : {}),
  };
}
