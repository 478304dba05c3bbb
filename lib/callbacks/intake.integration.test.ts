import { createServer } from "node:http";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { withTx } from "@/db/client";
import { dialect } from "@/db/dialect";
import { listCallbacksFor } from "@/db/queries/callbacks";
import { callbacks } from "@/db/schema";
import { tempDb } from "@/db/testing/temp-db";
import { hookToken } from "@/lib/p2w/hook-token";
import { P2wClient } from "@/lib/p2w/client";
import { freePort } from "@/lib/testing/free-port";
import { p2wWebhook } from "@/lib/topups/p2w-callback";
import type { TopupDeps } from "@/lib/topups/deps";

import { callbackRequestHandler, listenForCallbacks } from "./intake";
import { type CallbackIntake, localIntake, receiver } from "./webhook";

const SECRET = "intake-listener-test-secret-0123456789";
const db = tempDb();
const deps: TopupDeps = {
  db,
  // Never called: the listener only verifies and stores; processing is the worker's.
  p2w: new P2wClient(
    { baseUrl: "http://127.0.0.1:9", partnerId: "P", secret: "s", timeoutMs: 100 },
    async () => {},
  ),
  callbackUrl: "http://localhost",
  webhookSecret: SECRET,
  confirmCallbacks: false,
};
let stored = 0;
let base = "";

beforeAll(async () => {
  const port = await freePort();
  listenForCallbacks(
    port,
    localIntake({ p2w: receiver(p2wWebhook, () => deps) }, { wake: () => void stored++ }),
    "127.0.0.1",
  );
  base = `http://127.0.0.1:${port}`;
  // Listening once it answers.
  for (let i = 0; i < 50; i++) {
    if (
      await fetch(`${base}/`).then(
        () => true,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 20));
  }
});

afterAll(() => db.$store.close());

const post = (path: string, body: string) =>
  fetch(`${base}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
  });

describe("the callbacks' own listener", () => {
  it("verifies, stores and acknowledges a P2W callback as the dashboard's route does", async () => {
    const refId = "TU-INTAKE-1";
    const body = JSON.stringify({
      orderID: "P2W-1",
      refID: refId,
      status: "successed",
      balance: 5,
    });
    const res = await post(`/api/webhooks/p2w?token=${hookToken(SECRET, refId)}`, body);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ success: true });
    const [row] = await listCallbacksFor(db, [refId]);
    expect(row).toMatchObject({
      verification: "ok",
      result: "received",
      rawBody: body,
      ip: "127.0.0.1",
    });
    expect(stored).toBe(1);
  });

  it.skipIf(dialect === "sqlite")(
    "acknowledges while every pooled connection is busy (PostgreSQL: the intake's own lane)",
    async () => {
      // Every connection of the pool in an open transaction, as processing can hold them.
      let finish = () => {};
      const held = new Promise<void>((resolve) => (finish = resolve));
      let open = 0;
      const holders = Array.from({ length: 4 }, () =>
        withTx(db, async (tx) => {
          await tx.select().from(callbacks).limit(1);
          open++;
          await held;
        }),
      );
      while (open < 4) await new Promise((r) => setTimeout(r, 10));
      const refId = "TU-INTAKE-LANE";
      const res = await post(
        `/api/webhooks/p2w?token=${hookToken(SECRET, refId)}`,
        JSON.stringify({ orderID: "P2W-LANE", refID: refId, status: "successed" }),
      );
      expect(res.status).toBe(200);
      expect(open).toBe(4);
      finish();
      await Promise.all(holders);
      expect(await listCallbacksFor(db, [refId])).toHaveLength(1);
    },
  );

  it("refuses a forged token in the API's error shape and keeps the refusal", async () => {
    const refId = "TU-INTAKE-2";
    const body = JSON.stringify({ orderID: "P2W-2", refID: refId, status: "successed" });
    const res = await post(`/api/webhooks/p2w?token=${"0".repeat(64)}`, body);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ success: false, error: { code: "BAD_TOKEN" } });
    expect(await listCallbacksFor(db, [refId])).toMatchObject([{ verification: "bad_token" }]);
  });

  it("refuses a body over 16 KB with 413 and stores nothing", async () => {
    const refId = "TU-INTAKE-3";
    const body = JSON.stringify({ refID: refId, pad: "x".repeat(20_000) });
    const res = await post(`/api/webhooks/p2w?token=${hookToken(SECRET, refId)}`, body);
    expect(res.status).toBe(413);
    expect(await listCallbacksFor(db, [refId])).toEqual([]);
  });

  it("answers only POST to a webhook path: 405 naming POST, 404 elsewhere", async () => {
    const get = await fetch(`${base}/api/webhooks/p2w`);
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
    const other = await post("/api/topups", "{}");
    expect(other.status).toBe(404);
    expect(await other.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
  });

  it("a closed handler answers the callback it took, refuses the next with 503 and stores only the first", async () => {
    // The intake held until released, as a slow commit would hold it.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let arrived = () => {};
    const arriving = new Promise<void>((resolve) => (arrived = resolve));
    const inner = localIntake({ p2w: receiver(p2wWebhook, () => deps) }, { wake: () => {} });
    const intake: CallbackIntake = {
      deliver: async (upstream, delivery) => {
        arrived();
        await held;
        return inner.deliver(upstream, delivery);
      },
    };
    const handler = callbackRequestHandler(intake);
    const server = createServer(handler);
    const port = await freePort();
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
    const send = (refId: string, headers: Record<string, string> = {}) =>
      fetch(`http://127.0.0.1:${port}/api/webhooks/p2w?token=${hookToken(SECRET, refId)}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ orderID: `P2W-${refId}`, refID: refId, status: "successed" }),
      });
    try {
      const first = send("TU-CLOSE-1");
      await arriving;
      let closed = false;
      const closing = handler.close().then(() => (closed = true));
      const refused = await send("TU-CLOSE-2", { "accept-language": "th" });
      expect(refused.status).toBe(503);
      expect(refused.headers.get("retry-after")).toBe("5");
      expect(refused.headers.get("connection")).toBe("close");
      expect(await refused.json()).toEqual({
        success: false,
        error: {
          code: "SHUTTING_DOWN",
          message: "เซิร์ฟเวอร์นี้กำลังหยุดทำงาน กรุณาส่งใหม่อีกครั้งในอีกสักครู่",
        },
      });
      // The one in flight holds the close open until it is stored and answered.
      expect(closed).toBe(false);
      release();
      expect((await first).status).toBe(200);
      await closing;
      expect(await listCallbacksFor(db, ["TU-CLOSE-1"])).toMatchObject([{ result: "received" }]);
      expect(await listCallbacksFor(db, ["TU-CLOSE-2"])).toEqual([]);
    } finally {
      server.close();
      server.closeAllConnections();
    }
  });
});
