import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import type { Db } from "@/db/client";
import { upstreamCalls } from "@/db/schema";
import { startReceiver, waitFor } from "@/lib/testing/receiver";
import { tempDb } from "@/db/testing/temp-db";
import {
  UpstreamBadResponseError,
  UpstreamServerError,
  UpstreamTimeoutError,
  UpstreamUnauthorizedError,
} from "@/lib/upstream/errors";
import { type PayoutSandbox } from "@/sandbox/payout";
import { sandboxPayoutClient, startMerchantSandbox } from "@/lib/testing/payout-client";

import { InvalidPlatformOrderIdError, type PayoutConfig, PayoutClient } from "./client";
import { InvalidInputsError, payoutRejection, PayoutNotFoundError } from "./errors";
import { payoutSignature, verifyPayoutSignature, withdrawQueryBody } from "./signing";

const SECRET = "payout-integration-secret-0123456789ab";
const TOKEN = "payout-integration-token";
const ctx = { actor: "user:7" };
let sandbox: PayoutSandbox;
let hook: Awaited<ReturnType<typeof startReceiver>>;
let db: Db;
let client: PayoutClient;

const makeClient = (overrides: Partial<PayoutConfig> = {}) =>
  sandboxPayoutClient(
    sandbox.baseUrl,
    { merchantId: "IT00000001", token: TOKEN, secret: SECRET },
    db,
    {
      readRetry: { attempts: 3, baseDelayMs: 20, maxDelayMs: 100 },
      ...overrides,
    },
  );

beforeAll(async () => {
  hook = await startReceiver([200]);
  sandbox = await startMerchantSandbox(
    { merchantId: "IT00000001", token: TOKEN, secret: SECRET },
    { webhookUrl: `${hook.url}/api/webhooks/payout`, seedCount: 5 },
  );
});

afterAll(async () => {
  await sandbox.close();
  await hook.close();
});

beforeEach(() => {
  db = tempDb();
  client = makeClient();
  sandbox.faults.set([]);
});

const calls = () => db.select().from(upstreamCalls);

