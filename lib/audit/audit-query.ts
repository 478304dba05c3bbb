import type { AuditFilter } from "@/db/queries/audit";
import { bangkokDayStart } from "@/lib/format";
import { nonEmpty } from "@/lib/orders/list-params";

import { isAuditAction } from "./audit-events";

/** The audit log's filters, by the names its query string uses. */
export const AUDIT_FILTER_KEYS = ["actor", "action", "target", "from", "to"] as const;
export type AuditFilterKey = (typeof AUDIT_FILTER_KEYS)[number];

export type AuditQuery = {
  filter: AuditFilter;
  /** Entries older than this id (the next page). */
  beforeId?: number;
  /** The filters as given, one value each (the last of repeated ones), for the form and chips. */
  values: Partial<Record<AuditFilterKey, string>>;
  /** Day fields that are not a date: named to the person, the rest of the filter still applies. */
  bad: ("from" | "to")[];
};

const DAY_MS = 86_400_000;

/** Next's `searchParams` (a key may come several times) as the lists read theirs. */
export function searchParamsOf(
  given: Record<string, string | string[] | undefined>,
): URLSearchParams {
  return new URLSearchParams(
    Object.entries(given).flatMap(([key, value]) =>
      value === undefined ? [] : (Array.isArray(value) ? value : [value]).map((v) => [key, v]),
    ),
  );
}

/**
 * The audit log's query string (`actor`, `action`, `target`, `from`/`to` as Bangkok days,
 * `before` for paging), read like the lists' (lib/topups/list-query.ts): empty values are
 * absent, a repeated key counts once (its last value). An unknown actor or action filters
 * nothing; a day that is not a date is named in `bad`, not ignored silently.
 */
export function parseAuditQuery(params: URLSearchParams): AuditQuery {
  const given = nonEmpty(params);
  const text = (key: string) => given[key]?.trim() || undefined;
  const bad: AuditQuery["bad"] = [];
  const day = (key: "from" | "to") => {
    const value = text(key);
    if (!value) return undefined;
    const start = bangkokDayStart(value);
    if (!start) bad.push(key);
    return start ?? undefined;
  };
  const positive = (key: string) => {
    const n = Number(text(key));
    return Number.isSafeInteger(n) && n > 0 ? n : undefined;
  };
  const action = text("action");
  const from = day("from");
  const to = day("to");
  const values = Object.fromEntries(
    AUDIT_FILTER_KEYS.flatMap((key) => (text(key) ? [[key, text(key)]] : [])),
  ) as AuditQuery["values"];
  return {
    filter: {
      actorId: positive("actor"),
      action: isAuditAction(action) ? action : undefined,
      targetId: text("target")?.slice(0, 100),
      from,
      // Through the end of the day named.
      to: to ? new Date(to.getTime() + DAY_MS) : undefined,
    },
    beforeId: positive("before"),
    values,
    bad,
  };
}

/** The log's address with these filters (and no page), as chips and the next page link it. */
export function auditHref(values: AuditQuery["values"], extra: Record<string, string> = {}) {
  const query = new URLSearchParams({ ...values, ...extra } as Record<string, string>);
  return `/audit${query.size > 0 ? `?${query.toString()}` : ""}`;
}
