import type { CallbackRow, HistoryRow, UpstreamCallRow } from "@/db/schema";

/** The API and detail-page shapes of what every order has: history, callbacks, calls. */
/** The people history rows name (`user:<id>` actors), for `historyJson`. */
export function historyPeople(rows: HistoryRow[]): number[] {
  return rows.flatMap((h) => {
    const id = /^user:(\d+)$/.exec(h.actor)?.[1];
    return id ? [Number(id)] : [];
  });
}

/** History entries; `actorName` is the person's name when a person did it. */
export function historyJson(rows: HistoryRow[], names: Map<number, string> = new Map()) {
  return rows.map((h) => ({
    at: h.at.toISOString(),
    from: h.fromStatus,
    to: h.toStatus,
    kind: h.kind,
    source: h.source,
    actor: h.actor,
    actorName: names.get(Number(/^user:(\d+)$/.exec(h.actor)?.[1])) ?? null,
    details: h.details,
  }));
}

/** `hideBodies` keeps raw bodies off a page whose viewer may not see account data. */
export function trafficJson(
  callbackRows: CallbackRow[],
  callRows: UpstreamCallRow[],
  hideBodies = false,
) {
  const hidden = "[hidden: holds account data]";
  return {
    callbacks: callbackRows.map((c) => ({
      id: c.id,
      receivedAt: c.receivedAt.toISOString(),
      verification: c.verification,
      result: c.result,
      detail: c.detail,
      rawBody: hideBodies ? hidden : c.rawBody,
      /** When the retention prune removed the body (`rawBody` is then empty). */
      prunedAt: c.prunedAt?.toISOString() ?? null,
    })),
    calls: callRows.map((c) => ({
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
      response: hideBodies ? hidden : c.response,
      prunedAt: c.prunedAt?.toISOString() ?? null,
    })),
  };
}