describe("payout client against the sandbox", () => {
  it("reads a withdrawal with exact amount and UTC times, recording the call without credentials", async () => {
    const w = sandbox.create({
      amountSatang: 100010,
      accountName: "ลูกค้า ปลายทาง",
      orderedAt: new Date("2026-05-08T04:00:00Z"),
    });
    const read = await client.queryWithdrawal(w.platformOrderId, ctx);
    expect(read).toMatchObject({
      platformOrderId: w.platformOrderId,
      amountSatang: 100010,
      accountName: "ลูกค้า ปลายทาง",
      status: "open",
      doneAt: null,
    });
    expect(read.orderedAt.toISOString()).toBe("2026-05-08T04:00:00.000Z");

    sandbox.complete(w.platformOrderId, "success");
    const done = await client.queryWithdrawal(w.platformOrderId, ctx);
    expect(done.status).toBe("success");
    expect(done.doneAt).toBeInstanceOf(Date);

    const stored = JSON.stringify(await calls());
    expect(stored).not.toContain(SECRET);
    expect(stored).not.toContain(TOKEN);
    expect(stored).toContain('"token":"[redacted]"'.replace(/"/g, '\\"'));
  });

  it("refuses a malformed id before any call", async () => {
    await expect(client.queryWithdrawal("ABCW2026", ctx)).rejects.toBeInstanceOf(
      InvalidPlatformOrderIdError,
    );
    expect(await calls()).toHaveLength(0);
  });

  it("answers not-found for unknown ids and for another merchant's, without retrying", async () => {
    await expect(client.queryWithdrawal("ABCW20260508abc123XYZ456", ctx)).rejects.toBeInstanceOf(
      PayoutNotFoundError,
    );
    const foreign = [...sandbox.withdrawals.values()].find((w) => w.merchantId !== "IT00000001");
    await expect(
      client.queryWithdrawal(foreign?.platformOrderId ?? "", ctx),
    ).rejects.toBeInstanceOf(PayoutNotFoundError);
    expect((await calls()).map((c) => c.attempt)).toEqual([1, 1]);
  });

  it("is refused as unauthorized with a wrong secret, a wrong token, or a clock 400 s off", async () => {
    const id = sandbox.create().platformOrderId;
    for (const wrong of [
      makeClient({ secret: "x".repeat(40) }),
      makeClient({ token: "not-the-token" }),
      makeClient({ clock: () => Math.floor(Date.now() / 1000) - 400 }),
    ]) {
      await expect(wrong.queryWithdrawal(id, ctx)).rejects.toBeInstanceOf(
        UpstreamUnauthorizedError,
      );
    }
    // 250 s off is inside the gateway's window.
    const skewed = makeClient({ clock: () => Math.floor(Date.now() / 1000) + 250 });
    expect((await skewed.queryWithdrawal(id, ctx)).platformOrderId).toBe(id);
  });

  it("the gateway answers 400 invalid-inputs to a signed query with a malformed id, which maps to its own error", async () => {
    const body = withdrawQueryBody({
      merchantId: "IT00000001",
      token: TOKEN,
      time: Math.floor(Date.now() / 1000),
      platformOrderId: "NOT-AN-ID",
    });
    const res = await fetch(`${sandbox.baseUrl}/withdraw/query`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-signature": payoutSignature(SECRET, body) },
      body,
    });
    const answer = (await res.json()) as { code: number; message: string; success: boolean };
    expect([res.status, answer]).toEqual([
      400,
      { code: 400, message: "invalid-inputs", success: false },
    ]);
    expect(payoutRejection(answer.message, res.status, answer)).toBeInstanceOf(InvalidInputsError);
  });
});

describe("payout client under faults", () => {
  it("retries 5xx and malformed answers, then succeeds", async () => {
    const id = sandbox.create().platformOrderId;
    sandbox.faults.set([
      { op: "query", kind: "5xx", times: 1 },
      { op: "query", kind: "malformed", times: 1 },
    ]);
    expect((await client.queryWithdrawal(id, ctx)).platformOrderId).toBe(id);
    expect((await calls()).map((c) => c.errorCode)).toEqual([
      "UPSTREAM_SERVER_ERROR",
      "UPSTREAM_BAD_RESPONSE",
      null,
    ]);
  });

  it("fails cleanly when the gateway keeps failing or never answers", async () => {
    const id = sandbox.create().platformOrderId;
    sandbox.faults.set([{ op: "query", kind: "5xx" }]);
    await expect(client.queryWithdrawal(id, ctx)).rejects.toBeInstanceOf(UpstreamServerError);
    sandbox.faults.set([{ op: "query", kind: "malformed" }]);
    await expect(client.queryWithdrawal(id, ctx)).rejects.toBeInstanceOf(UpstreamBadResponseError);
    sandbox.faults.set([{ op: "query", kind: "timeout" }]);
    const started = Date.now();
    await expect(
      makeClient({ readRetry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 } }).queryWithdrawal(
        id,
        ctx,
      ),
    ).rejects.toBeInstanceOf(UpstreamTimeoutError);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe("payout sandbox callbacks", () => {
  it("sends signed callbacks on creation and completion that verify with the shared secret", async () => {
    const w = sandbox.create();
    sandbox.complete(w.platformOrderId, "failed");
    const mine = await waitFor(() => {
      const hits = hook.received.filter((r) => r.body.includes(w.platformOrderId));
      return hits.length >= 2 && hits;
    });
    for (const hit of mine) {
      expect(verifyPayoutSignature(SECRET, hit.body, hit.headers["x-signature"] as string)).toBe(
        true,
      );
      const body = JSON.parse(hit.body) as Record<string, unknown>;
      expect(body.merchant_id).toBe("IT00000001");
      expect(Math.abs(Number(body.time) - Date.now() / 1000)).toBeLessThan(5);
    }
    expect(mine.map((h) => (JSON.parse(h.body) as { status: string }).status)).toEqual([
      "open",
      "failed",
    ]);
  });
});
