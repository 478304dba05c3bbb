import { describe, expect, it } from "vitest";

import { rawQuery, rawExec } from "@/db/raw";
import { insertCallback } from "@/db/queries/callbacks";
import { insertUpstreamCall } from "@/db/queries/upstream-calls";
import { tempDb } from "@/db/testing/temp-db";
import { CALLBACK_RESULTS, FAILED_RESULTS, REFUSALS } from "@/lib/callbacks/results";

import { callbackLogPage, callLogPage, callStats } from "./read-logs";

/** A small random log: the merged index walks must page through exactly what a plain filter finds. */
async function randomLog() {
  const db = tempDb();
  const start = Date.UTC(2026, 10, 1);
  const pick = <T>(items: readonly T[], i: number) => items[(i * 7919) % items.length] as T;
  for (let i = 0; i < 300; i++) {
    const refused = i % 7 === 0;
    await insertCallback(db, {
      upstream: i % 3 === 0 ? "payout" : "p2w",
      // Some share an instant: the id breaks the tie.
      receivedAt: new Date(start + Math.floor(i / 2) * 3_600_000),
      rawBody: "{}",
      verification: refused ? pick(REFUSALS, i) : "ok",
      entityId: `TU-${String(i % 40).padStart(3, "0")}`,
      orderId: `P2W${i}`,
      result: refused ? "rejected" : pick(CALLBACK_RESULTS.slice(0, -1), i),
    });
    await insertUpstreamCall(db, {
      upstream: i % 3 === 0 ? "payout" : "p2w",
      operation: i % 3 === 0 ? "withdraw_query" : i % 2 ? "get_order" : "create_order",
      targetId: `TU-${String(i % 40).padStart(3, "0")}`,
      actor: "system:reconciler",
      attempt: 1,
      httpStatus: 200,
      durationMs: i,
      outcome: i % 5 === 0 ? "error" : "ok",
      errorCode: null,
      request: null,
      response: null,
    });
  }
  await rawExec(
    db,
    "update upstream_calls set at = (select received_at from callbacks where callbacks.id = upstream_calls.id)",
  );
  return db;
}

