import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { type Db, withTx } from "@/db/client";
import { listCallbacksFor } from "@/db/queries/callbacks";
import { listHistory } from "@/db/queries/history";
import { getWithdrawal } from "@/db/queries/withdrawals";
import { listUnprocessedCallbacks } from "@/db/queries/callbacks";
import {
  appliedEvents,
  callbacks,
  reviewItems,
  statusHistory,
  upstreamCalls,
  withdrawals,
} from "@/db/schema";
import { payoutSignature } from "@/lib/payout/signing";
import { reconcileWithdrawals } from "@/lib/reconciler/reconcile-withdrawals";
import { localIntake, receiver, webhookHandler } from "@/lib/callbacks/webhook";
import { waitFor } from "@/lib/testing/receiver";
import { serveHandler } from "@/lib/testing/serve-handler";
import { CallbackWorker } from "@/lib/callbacks/worker";
import { tempDb } from "@/db/testing/temp-db";
import { type PayoutSandbox } from "@/sandbox/payout";
import { sandboxPayoutClient, startMerchantSandbox } from "@/lib/testing/payout-client";

import type { WithdrawalDeps } from "./deps";
import { lookupWithdrawals } from "./lookup";
import { payoutWebhook } from "./payout-callback";
import { splitIds } from "./split-ids";

const SECRET = "payout-withdrawals-it-secret-0123456789";
const TOKEN = "payout-withdrawals-it-token";
const MERCHANT = "WD00000001";
let sandbox: PayoutSandbox;
let db: Db;
let deps: WithdrawalDeps;
let webhookUrl = "";
let closeWebhook: () => Promise<void>;
let worker: CallbackWorker;

beforeAll(async () => {
  // The real webhook route's handler, served over HTTP, with this test's deps.
  worker = new CallbackWorker(() => deps.db, {
    payout: (id) => payoutWebhook.process(deps, id),
  });
  const webhook = await serveHandler(
    webhookHandler("payout", () =>
      localIntake({ payout: receiver(payoutWebhook, () => deps) }, worker),
    ),
  );
  webhookUrl = `${webhook.url}/api/webhooks/payout`;
  closeWebhook = webhook.close;
  sandbox = await startMerchantSandbox(
    { merchantId: MERCHANT, token: TOKEN, secret: SECRET },
    { webhookUrl, seedCount: 3 },
  );
});

afterAll(async () => {
  await worker.stop();
  await sandbox.close();
  await closeWebhook();
});

beforeEach(() => {
  db = tempDb();
  sandbox.faults.set([]);
  const payout = sandboxPayoutClient(
    sandbox.baseUrl,
    { merchantId: MERCHANT, token: TOKEN, secret: SECRET },
    db,
    { readRetry: { attempts: 2, baseDelayMs: 10, maxDelayMs: 20 } },
  );
  deps = { db, payout, secret: SECRET, merchantId: MERCHANT, confirmCallbacks: true };
  // Started once the first test's database exists (its liveness lease is written there).
  worker.start();
});

async function post(body: Record<string, unknown>, sign = SECRET) {
  const text = JSON.stringify(body);
  const res = await fetch(webhookUrl, {
    method: "POST",
    body: text,
    headers: { "x-signature": payoutSignature(sign, text) },
  });
  return res.status;
}

const callbackBody = (id: string, extra: Record<string, unknown> = {}) => ({
  merchant_id: MERCHANT,
  time: Math.floor(Date.now() / 1000),
  platform_order_id: id,
  merchant_order_id: "PAYOUT-X",
  status: "open",
  amount: 1000.1,
  bank: "KBANK",
  account_no: "1234567890",
  account_name: "ลูกค้า ปลายทาง",
  order_datetime: "2026-05-08 11:00:00",
  done_datetime: null,
  ...extra,
});

