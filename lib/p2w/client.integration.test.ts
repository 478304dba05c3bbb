import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import type { Db } from "@/db/client";
import { insertUpstreamCall } from "@/db/queries/upstream-calls";
import { upstreamCalls } from "@/db/schema";
import { startReceiver, waitFor } from "@/lib/testing/receiver";
import { tempDb } from "@/db/testing/temp-db";
import {
  OutcomeUnknownError,
  UpstreamBadResponseError,
  UpstreamNetworkError,
  UpstreamRejectedError,
  UpstreamServerError,
  UpstreamTimeoutError,
  UpstreamUnauthorizedError,
} from "@/lib/upstream/errors";
import { OTHER_PARTNER_ORDER_ID, type P2wSandbox, startP2wSandbox } from "@/sandbox/p2w";

import { type CreateOrderInput, P2wClient } from "./client";
import {
  InsufficientBalanceError,
  MissingFieldError,
  P2wNotFoundError,
  P2wForbiddenError,
  RefIdExistsError,
} from "./errors";

const SECRET = "p2w-integration-secret-0123456789abcdef";
const ctx = { actor: "user:1" };
let sandbox: P2wSandbox;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let db: Db;
let client: P2wClient;
let n = 0;

function makeClient(overrides: Partial<ConstructorParameters<typeof P2wClient>[0]> = {}) {
  return new P2wClient(
    {
      baseUrl: sandbox.baseUrl,
      partnerId: "PARTNER-IT",
      secret: SECRET,
      timeoutMs: 500,
      readRetry: { attempts: 3, baseDelayMs: 20, maxDelayMs: 100 },
      ...overrides,
    },
    (call) => insertUpstreamCall(db, call),
  );
}

function order(extra: Partial<CreateOrderInput> = {}): CreateOrderInput {
  n += 1;
  return {
    refId: `TU-IT-${Date.now()}-${n}`,
    packageId: "ROLTH_A01_P001",
    topupInfo: { gameid: "player-1", server: "1" },
    hookUrl: `${receiver.url}/hook?token=secret-hook-token`,
    ...extra,
  };
}

const calls = () => db.select().from(upstreamCalls);

beforeAll(async () => {
  receiver = await startReceiver([200]);
  sandbox = await startP2wSandbox({
    partnerId: "PARTNER-IT",
    secret: SECRET,
    processingAfterMs: 30,
    completeAfterMs: 80,
    failureRate: 0,
    callbackRetryDelaysMs: [50, 50, 50],
    quiet: true,
  });
});

afterAll(async () => {
  await sandbox.close();
  await receiver.close();
});

beforeEach(() => {
  db = tempDb();
  client = makeClient();
  sandbox.faults.set([]);
  sandbox.balanceSatang = 5_000_000;
});