/** Every id of every page, following `nextCursor` with pages of 7. */
async function allIds(
  read: (p: URLSearchParams) => Promise<{ items: { id: number }[]; nextCursor: string | null }>,
  filter: Record<string, string>,
) {
  const ids: number[] = [];
  let cursor: string | null = null;
  do {
    const page = await read(
      new URLSearchParams({ ...filter, limit: "7", ...(cursor ? { cursor } : {}) }),
    );
    ids.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

/**
 * Each filter (with rows it must keep) pages through exactly the rows a plain scan keeps,
 * newest first (`at`, then id), and keeps at least one.
 */
async function expectEveryFilter<R extends { id: number }>(
  rows: R[],
  at: (row: R) => number,
  cases: [Record<string, string>, (row: R) => boolean][],
  page: (
    params: URLSearchParams,
  ) => Promise<{ items: { id: number }[]; nextCursor: string | null }>,
) {
  for (const [filter, keep] of cases) {
    const plain = rows
      .filter(keep)
      .sort((a, b) => at(b) - at(a) || b.id - a.id)
      .map((r) => r.id);
    expect(plain.length, JSON.stringify(filter)).toBeGreaterThan(0);
    expect(await allIds(page, filter), JSON.stringify(filter)).toEqual(plain);
  }
}

describe("the logs' pages", () => {
  it("callbacks: every filter pages through exactly the plain answer, newest first", async () => {
    const db = await randomLog();
    const rows = (await rawQuery(
      db,
      "select id, upstream, verification, result, entity_id, order_id, received_at from callbacks",
    )) as {
      id: number;
      upstream: string;
      verification: string;
      result: string;
      entity_id: string;
      order_id: string;
      received_at: number;
    }[];
    const cases: [Record<string, string>, (r: (typeof rows)[number]) => boolean][] = [
      [{}, () => true],
      [{ upstream: "payout" }, (r) => r.upstream === "payout"],
      [{ verification: "refused" }, (r) => r.verification !== "ok"],
      [
        { upstream: "p2w", verification: "bad_token" },
        (r) => r.upstream === "p2w" && r.verification === "bad_token",
      ],
      [{ result: "failed" }, (r) => (FAILED_RESULTS as readonly string[]).includes(r.result)],
      [
        { result: "applied,duplicate", upstream: "p2w" },
        (r) => r.upstream === "p2w" && ["applied", "duplicate"].includes(r.result),
      ],
      [{ q: "TU-01" }, (r) => r.entity_id.startsWith("TU-01")],
      [{ q: "P2W17" }, (r) => r.order_id.startsWith("P2W17")],
      [
        { from: "2026-11-03", to: "2026-11-04", verification: "ok" },
        (r) =>
          r.verification === "ok" &&
          r.received_at >= Date.UTC(2026, 10, 2, 17) &&
          r.received_at < Date.UTC(2026, 10, 4, 17),
      ],
    ];
    await expectEveryFilter(
      rows,
      (r) => r.received_at,
      cases,
      (p) => callbackLogPage(db, p),
    );
  });

  it("upstream calls: every filter pages through exactly the plain answer", async () => {
    const db = await randomLog();
    const rows = (await rawQuery(
      db,
      "select id, upstream, operation, outcome, target_id, at from upstream_calls",
    )) as {
      id: number;
      upstream: string;
      operation: string;
      outcome: string;
      target_id: string;
      at: number;
    }[];
    const cases: [Record<string, string>, (r: (typeof rows)[number]) => boolean][] = [
      [{}, () => true],
      [{ upstream: "p2w" }, (r) => r.upstream === "p2w"],
      [{ outcome: "error" }, (r) => r.outcome === "error"],
      [
        { operation: "get_order", outcome: "ok" },
        (r) => r.operation === "get_order" && r.outcome === "ok",
      ],
      [
        { upstream: "payout", outcome: "error" },
        (r) => r.upstream === "payout" && r.outcome === "error",
      ],
      [{ q: "TU-02" }, (r) => r.target_id.startsWith("TU-02")],
    ];
    await expectEveryFilter(
      rows,
      (r) => r.at,
      cases,
      (p) => callLogPage(db, p),
    );
  });

  it("latency and error rate per operation are exact over the last hour and day", async () => {
    const db = await randomLog();
    const rows = (await rawQuery(
      db,
      "select operation, outcome, duration_ms as d, at from upstream_calls",
    )) as { operation: string; outcome: string; d: number; at: number }[];
    const now = Math.max(...rows.map((r) => r.at)) + 60_000;
    const exact = (operation: string, since: number) => {
      const mine = rows.filter((r) => r.operation === operation && r.at >= since);
      const sorted = mine.map((r) => r.d).sort((a, b) => a - b);
      const at = (p: number) => sorted[Math.max(1, Math.ceil(p * sorted.length)) - 1] ?? null;
      const errors = mine.filter((r) => r.outcome === "error").length;
      return {
        calls: mine.length,
        errors,
        errorRate: mine.length ? errors / mine.length : null,
        p50Ms: at(0.5),
        p95Ms: at(0.95),
      };
    };
    const stats = await callStats(db, new Date(now));
    for (const operation of ["create_order", "get_order", "withdraw_query"]) {
      const mine = stats.find((s) => s.operation === operation);
      expect(mine?.lastDay).toEqual(exact(operation, now - 86_400_000));
      expect(mine?.lastHour).toEqual(exact(operation, now - 3_600_000));
      expect(mine?.lastDay.calls).toBeGreaterThan(0);
    }
  });

  it("refuses a filter it does not know, naming the field", async () => {
    const db = tempDb();
    for (const [params, field] of [
      ["result=nonsense", "result"],
      ["verification=maybe", "verification"],
      ["operation=delete_everything", "operation"],
      ["cursor=abc", "cursor"],
      ["from=2026-13-45", "from"],
    ] as const) {
      const read = params.startsWith("operation") ? callLogPage : callbackLogPage;
      await expect(read(db, new URLSearchParams(params))).rejects.toMatchObject({
        code: "VALIDATION",
        status: 400,
        params: { field },
      });
    }
  });
});
