import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import type { Db } from "@/db/client";
import { listUpstreamCalls } from "@/db/queries/upstream-calls";
import { insertUpstreamCall } from "@/db/queries/upstream-calls";
import { tempDb } from "@/db/testing/temp-db";
import { P2wClient } from "@/lib/p2w/client";
import { PayoutClient } from "@/lib/payout/client";
import { seedUser } from "@/lib/testing/fixtures";
import { freePort } from "@/lib/testing/free-port";
import { type P2wSandbox, startP2wSandbox } from "@/sandbox/p2w";
import { type PayoutSandbox } from "@/sandbox/payout";
import { startMerchantSandbox } from "@/lib/testing/payout-client";

import { CHECK_IDS, checkConnectivity } from "./check";

const P2W_SECRET = "p2w-connectivity-it-secret-0123456789ab";
const PAYOUT_SECRET = "payout-connectivity-it-secret-012345678";
const TOKEN = "payout-connectivity-token";
const MERCHANT = "CC00000001";

let p2wSandbox: P2wSandbox;
let payoutSandbox: PayoutSandbox;
let db: Db;
let person: { id: number; email: string; ip: string };

beforeAll(async () => {
  p2wSandbox = await startP2wSandbox({ partnerId: "PARTNER-CC", secret: P2W_SECRET, quiet: true });
  payoutSandbox = await startMerchantSandbox(
    { merchantId: MERCHANT, token: TOKEN, secret: PAYOUT_SECRET },
    { seedCount: 0 },
  );
});

afterAll(async () => {
  await p2wSandbox.close();
  await payoutSandbox.close();
});

beforeEach(async () => {
  db = tempDb();
  const admin = await seedUser(db, "admin");
  person = { id: admin.id, email: admin.email, ip: "10.0.0.9" };
  p2wSandbox.faults.set([]);
  payoutSandbox.faults.set([]);
});

function clients(over: { p2wUrl?: string; payoutUrl?: string; secret?: string } = {}) {
  const record = (call: Parameters<typeof insertUpstreamCall>[1]) => insertUpstreamCall(db, call);
  return {
    db,
    p2w: new P2wClient(
      {
        baseUrl: over.p2wUrl ?? p2wSandbox.baseUrl,
        partnerId: "PARTNER-CC",
        secret: over.secret ?? P2W_SECRET,
        timeoutMs: 300,
      },
      record,
    ),
    payout: new PayoutClient(
      {
        baseUrl: over.payoutUrl ?? payoutSandbox.baseUrl,
        merchantId: MERCHANT,
        token: TOKEN,
        secret: over.secret ?? PAYOUT_SECRET,
        timeoutMs: 300,
      },
      record,
    ),
  };
}

describe("connectivity check", () => {
  it("says both work when the signed reads come back not-found, and logs them as checks", async () => {
    const result = await checkConnectivity(clients(), person);
    expect(result.p2w).toMatchObject({ verdict: "works", httpStatus: 404 });
    expect(result.payout).toMatchObject({ verdict: "works" });
    expect(result.p2w.latencyMs).toBeGreaterThanOrEqual(0);

    const calls = await listUpstreamCalls(db, [CHECK_IDS.p2w, CHECK_IDS.payout]);
    expect(calls).toHaveLength(2);
    expect(calls.every((c) => c.actor === `check:user:${person.id}`)).toBe(true);
    expect(JSON.stringify(calls)).not.toContain(P2W_SECRET);
  });

  it("says credentials are refused with a wrong secret", async () => {
    const result = await checkConnectivity(
      clients({ secret: "wrong-secret-0123456789abcdef" }),
      person,
    );
    expect(result.p2w).toMatchObject({ verdict: "credentials_refused", httpStatus: 401 });
    expect(result.payout).toMatchObject({ verdict: "credentials_refused" });
  });

  it("says it cannot connect when nothing listens", async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const result = await checkConnectivity(clients({ p2wUrl: url, payoutUrl: url }), person);
    expect(result.p2w.verdict).toBe("cannot_connect");
    expect(result.payout.verdict).toBe("cannot_connect");
  });

  it("says timed out for a slow upstream, after one attempt only", async () => {
    p2wSandbox.faults.set([{ op: "get", kind: "latency", ms: 1_000 }]);
    payoutSandbox.faults.set([{ op: "query", kind: "timeout" }]);
    const result = await checkConnectivity(clients(), person);
    expect(result.p2w).toMatchObject({ verdict: "timeout" });
    expect(result.payout).toMatchObject({ verdict: "timeout" });
    expect(result.p2w.latencyMs).toBeLessThan(1_000);
    const calls = await listUpstreamCalls(db, [CHECK_IDS.p2w, CHECK_IDS.payout]);
    expect(calls).toHaveLength(2);
  });

  it("shows an unexpected answer with its HTTP status and code", async () => {
    p2wSandbox.faults.set([{ op: "get", kind: "5xx" }]);
    const result = await checkConnectivity(clients(), person);
    expect(result.p2w).toMatchObject({
      verdict: "unexpected",
      httpStatus: 500,
      code: "UPSTREAM_SERVER_ERROR",
    });
    expect(result.payout.verdict).toBe("works");
  });
});
