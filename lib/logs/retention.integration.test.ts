import { eq } from "drizzle-orm";
import { withTx } from "@/db/client";
import { describe, expect, it } from "vitest";

import { getCallback, insertCallback } from "@/db/queries/callbacks";
import { getUpstreamCall } from "@/db/queries/upstream-call-log";
import { insertUpstreamCall } from "@/db/queries/upstream-calls";
import { upstreamCalls } from "@/db/schema";
import { tempDb } from "@/db/testing/temp-db";
import { callbackCountsSince } from "@/db/queries/overview";
import { trafficJson } from "@/lib/orders/order-json";

import { callbackDetail, callbackLogPage } from "./read-logs";
import { pruneIfDue } from "./retention";

const DAY = 24 * 3_600_000;
const now = new Date("2026-11-20T05:00:00Z");
const daysAgo = (n: number) => new Date(now.getTime() - n * DAY);

async function fixture() {
  const db = tempDb();
  const body = JSON.stringify({ orderID: "O-1", refID: "TU-1", status: "successed" });
  const base = { upstream: "p2w" as const, rawBody: body, entityId: "TU-1", orderId: "O-1" };
  const ids = {
    oldProcessed: await insertCallback(db, {
      ...base,
      receivedAt: daysAgo(100),
      verification: "ok",
      result: "applied",
      processedAt: daysAgo(100),
    }),
    oldRefused: await insertCallback(db, {
      ...base,
      receivedAt: daysAgo(95),
      verification: "bad_token",
      result: "rejected",
    }),
    oldUnprocessed: await insertCallback(db, {
      ...base,
      receivedAt: daysAgo(99),
      verification: "ok",
      result: "retry",
    }),
    recent: await insertCallback(db, {
      ...base,
      receivedAt: daysAgo(10),
      verification: "ok",
      result: "applied",
      processedAt: daysAgo(10),
    }),
  };
  const call = {
    upstream: "p2w" as const,
    operation: "get_order",
    targetId: "O-1",
    actor: "system:callback",
    attempt: 1,
    httpStatus: 200,
    durationMs: 40,
    outcome: "ok" as const,
    errorCode: null,
    request: "{}",
    response: '{"status":"successed"}',
  };
  await insertUpstreamCall(db, call);
  await insertUpstreamCall(db, call);
  await withTx(db, (tx) =>
    tx
      .update(upstreamCalls)
      .set({ at: daysAgo(120) })
      .where(eq(upstreamCalls.id, 1)),
  );
  return { db, ids };
}

describe("the retention prune", () => {
  it("empties old bodies of finished callbacks and calls, keeps every row's metadata", async () => {
    const { db, ids } = await fixture();
    expect(await pruneIfDue(db, 90, now)).toEqual({ callbacks: 2, calls: 1, done: true });

    const oldProcessed = await getCallback(db, ids.oldProcessed);
    expect(oldProcessed).toMatchObject({
      rawBody: "",
      prunedAt: now,
      result: "applied",
      entityId: "TU-1",
      verification: "ok",
    });
    expect((await getCallback(db, ids.oldRefused))?.prunedAt).toEqual(now);
    // Not processed yet: its body is what processing will read, whatever its age.
    expect(await getCallback(db, ids.oldUnprocessed)).toMatchObject({
      prunedAt: null,
      result: "retry",
    });
    expect((await getCallback(db, ids.recent))?.rawBody).toContain("successed");
    expect(await getUpstreamCall(db, 1)).toMatchObject({
      request: null,
      response: null,
      prunedAt: now,
    });
    expect(await getUpstreamCall(db, 2)).toMatchObject({ prunedAt: null, request: "{}" });

    // The log, the detail, the order's traffic and the overview still read them.
    const page = await callbackLogPage(db, new URLSearchParams(), now);
    expect(page.items.map((c) => c.id)).toEqual([
      ids.recent,
      ids.oldRefused,
      ids.oldUnprocessed,
      ids.oldProcessed,
    ]);
    expect(page.items.find((c) => c.id === ids.oldProcessed)).toMatchObject({
      prunedAt: now.toISOString(),
      replayable: "pruned",
    });
    expect(await callbackDetail(db, ids.oldProcessed, true)).toMatchObject({
      body: null,
      result: "applied",
    });
    const traffic = trafficJson([oldProcessed!], []);
    expect(traffic.callbacks[0]).toMatchObject({ rawBody: "", prunedAt: now.toISOString() });
    expect(await callbackCountsSince(db, "p2w", daysAgo(101))).toMatchObject({ accepted: 3 });
  });

  it("runs once a day", async () => {
    const { db } = await fixture();
    expect(await pruneIfDue(db, 90, now)).not.toBeNull();
    expect(await pruneIfDue(db, 90, new Date(now.getTime() + DAY - 1))).toBeNull();
    expect(await pruneIfDue(db, 90, new Date(now.getTime() + DAY))).toEqual({
      callbacks: 0,
      calls: 0,
      done: true,
    });
  });
});