describe("P2W client against the sandbox", () => {
  it("creates an order, reads it back, and records both calls without secrets", async () => {
    const input = order();
    const created = await client.createOrder(input, ctx);
    expect(created).toMatchObject({
      refId: input.refId,
      status: "pending",
      packageId: "ROLTH_A01_P001",
    });
    expect(created.orderId).toMatch(/^P2W\d{10}$/);

    const read = await client.getOrder(created.orderId, ctx);
    expect(read.refId).toBe(input.refId);

    const rows = await calls();
    expect(rows.map((r) => [r.operation, r.httpStatus, r.outcome, r.actor])).toEqual([
      ["create_order", 201, "ok", "user:1"],
      ["get_order", 200, "ok", "user:1"],
    ]);
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(SECRET);
    expect(stored).not.toContain("secret-hook-token");
    expect(stored).toContain("token=[redacted]");
  });

  it("moves the order to succeeded, spelled `successed`, and retries the callback until a 2xx", async () => {
    const flaky = await startReceiver([500, 200]);
    const created = await client.createOrder(
      order({ hookUrl: `${flaky.url}/hook?token=secret-hook-token` }),
      ctx,
    );
    const hits = await waitFor(() => flaky.received.length >= 2 && flaky.received);
    await flaky.close();
    const body = JSON.parse(hits[1]?.body ?? "{}") as Record<string, unknown>;
    expect(body).toMatchObject({ orderID: created.orderId, status: "successed", reason: "" });
    expect(typeof body.balance).toBe("number");
    expect(hits[0]?.path).toContain("token=secret-hook-token");
    expect((await client.getOrder(created.orderId, ctx)).status).toBe("succeeded");
  });

  it("fails orders whose game id says so, with a reason, and refunds the balance", async () => {
    const before = sandbox.balanceSatang;
    const created = await client.createOrder(
      order({ topupInfo: { gameid: "fail-me", server: "2" } }),
      ctx,
    );
    await waitFor(() => sandbox.orders.get(created.orderId)?.status === "failed");
    const final = await client.getOrder(created.orderId, ctx);
    expect(final.status).toBe("failed");
    expect(final.reason).toBeTruthy();
    expect(sandbox.balanceSatang).toBe(before);
  });

  it("refuses a reused refID with REF_ID_EXISTS", async () => {
    const input = order();
    await client.createOrder(input, ctx);
    await expect(client.createOrder(input, ctx)).rejects.toBeInstanceOf(RefIdExistsError);
  });

  it("refuses a missing or invalid required field with MISSING_FIELD", async () => {
    await expect(
      client.createOrder(order({ topupInfo: { gameid: "x" } }), ctx),
    ).rejects.toBeInstanceOf(MissingFieldError);
    const error = await client
      .createOrder(order({ topupInfo: { gameid: "x", server: "9" } }), ctx)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingFieldError);
    expect((error as MissingFieldError).message).toContain("server");
  });

  it("refuses an order the balance cannot pay with INSUFFICIENT_BALANCE", async () => {
    sandbox.balanceSatang = 5_000;
    await expect(client.createOrder(order(), ctx)).rejects.toBeInstanceOf(InsufficientBalanceError);
  });

  it("passes an undocumented code through as it came", async () => {
    const error = await client
      .createOrder(order({ packageId: "NO_SUCH_PACKAGE" }), ctx)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamRejectedError);
    expect((error as UpstreamRejectedError).code).toBe("PACKAGE_NOT_FOUND");
  });

  it("answers ORDER_NOT_FOUND and FORBIDDEN on reads without retrying them", async () => {
    await expect(client.getOrder("P2W0000000000", ctx)).rejects.toBeInstanceOf(P2wNotFoundError);
    await expect(client.getOrder(OTHER_PARTNER_ORDER_ID, ctx)).rejects.toBeInstanceOf(
      P2wForbiddenError,
    );
    expect((await calls()).map((r) => r.attempt)).toEqual([1, 1]);
  });

  it("reports a wrong secret as unauthorized, not as an order problem", async () => {
    const wrong = makeClient({ secret: "another-secret-0123456789abcdef0123" });
    await expect(wrong.createOrder(order(), ctx)).rejects.toBeInstanceOf(UpstreamUnauthorizedError);
    await expect(wrong.getOrder("P2W0000000001", ctx)).rejects.toBeInstanceOf(
      UpstreamUnauthorizedError,
    );
  });
});

