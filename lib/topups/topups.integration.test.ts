import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import type { Db } from "@/db/client";
import { listCallbacksFor } from "@/db/queries/callbacks";
import { listHistory } from "@/db/queries/history";
import { acquireLease } from "@/db/queries/leases";
import { getTopup, updateTopupAtomically } from "@/db/queries/topups";
import { insertUpstreamCall } from "@/db/queries/upstream-calls";
import { upstreamCalls, type UserRow } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { hookToken } from "@/lib/p2w/hook-token";
import { P2wClient } from "@/lib/p2w/client";
import { reconcileTopups } from "@/lib/reconciler/reconcile-topups";
import { GIVE_UP_AFTER_MS } from "@/lib/reconciler/schedule";
import { seedCatalog, seedUser } from "@/lib/testing/fixtures";
import { waitFor } from "@/lib/testing/receiver";
import { tempDb } from "@/lib/testing/temp-db";
import { type P2wSandbox, startP2wSandbox } from "@/sandbox/p2w";

import { createTopup } from "./create-topup";
import type { TopupDeps } from "./deps";
import { processP2wCallback, receiveP2wCallback } from "./p2w-callback";
import { requeryTopup } from "./requery-topup";

const SECRET = "p2w-topups-it-secret-0123456789abcdef";
const WEBHOOK_SECRET = "webhook-topups-it-secret-0123456789abc";
let sandbox: P2wSandbox;
let db: Db;
let deps: TopupDeps;
let support: UserRow;
let person: { id: number; email: string; ip: string };
let webhook: { url: string; close: () => Promise<void> };

