import type { CallbackRow, HistoryRow, UpstreamCallRow } from "@/db/schema";

/** The API and detail-page shapes of what every order has: history, callbacks, calls. */
/** The user id in a `user:<id>` actor; none for the system's actors (`system:callback`…). */
export function actorUserId(actor: string): number | undefined {
  const id = /^user:(\d+)$/.exec(actor)?.[1];
  return id ? Number(id) : undefined;
}

/** The people rows name as their actors (history, upstream calls), for their names. */
export function historyPeople(rows: { actor: string }[]): number[] {
  return rows.flatMap((h) => {
    const id = actorUserId(h.actor);
    return id === undefined ? [] : [id];
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
    actorName: names.get(actorUserId(h.actor) ?? 0) ?? null,
    details: h.details,
  }));
}

/**
 * `hideBodies` keeps raw bodies off a page whose viewer may not see account data; `names`
 * names the people who made calls (`historyPeople(callRows)`).
 */
export function trafficJson(
  callbackRows: CallbackRow[],
  callRows: UpstreamCallRow[],
  hideBodies = false,
  names: Map<number, string> = new Map(),
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
      actorName: names.get(actorUserId(c.actor) ?? 0) ?? null,
      request: c.request,
      response: hideBodies ? hidden : c.response,
      prunedAt: c.prunedAt?.toISOString() ?? null,
    })),
  };
}