describe("look-up", () => {
  it("splits pasted text and reports each id: found and stored, not found, invalid", async () => {
    const known = [...sandbox.withdrawals.values()].find((w) => w.merchantId === MERCHANT);
    const text = `${known?.platformOrderId}\n ABCW20260508abc123XYZ456 , not-an-id;${known?.platformOrderId}`;
    const ids = splitIds(text);
    expect(ids).toHaveLength(3);
    const results = await lookupWithdrawals(deps, ids, "user:9");
    expect(results.map((r) => [r.platformOrderId, r.ok, r.outcome])).toEqual([
      [known?.platformOrderId, true, "found"],
      ["ABCW20260508abc123XYZ456", false, "not_found"],
      ["not-an-id", false, "not_held"],
    ]);
    expect((await getWithdrawal(db, known?.platformOrderId ?? ""))?.amountSatang).toBe(
      known?.amountSatang,
    );
    // The id we hold no withdrawal for never reached the gateway.
    expect((await db.select().from(upstreamCalls)).map((c) => c.targetId).sort()).toEqual(
      [known?.platformOrderId, "ABCW20260508abc123XYZ456"].sort(),
    );

    // Now held: its merchant order id finds it, asked again by its platform order id.
    const merchantId = (await getWithdrawal(db, known?.platformOrderId ?? ""))?.merchantOrderId;
    const again = await lookupWithdrawals(deps, [merchantId ?? "", "ไม่ใช่เลข"], "user:9");
    expect(again.map((r) => [r.pasted, r.platformOrderId, r.outcome])).toEqual([
      [merchantId, known?.platformOrderId, "found"],
      ["ไม่ใช่เลข", "ไม่ใช่เลข", "invalid"],
    ]);
    expect(await db.$count(upstreamCalls)).toBe(3);
  });

  it("answers our record, marked so and with its age, for an order the gateway does not know", async () => {
    const ordered = new Date(Date.now() - 3 * 3_600_000);
    await withTx(db, (tx) =>
      tx.insert(withdrawals).values({
        platformOrderId: "ABCW20260508HELD00000001",
        merchantOrderId: "PAYOUT-HELD-1",
        bank: "KBANK",
        accountNo: "1234567890",
        accountName: "ลูกค้า ปลายทาง",
        amountSatang: 50_000,
        status: "open",
        orderedAt: ordered,
        createdAt: ordered,
        updatedAt: ordered,
      }),
    );
    const results = await lookupWithdrawals(
      deps,
      ["ABCW20260508HELD00000001", "PAYOUT-HELD-1"],
      "user:9",
    );
    for (const result of results) {
      expect(result).toMatchObject({
        outcome: "held_unknown",
        code: "HELD_UNKNOWN_TO_GATEWAY",
        platformOrderId: "ABCW20260508HELD00000001",
      });
      expect(result.withdrawal?.updatedAt).toEqual(ordered);
    }
    // Both were asked (by the platform id), and our record is unchanged.
    expect(await db.$count(upstreamCalls)).toBe(2);
    expect((await getWithdrawal(db, "ABCW20260508HELD00000001"))?.status).toBe("open");
  });

  it("refuses more than 200 ids", async () => {
    await expect(
      lookupWithdrawals(
        deps,
        Array.from({ length: 201 }, (_, i) => `x${i}`),
        "user:9",
      ),
    ).rejects.toMatchObject({
      code: "TOO_MANY_IDS",
    });
  });
});