describe("P2W client under faults", () => {
  it("a create that gets no answer is 'outcome unknown' within the configured time, sent once", async () => {
    sandbox.faults.set([{ op: "create", kind: "timeout" }]);
    const started = Date.now();
    const error = await client.createOrder(order(), ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect((error as OutcomeUnknownError).underlying).toBeInstanceOf(UpstreamTimeoutError);
    expect(Date.now() - started).toBeLessThan(1_500);
    expect((await calls()).filter((r) => r.operation === "create_order")).toHaveLength(1);
  });

  it("commit-then-reset on create is 'outcome unknown', not retried, and the order does exist", async () => {
    sandbox.faults.set([{ op: "create", kind: "reset_after_commit", times: 1 }]);
    const input = order();
    const error = await client.createOrder(input, ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect((error as OutcomeUnknownError).underlying).toBeInstanceOf(UpstreamNetworkError);
    expect([...sandbox.orders.values()].filter((o) => o.refID === input.refId)).toHaveLength(1);
    expect(await calls()).toHaveLength(1);
    // Re-sending proves existence but gives no orderID (docs/upstreams.md, P2W).
    await expect(client.createOrder(input, ctx)).rejects.toBeInstanceOf(RefIdExistsError);
  });

  it("a 5xx or an unreadable answer on create is 'outcome unknown'", async () => {
    sandbox.faults.set([{ op: "create", kind: "5xx", times: 1 }]);
    const a = await client.createOrder(order(), ctx).catch((e: unknown) => e);
    expect((a as OutcomeUnknownError).underlying).toBeInstanceOf(UpstreamServerError);
    sandbox.faults.set([{ op: "create", kind: "malformed", times: 1 }]);
    const b = await client.createOrder(order(), ctx).catch((e: unknown) => e);
    expect((b as OutcomeUnknownError).underlying).toBeInstanceOf(UpstreamBadResponseError);
    expect(await calls()).toHaveLength(2);
  });

  it("a refused connection is a plain network error: the order was certainly not sent", async () => {
    const gone = await startReceiver();
    await gone.close();
    const closed = makeClient({ baseUrl: `${gone.url}/api/v1` });
    const error = await closed.createOrder(order(), ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamNetworkError);
    expect((error as UpstreamNetworkError).requestSent).toBe(false);
  });

  it("retries a read through 5xx answers and succeeds", async () => {
    const created = await client.createOrder(order(), ctx);
    sandbox.faults.set([{ op: "get", kind: "5xx", times: 2 }]);
    const read = await client.getOrder(created.orderId, ctx);
    expect(read.orderId).toBe(created.orderId);
    const reads = (await calls()).filter((r) => r.operation === "get_order");
    expect(reads.map((r) => [r.attempt, r.httpStatus])).toEqual([
      [1, 500],
      [2, 500],
      [3, 200],
    ]);
  });

  it("fails a read cleanly when every attempt fails", async () => {
    sandbox.faults.set([{ op: "get", kind: "5xx" }]);
    await expect(client.getOrder("P2W0000000001", ctx)).rejects.toBeInstanceOf(UpstreamServerError);
    sandbox.faults.set([{ op: "get", kind: "malformed" }]);
    await expect(client.getOrder("P2W0000000001", ctx)).rejects.toBeInstanceOf(
      UpstreamBadResponseError,
    );
  });

  it("times a read out within attempts × timeout, then recovers when the upstream does", async () => {
    sandbox.faults.set([{ op: "get", kind: "timeout" }]);
    const started = Date.now();
    await expect(client.getOrder("P2W0000000001", ctx)).rejects.toBeInstanceOf(
      UpstreamTimeoutError,
    );
    expect(Date.now() - started).toBeLessThan(3 * 500 + 500);
    const created = await (sandbox.faults.set([]), client.createOrder(order(), ctx));
    sandbox.faults.set([{ op: "get", kind: "timeout", times: 1 }]);
    expect((await client.getOrder(created.orderId, ctx)).orderId).toBe(created.orderId);
  });

  it("waits out added latency when it is under the timeout", async () => {
    sandbox.faults.set([{ op: "create", kind: "latency", ms: 200 }]);
    await client.createOrder(order(), ctx);
    const [row] = await calls();
    expect(row?.durationMs).toBeGreaterThanOrEqual(190);
  });
});

describe("P2W sandbox callback faults", () => {
  // Other tests' orders finish in the background; their callbacks must not take these faults.
  beforeEach(async () => {
    await waitFor(() =>
      [...sandbox.orders.values()].every((o) => o.status === "succeeded" || o.status === "failed"),
    );
    await new Promise((r) => setTimeout(r, 300));
  });

  it("drops, duplicates and delays callbacks on request", async () => {
    const hook = await startReceiver([200]);
    try {
      sandbox.faults.set([{ op: "callback", kind: "drop", times: 1 }]);
      const dropped = await client.createOrder(order({ hookUrl: `${hook.url}/a` }), ctx);
      await waitFor(() => sandbox.orders.get(dropped.orderId)?.status === "succeeded");
      sandbox.faults.set([{ op: "callback", kind: "duplicate", times: 1 }]);
      const duplicated = await client.createOrder(order({ hookUrl: `${hook.url}/b` }), ctx);
      await waitFor(() => hook.received.filter((r) => r.path === "/b").length === 2);
      sandbox.faults.set([{ op: "callback", kind: "delay", ms: 300, times: 1 }]);
      const delayed = await client.createOrder(order({ hookUrl: `${hook.url}/c` }), ctx);
      await waitFor(() => sandbox.orders.get(delayed.orderId)?.status === "succeeded");
      const doneAt = Date.now();
      const arrival = await waitFor(() => hook.received.find((r) => r.path === "/c"));
      expect(arrival.at - doneAt).toBeGreaterThanOrEqual(250);
      expect(hook.received.filter((r) => r.path === "/a")).toHaveLength(0);
      expect(
        hook.received
          .filter((r) => r.path === "/b")
          .every((r) => r.body.includes(duplicated.orderId)),
      ).toBe(true);
    } finally {
      await hook.close();
    }
  });

  it("reorders callbacks: a held one arrives after the next", async () => {
    const hook = await startReceiver([200]);
    try {
      sandbox.faults.set([{ op: "callback", kind: "reorder", times: 1 }]);
      const first = await client.createOrder(order({ hookUrl: `${hook.url}/first` }), ctx);
      await waitFor(() => sandbox.orders.get(first.orderId)?.status === "succeeded");
      await client.createOrder(order({ hookUrl: `${hook.url}/second` }), ctx);
      await waitFor(() => hook.received.length === 2);
      expect(hook.received.map((r) => r.path)).toEqual(["/second", "/first"]);
    } finally {
      await hook.close();
    }
  });
});
