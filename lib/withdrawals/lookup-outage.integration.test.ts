import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { upstreamCalls } from "@/db/schema";
import { tempDb } from "@/db/testing/temp-db";
import { type PayoutSandbox } from "@/sandbox/payout";
import { sandboxPayoutClient, startMerchantSandbox } from "@/lib/testing/payout-client";

import { BREAK_AFTER, lookupWithdrawals } from "./lookup";

const SECRET = "payout-lookup-outage-secret-0123456789";
const TOKEN = "payout-lookup-outage-token";
const MERCHANT = "WD00000001";
let sandbox: PayoutSandbox;

beforeAll(async () => {
  sandbox = await startMerchantSandbox(
    { merchantId: MERCHANT, token: TOKEN, secret: SECRET },
    { seedCount: 12 },
  );
  sandbox.faults.set([{ op: "callback", kind: "drop" }]);
});

afterAll(() => sandbox.close());

function setup() {
  const db = tempDb();
  const payout = sandboxPayoutClient(
    sandbox.baseUrl,
    { merchantId: MERCHANT, token: TOKEN, secret: SECRET },
    db,
    { timeoutMs: 300, readRetry: { attempts: 1, baseDelayMs: 5, maxDelayMs: 5 } },
  );
  return { db, payout };
}

/** The first `count` withdrawals the gateway holds for our merchant. */
function ourWithdrawalIds(count: number): string[] {
  return [...sandbox.withdrawals.values()]
    .filter((w) => w.merchantId === MERCHANT)
    .map((w) => w.platformOrderId)
    .slice(0, count);
}

describe("a look-up while the gateway fails", () => {
  it("shows what we hold, stops asking after a few failures, and asks nothing when told", async () => {
    const deps = setup();
    const ids = ourWithdrawalIds(10);
    expect(ids).toHaveLength(10);
    // While the gateway works, the first two are looked up and so held here.
    const held = await lookupWithdrawals(deps, ids.slice(0, 2), "user:9");
    expect(held.map((r) => r.outcome)).toEqual(["found", "found"]);

    sandbox.faults.set([
      { op: "callback", kind: "drop" },
      { op: "query", kind: "5xx" },
    ]);
    const callsBefore = (await deps.db.select().from(upstreamCalls)).length;
    const results = await lookupWithdrawals(deps, ids, "user:9");
    const outcomes = results.map((r) => r.outcome);
    // Held ones show our record (marked stored) even when the gateway failed for them.
    expect(outcomes.slice(0, 2)).toEqual(["stored", "stored"]);
    expect(results[0]).toMatchObject({ code: "UPSTREAM_SERVER_ERROR" });
    expect(results[0]?.withdrawal?.platformOrderId).toBe(ids[0]);
    // After BREAK_AFTER failures the rest are not asked: fail fast instead of waiting on each.
    expect(outcomes.filter((o) => o === "skipped").length).toBeGreaterThan(0);
    const asked = (await deps.db.select().from(upstreamCalls)).length - callsBefore;
    expect(asked).toBeLessThan(ids.length);
    expect(asked).toBeGreaterThanOrEqual(BREAK_AFTER);

    // The page, having seen it fail, asks for our records only: no call at all.
    const quiet = await lookupWithdrawals(deps, ids, "user:9", { storedOnly: true });
    expect(quiet.map((r) => r.outcome)).toEqual([
      "stored",
      "stored",
      ...Array<string>(8).fill("skipped"),
    ]);
    expect((await deps.db.select().from(upstreamCalls)).length - callsBefore).toBe(asked);
    sandbox.faults.set([{ op: "callback", kind: "drop" }]);
  });
});

describe("a look-up while the gateway does not answer", () => {
  it("waits out a few ids, then answers the rest at once from our records", async () => {
    const deps = setup();
    const ids = ourWithdrawalIds(12);
    sandbox.faults.set([
      { op: "callback", kind: "drop" },
      { op: "query", kind: "timeout" },
    ]);
    const results = await lookupWithdrawals(deps, ids, "user:9");
    sandbox.faults.set([{ op: "callback", kind: "drop" }]);
    const codes = new Set(results.map((r) => (r.ok ? null : r.code)));
    expect(codes.has("UPSTREAM_TIMEOUT")).toBe(true);
    expect(results.filter((r) => r.outcome === "skipped").length).toBeGreaterThan(0);
    // Only the first few waited on the gateway; the rest were not sent.
    const asked = new Set((await deps.db.select().from(upstreamCalls)).map((c) => c.targetId));
    expect(asked.size).toBeLessThan(ids.length);
  });
});
