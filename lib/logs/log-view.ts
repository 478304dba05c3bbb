import type { CallbackListRow } from "@/db/queries/callback-log";
import type { UpstreamCallListRow } from "@/db/queries/upstream-call-log";
import type { CallbackHeaders } from "@/db/schema";
import { replayable, type UpstreamName } from "@/lib/callbacks/results";
import { actorUserId } from "@/lib/orders/order-json";
import type { UpstreamCall } from "@/lib/upstream/call-log";
import { maskAccountName, maskAccountNo } from "@/lib/withdrawals/mask";

/** A row of the callbacks log (`Callback` of docs/design.md, JSON API). */
export type CallbackJson = {
  id: number;
  upstream: UpstreamName;
  receivedAt: string;
  verification: string;
  entityId: string | null;
  orderId: string | null;
  ip: string | null;
  result: string;
  detail: string | null;
  attempts: number;
  processedAt: string | null;
  /** From receipt to the end of processing. */
  processingMs: number | null;
  /** When the retention prune removed the raw body. */
  prunedAt: string | null;
  replay: { count: number; at: string; by: string; result: string | null } | null;
  replayable: ReturnType<typeof replayable>;
  /** The order's page, when the callback names one. */
  orderHref: string | null;
};

/** A callback opened from the log: the row with its body (masked) and request headers. */
export type CallbackDetailJson = CallbackJson & {
  body: string | null;
  headers: CallbackHeaders | null;
  masked: boolean;
};

const iso = (at: Date | null) => (at ? at.toISOString() : null);

export function toCallbackJson(row: CallbackListRow, names: Map<number, string>): CallbackJson {
  return {
    id: row.id,
    upstream: row.upstream,
    receivedAt: row.receivedAt.toISOString(),
    verification: row.verification,
    entityId: row.entityId,
    orderId: row.orderId,
    ip: row.ip,
    result: row.result,
    detail: row.detail,
    attempts: row.attempts,
    processedAt: iso(row.processedAt),
    processingMs: row.processedAt ? row.processedAt.getTime() - row.receivedAt.getTime() : null,
    prunedAt: iso(row.prunedAt),
    replay:
      row.replays > 0 && row.replayedAt
        ? {
            count: row.replays,
            at: row.replayedAt.toISOString(),
            by: row.replayedBy === null ? "" : (names.get(row.replayedBy) ?? `#${row.replayedBy}`),
            result: row.replayResult,
          }
        : null,
    replayable: replayable(row),
    orderHref: row.entityId
      ? `/${row.upstream === "p2w" ? "topups" : "withdrawals"}/${encodeURIComponent(row.entityId)}`
      : null,
  };
}

/** A row of the upstream-calls log. */
export type UpstreamCallJson = Omit<UpstreamCall, "request" | "response"> & {
  id: number;
  at: string;
  prunedAt: string | null;
  targetHref: string | null;
  /** The person who made the call, by name; none when the system did. */
  actorName: string | null;
};

export function toUpstreamCallJson(
  row: UpstreamCallListRow,
  names: Map<number, string> = new Map(),
): UpstreamCallJson {
  return {
    id: row.id,
    at: row.at.toISOString(),
    upstream: row.upstream,
    operation: row.operation,
    targetId: row.targetId,
    actor: row.actor,
    actorName: names.get(actorUserId(row.actor) ?? 0) ?? null,
    attempt: row.attempt,
    httpStatus: row.httpStatus,
    durationMs: row.durationMs,
    outcome: row.outcome,
    errorCode: row.errorCode,
    prunedAt: iso(row.prunedAt),
    targetHref:
      row.targetId && row.upstream === "payout"
        ? `/withdrawals/${encodeURIComponent(row.targetId)}`
        : row.targetId?.startsWith("TU-")
          ? `/topups/${encodeURIComponent(row.targetId)}`
          : null,
  };
}

const ACCOUNT_FIELD =
  /("(account_no|account_name|accountNo|accountName)"\s*:\s*")((?:[^"\\]|\\.)*)(")/g;

/**
 * A stored body as the log shows it: pretty-printed when it is JSON, and with account
 * numbers and names masked unless `reveal`. Works on text cut short by the size bound too.
 */
export function showBody(text: string | null, reveal: boolean): string | null {
  if (text === null) return null;
  const masked = reveal
    ? text
    : text.replace(
        ACCOUNT_FIELD,
        (_all, head: string, key: string, value: string, tail: string) =>
          `${head}${key.toLowerCase().endsWith("name") ? maskAccountName(value) : maskAccountNo(value)}${tail}`,
      );
  try {
    return JSON.stringify(JSON.parse(masked), null, 2);
  } catch {
    return masked;
  }
}