describe("payout callbacks", () => {
  it("stores exact amounts and UTC times from the gateway's callbacks, confirmed by query", async () => {
    const w = sandbox.create({
      amountSatang: 100010,
      orderedAt: new Date("2026-05-08T04:00:00Z"),
      accountName: "สมหญิง รุ่งเรือง",
    });
    const row = await waitFor(() => getWithdrawal(db, w.platformOrderId));
    expect(row).toMatchObject({
      amountSatang: 100010,
      status: "open",
      accountName: "สมหญิง รุ่งเรือง",
    });
    expect(row.orderedAt.toISOString()).toBe("2026-05-08T04:00:00.000Z");
    sandbox.complete(w.platformOrderId, "success");
    const done = await waitFor(async () => {
      const r = await getWithdrawal(db, w.platformOrderId);
      return r?.status === "success" ? r : undefined;
    });
    expect(done.doneAt).toBeInstanceOf(Date);
    const history = await listHistory(db, "withdrawal", w.platformOrderId);
    expect(history.map((h) => [h.fromStatus, h.toStatus, h.kind])).toEqual([
      [null, "open", "applied"],
      ["open", "success", "applied"],
    ]);
    expect(history[1]?.details).toMatchObject({ confirmedBy: "requery" });
  });

  it("refuses a forged signature, another merchant and a stale time with 401, changing nothing", async () => {
    const id = "ZZZW20260508AAAAAAAAAAAA";
    expect(await post(callbackBody(id), "not-the-secret-0123456789012345678")).toBe(401);
    expect(await post(callbackBody(id, { merchant_id: "XX00000000" }))).toBe(401);
    expect(await post(callbackBody(id, { time: Math.floor(Date.now() / 1000) - 301 }))).toBe(401);
    expect(await post(callbackBody(id, { time: Math.floor(Date.now() / 1000) + 301 }))).toBe(401);
    expect(await db.select().from(withdrawals)).toEqual([]);
    const log = await db.select().from(callbacks).orderBy(asc(callbacks.id));
    expect(log.map((c) => c.verification)).toEqual([
      "bad_signature",
      "bad_merchant",
      "stale_time",
      "stale_time",
    ]);
  });

  it("refuses a signed body whose id the gateway never issues, storing it as refused", async () => {
    for (const bad of ["../../etc/passwd", "ZZZW20261399AAAAAAAAAAAA", "x".repeat(500)]) {
      const text = JSON.stringify(callbackBody(bad, { status: "success" }));
      const res = await fetch(webhookUrl, {
        method: "POST",
        body: text,
        headers: { "x-signature": payoutSignature(SECRET, text) },
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({
        success: false,
        error: { code: "VALIDATION" },
      });
    }
    const log = await db.select().from(callbacks).where(eq(callbacks.verification, "bad_body"));
    expect(log).toHaveLength(3);
    expect(
      log.every((c) => c.result === "rejected" && c.detail === "invalid platform_order_id"),
    ).toBe(true);
    expect(await db.select().from(withdrawals)).toEqual([]);
    expect(await db.select().from(statusHistory)).toEqual([]);
    // Nothing is left for the sweep to retry.
    expect(await listUnprocessedCallbacks(db, new Date(Date.now() + 60_000), 10)).toEqual([]);
  });

  it("a signed report in a status we do not know, about a withdrawal we do not hold, writes no history", async () => {
    const id = "ZZZW20260508UNKNOWNSTAT1";
    expect(await post(callbackBody(id, { status: "teleported" }))).toBe(200);
    const [callback] = await waitFor(async () => {
      const rows = await listCallbacksFor(db, [id]);
      return rows.length === 1 && rows[0]?.processedAt ? rows : undefined;
    });
    expect(callback).toMatchObject({ verification: "ok", result: "unmatched" });
    expect(await db.select().from(withdrawals)).toEqual([]);
    expect(await db.select().from(statusHistory)).toEqual([]);
    expect(await db.select().from(reviewItems)).toEqual([]);
    expect(await db.select().from(appliedEvents)).toEqual([]);
  });

  it("a success the gateway's query contradicts does not block the real one", async () => {
    const w = sandbox.create(
      {
        amountSatang: 100010,
        orderedAt: new Date("2026-05-08T04:00:00Z"),
        accountName: "สมหญิง รุ่งเรือง",
      },
      false,
    );
    const early = {
      merchant_id: MERCHANT,
      time: Math.floor(Date.now() / 1000),
      platform_order_id: w.platformOrderId,
      merchant_order_id: w.merchantOrderId,
      status: "success",
      amount: 1000.1,
      bank: w.bank,
      account_no: w.accountNo,
      account_name: w.accountName,
      order_datetime: "2026-05-08 11:00:00",
      done_datetime: "2026-05-08 11:05:00",
    };
    // The gateway still says open: kept as evidence, the withdrawal stays open.
    expect(await post(early)).toBe(200);
    const contradicted = await waitFor(async () =>
      (await listCallbacksFor(db, [w.platformOrderId])).find((c) => c.result === "contradicted"),
    );
    expect(contradicted.detail).toMatch(/callback said success, the upstream says open/);
    expect((await getWithdrawal(db, w.platformOrderId))?.status).toBe("open");

    // The gateway really pays it and reports success with the same details: applied.
    sandbox.complete(w.platformOrderId, "success");
    await waitFor(
      async () => (await getWithdrawal(db, w.platformOrderId))?.status === "success" || undefined,
      3_000,
    );
    const results = (await listCallbacksFor(db, [w.platformOrderId])).map((c) => c.result);
    expect(results.sort()).toEqual(["applied", "contradicted"]);
  });

  it("de-duplicates and ignores a late `open` after the final status", async () => {
    deps = { ...deps, confirmCallbacks: false };
    const id = "DUPW20260508BBBBBBBBBBBB";
    expect(
      await post(callbackBody(id, { status: "success", done_datetime: "2026-05-08 11:00:42" })),
    ).toBe(200);
    expect(
      await post(callbackBody(id, { status: "success", done_datetime: "2026-05-08 11:00:42" })),
    ).toBe(200);
    expect(await post(callbackBody(id))).toBe(200);
    const results = await waitFor(async () => {
      const rows = await listCallbacksFor(db, [id]);
      return (
        rows.length === 3 &&
        rows.every((r) => r.result !== "received") &&
        rows.map((r) => r.result).sort()
      );
    });
    expect(results).toEqual(["applied", "duplicate", "stale"]);
    expect(await getWithdrawal(db, id)).toMatchObject({ status: "success", amountSatang: 100010 });
    expect((await getWithdrawal(db, id))?.doneAt?.toISOString()).toBe("2026-05-08T04:00:42.000Z");
  });

  it("records a contradicting final status as a conflict and a changed amount as an anomaly", async () => {
    deps = { ...deps, confirmCallbacks: false };
    const id = "CONW20260508CCCCCCCCCCCC";
    await post(callbackBody(id, { status: "success", done_datetime: "2026-05-08 11:00:42" }));
    await waitFor(() => getWithdrawal(db, id));
    await post(callbackBody(id, { status: "failed", done_datetime: "2026-05-08 11:00:42" }));
    await waitFor(
      async () => (await getWithdrawal(db, id))?.needsReview === "conflict" || undefined,
    );
    await post(
      callbackBody(id, { status: "success", amount: 1000.2, done_datetime: "2026-05-08 11:00:42" }),
    );
    const kinds = await waitFor(async () => {
      const h = await listHistory(db, "withdrawal", id);
      return h.length === 3 && h.map((e) => e.kind);
    });
    expect(kinds).toEqual(["applied", "conflict", "anomaly"]);
    expect(await getWithdrawal(db, id)).toMatchObject({ status: "success", amountSatang: 100010 });
  });

  it("converges through the reconciler when the final callback is dropped", async () => {
    const w = sandbox.create();
    await waitFor(() => getWithdrawal(db, w.platformOrderId));
    sandbox.faults.set([{ op: "callback", kind: "drop" }]);
    sandbox.complete(w.platformOrderId, "failed");
    // The gateway swallowed the final callback (it was never sent): only a re-query can tell.
    expect(sandbox.callbacks.dropped).toEqual([`${w.platformOrderId}:failed`]);
    expect((await getWithdrawal(db, w.platformOrderId))?.status).toBe("open");
    const summary = await reconcileWithdrawals(deps, new Date(Date.now() + 3 * 60_000));
    expect(summary.outcomes.failed).toBe(1);
    expect(await getWithdrawal(db, w.platformOrderId)).toMatchObject({
      status: "failed",
      nextCheckAt: null,
    });
    expect((await listHistory(db, "withdrawal", w.platformOrderId)).at(-1)).toMatchObject({
      source: "reconciler",
    });
  });
});