/** The webhook route's behaviour, over real HTTP: verify + store, answer, then process. */
async function startWebhook() {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const token = new URL(req.url ?? "/", "http://x").searchParams.get("token");
      void receiveP2wCallback(deps.db, {
        rawBody: Buffer.concat(chunks).toString(),
        token,
        ip: "127.0.0.1",
        webhookSecret: WEBHOOK_SECRET,
      }).then((receipt) => {
        res.writeHead(receipt.status).end();
        if (receipt.status === 200) void processP2wCallback(deps, receipt.callbackId);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

async function postCallback(
  body: Record<string, unknown>,
  token = hookToken(WEBHOOK_SECRET, String(body.refID)),
) {
  const res = await fetch(`${webhook.url}/api/webhooks/p2w?token=${token}`, {
    method: "POST",
    body: JSON.stringify(body),
  });
  return res.status;
}

const order = (extra: Record<string, unknown> = {}) => ({
  packageId: "ROLTH_A01_P001",
  topupInfo: { gameid: "player-42", server: "1" },
  ...extra,
});

beforeAll(async () => {
  sandbox = await startP2wSandbox({
    partnerId: "PARTNER-TU",
    secret: SECRET,
    processingAfterMs: 20,
    completeAfterMs: 60,
    failureRate: 0,
    callbackRetryDelaysMs: [50, 100],
    quiet: true,
  });
  webhook = await startWebhook();
});

afterAll(async () => {
  await sandbox.close();
  await webhook.close();
});

beforeEach(async () => {
  db = tempDb();
  await seedCatalog(db);
  support = await seedUser(db, "support");
  person = { id: support.id, email: support.email, ip: "10.0.0.5" };
  sandbox.faults.set([]);
  sandbox.config.completeAfterMs = 60;
  sandbox.balanceSatang = 5_000_000;
  const p2w = new P2wClient(
    {
      baseUrl: sandbox.baseUrl,
      partnerId: "PARTNER-TU",
      secret: SECRET,
      timeoutMs: 400,
      readRetry: { attempts: 2, baseDelayMs: 10, maxDelayMs: 20 },
    },
    (call) => insertUpstreamCall(db, call),
  );
  deps = { db, p2w, appUrl: webhook.url, webhookSecret: WEBHOOK_SECRET, confirmCallbacks: true };
});

const upstreamOrdersFor = (refId: string) =>
  [...sandbox.orders.values()].filter((o) => o.refID === refId);

describe("create", () => {
  it("stores the order before the call, then follows it to succeeded through a confirmed callback", async () => {
    const { topup, created } = await createTopup(deps, person, order());
    expect(created).toBe(true);
    expect(topup.status).toBe("pending");
    expect(topup.refId).toMatch(/^TU-[0-9A-HJKMNP-TV-Z]{26}$/);
    const done = await waitFor(async () => {
      const row = await getTopup(db, topup.refId);
      return row?.status === "succeeded" ? row : undefined;
    });
    expect(done.completedAt).toBeInstanceOf(Date);
    const history = await listHistory(db, "topup", topup.refId);
    expect(history.map((h) => [h.source, h.fromStatus, h.toStatus, h.kind])).toEqual([
      ["create", null, "submitting", "applied"],
      ["create", "submitting", "pending", "applied"],
      ["callback", "pending", "succeeded", "applied"],
    ]);
    expect(history[2]?.details).toMatchObject({
      confirmedBy: "requery",
      callbackStatus: "successed",
    });
  });

  it("makes one upstream order from five concurrent submissions with one key", async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        createTopup(deps, person, order({ idempotencyKey: "key-double-click" })),
      ),
    );
    const refIds = new Set(results.map((r) => r.topup.refId));
    expect(refIds.size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(upstreamOrdersFor([...refIds][0] ?? "")).toHaveLength(1);
    expect(
      (await db.select().from(upstreamCalls)).filter((c) => c.operation === "create_order"),
    ).toHaveLength(1);
  });

  it("refuses the same key for a different order, changing nothing", async () => {
    await createTopup(deps, person, order({ idempotencyKey: "key-1" }));
    const error = await createTopup(
      deps,
      person,
      order({ idempotencyKey: "key-1", topupInfo: { gameid: "other", server: "1" } }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("IDEMPOTENCY_KEY_REUSED");
  });

  it("refuses bad fields before anything is stored or sent", async () => {
    for (const [info, code] of [
      [{ gameid: "x" }, "FIELD_REQUIRED"],
      [{ gameid: "x", server: "7" }, "FIELD_INVALID_OPTION"],
      [{ gameid: "x", server: "1", extra: "y" }, "FIELD_UNKNOWN"],
    ] as const) {
      const error = await createTopup(deps, person, order({ topupInfo: info })).catch(
        (e: unknown) => e,
      );
      expect((error as AppError).code).toBe(code);
    }
    await expect(
      createTopup(
        deps,
        person,
        order({ packageId: "VALO_TH_VP1000", topupInfo: { riotid: "a#b" } }),
      ),
    ).rejects.toMatchObject({
      code: "PACKAGE_INACTIVE",
    });
    expect(await db.select().from(upstreamCalls)).toHaveLength(0);
  });

  it("shows INSUFFICIENT_BALANCE with the last known balance, and the order is failed, not pending", async () => {
    await createTopup(deps, person, order());
    await waitFor(async () => (await db.query.balanceSnapshots.findFirst()) ?? undefined);
    sandbox.balanceSatang = 100;
    const result = await createTopup(deps, person, order());
    expect(result.error?.code).toBe("INSUFFICIENT_BALANCE");
    expect(result.error?.params.balance).toMatch(/^฿[\d,]+\.\d\d$/);
    expect(result.topup).toMatchObject({
      status: "failed",
      reason: "INSUFFICIENT_BALANCE",
      nextCheckAt: null,
    });
  });

  it("an ambiguous create is unknown, never re-sent, and a callback matched by refID resolves it", async () => {
    sandbox.faults.set([{ op: "create", kind: "reset_after_commit", times: 1 }]);
    const { topup } = await createTopup(deps, person, order());
    expect(topup).toMatchObject({
      status: "unknown",
      orderId: null,
      needsReview: "unknown_outcome",
    });
    const resolved = await waitFor(async () => {
      const row = await getTopup(db, topup.refId);
      return row?.status === "succeeded" ? row : undefined;
    });
    expect(resolved.orderId).toBe(upstreamOrdersFor(topup.refId)[0]?.orderID);
    expect(resolved.needsReview).toBeNull();
    expect(upstreamOrdersFor(topup.refId)).toHaveLength(1);
    expect(
      (await db.select().from(upstreamCalls)).filter((c) => c.operation === "create_order"),
    ).toHaveLength(1);
  });
});

describe("callbacks", () => {
  it("applies a duplicated callback once", async () => {
    sandbox.faults.set([{ op: "callback", kind: "duplicate", times: 1 }]);
    const { topup } = await createTopup(deps, person, order());
    await waitFor(
      async () => (await listCallbacksFor(db, [topup.refId])).length === 2 || undefined,
    );
    const results = await waitFor(async () => {
      const rows = await listCallbacksFor(db, [topup.refId]);
      return rows.every((r) => r.result !== "received") && rows.map((r) => r.result).sort();
    });
    expect(results).toEqual(["applied", "duplicate"]);
    expect(
      (await listHistory(db, "topup", topup.refId)).filter((h) => h.source === "callback"),
    ).toHaveLength(1);
  });

  it("refuses a forged callback with 401 and changes nothing", async () => {
    sandbox.config.completeAfterMs = 60_000;
    const { topup } = await createTopup(deps, person, order());
    const body = {
      orderID: topup.orderId,
      refID: topup.refId,
      status: "successed",
      balance: 1,
      reason: "",
    };
    expect(await postCallback(body, hookToken("wrong-secret", topup.refId))).toBe(401);
    expect(await postCallback(body, "")).toBe(401);
    const other = await createTopup(deps, person, order());
    expect(await postCallback(body, hookToken(WEBHOOK_SECRET, other.topup.refId))).toBe(401);
    expect((await getTopup(db, topup.refId))?.status).toBe("pending");
    const stored = await listCallbacksFor(db, [topup.refId]);
    expect(stored.map((c) => [c.verification, c.result])).toEqual([
      ["bad_token", "rejected"],
      ["bad_token", "rejected"],
      ["bad_token", "rejected"],
    ]);
  });

  it("confirms a final status by re-query: a false `failed` hint does not fail a succeeded order", async () => {
    const { topup } = await createTopup(deps, person, order());
    await waitFor(
      async () => (await getTopup(db, topup.refId))?.status === "succeeded" || undefined,
    );
    expect(
      await postCallback({
        orderID: topup.orderId,
        refID: topup.refId,
        status: "failed",
        balance: 1,
        reason: "x",
      }),
    ).toBe(200);
    await waitFor(
      async () =>
        (await listCallbacksFor(db, [topup.refId])).some((c) => c.result === "unchanged") ||
        undefined,
    );
    expect(await getTopup(db, topup.refId)).toMatchObject({
      status: "succeeded",
      needsReview: null,
    });
  });

  it("without confirmation, records a contradiction of a final state as a conflict and a late report as stale", async () => {
    deps = { ...deps, confirmCallbacks: false };
    const { topup } = await createTopup(deps, person, order());
    await waitFor(
      async () => (await getTopup(db, topup.refId))?.status === "succeeded" || undefined,
    );
    await postCallback({
      orderID: topup.orderId,
      refID: topup.refId,
      status: "processing",
      balance: 1,
      reason: "",
    });
    await postCallback({
      orderID: topup.orderId,
      refID: topup.refId,
      status: "failed",
      balance: 1,
      reason: "late",
    });
    const kinds = await waitFor(async () => {
      const h = await listHistory(db, "topup", topup.refId);
      return h.length >= 5 && h.slice(3).map((e) => [e.kind, e.toStatus]);
    });
    expect(kinds).toEqual([
      ["stale", "processing"],
      ["conflict", "failed"],
    ]);
    expect(await getTopup(db, topup.refId)).toMatchObject({
      status: "succeeded",
      needsReview: "conflict",
    });
  });

  it("records an unknown status word as an anomaly without applying it", async () => {
    sandbox.config.completeAfterMs = 60_000;
    deps = { ...deps, confirmCallbacks: false };
    const { topup } = await createTopup(deps, person, order());
    await postCallback({
      orderID: topup.orderId,
      refID: topup.refId,
      status: "refunded",
      balance: 1,
      reason: "",
    });
    const row = await waitFor(async () => {
      const r = await getTopup(db, topup.refId);
      return r?.needsReview === "anomaly" ? r : undefined;
    });
    expect(row.status).toBe("pending");
  });
});

describe("re-query and reconciler", () => {
  it("re-query applies the upstream's answer; an order without orderID cannot be re-queried", async () => {
    sandbox.faults.set([{ op: "callback", kind: "drop" }]);
    const { topup } = await createTopup(deps, person, order());
    await waitFor(() => upstreamOrdersFor(topup.refId)[0]?.status === "succeeded" || undefined);
    const after = await requeryTopup(deps, topup.refId, { actor: "user:1", source: "requery" });
    expect(after.status).toBe("succeeded");

    sandbox.faults.set([{ op: "create", kind: "timeout", times: 1 }]);
    const unknown = await createTopup(deps, person, order());
    expect(unknown.topup.status).toBe("unknown");
    await expect(
      requeryTopup(deps, unknown.topup.refId, { actor: "user:1", source: "requery" }),
    ).rejects.toMatchObject({
      code: "NO_ORDER_ID",
    });
  });

  it("converges when every callback is dropped", async () => {
    sandbox.faults.set([{ op: "callback", kind: "drop" }]);
    const created = await Promise.all([1, 2, 3].map(() => createTopup(deps, person, order())));
    await waitFor(
      () =>
        created.every((c) => upstreamOrdersFor(c.topup.refId)[0]?.status === "succeeded") ||
        undefined,
    );
    const later = new Date(Date.now() + 3 * 60_000);
    const summary = await reconcileTopups(deps, later);
    expect(summary.checked).toBe(3);
    for (const c of created) {
      const row = await getTopup(db, c.topup.refId);
      expect(row).toMatchObject({ status: "succeeded", nextCheckAt: null });
      const last = (await listHistory(db, "topup", c.topup.refId)).at(-1);
      expect([last?.source, last?.actor]).toEqual(["reconciler", "system:reconciler"]);
    }
  });

  it("reschedules with growing gaps and marks an order stuck after 24 hours", async () => {
    sandbox.config.completeAfterMs = 3_600_000;
    sandbox.faults.set([{ op: "callback", kind: "drop" }]);
    const { topup } = await createTopup(deps, person, order());
    await reconcileTopups(deps, new Date(Date.now() + 3 * 60_000));
    const once = await getTopup(db, topup.refId);
    expect(once?.reconcileAttempts).toBe(1);
    const gap = (once?.nextCheckAt?.getTime() ?? 0) - (Date.now() + 3 * 60_000);
    expect(gap).toBeGreaterThan(3.5 * 60_000);
    expect(gap).toBeLessThan(6.5 * 60_000);

    await reconcileTopups(deps, new Date(topup.createdAt.getTime() + GIVE_UP_AFTER_MS + 60_000));
    const stuck = await getTopup(db, topup.refId);
    expect(stuck).toMatchObject({ needsReview: "stuck", nextCheckAt: null, completedAt: null });
    expect(["pending", "processing"]).toContain(stuck?.status);
  });

  it("turns a `submitting` order whose create never finished into unknown, without sending it", async () => {
    const { topup } = await createTopup(deps, person, order());
    await updateTopupAtomically(db, topup.refId, () => ({
      result: "test",
      update: { status: "submitting", orderId: null, nextCheckAt: new Date() },
    }));
    await reconcileTopups(deps, new Date(Date.now() + 3 * 60_000));
    expect(await getTopup(db, topup.refId)).toMatchObject({
      status: "unknown",
      needsReview: "unknown_outcome",
    });
    expect(upstreamOrdersFor(topup.refId)).toHaveLength(1);
  });

  it("lets only one process hold the reconciler lease until it expires", async () => {
    expect(await acquireLease(db, "reconciler", "a", 1_000, 10_000)).toBe(true);
    expect(await acquireLease(db, "reconciler", "b", 1_000, 10_500)).toBe(false);
    expect(await acquireLease(db, "reconciler", "a", 1_000, 10_900)).toBe(true);
    expect(await acquireLease(db, "reconciler", "b", 1_000, 12_000)).toBe(true);
  });
});
