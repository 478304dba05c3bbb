import { expect, test } from "@playwright/test";

import { callAction } from "./actions";
import { apiAs, type DemoRole } from "./helpers";

const BASE = "http://localhost:3100";
const ROLES: DemoRole[] = ["support", "finance", "manager", "admin"];
const CAN = {
  create: ["support", "manager", "admin"],
  requery: ["support", "manager", "admin"],
  export: ["finance", "manager", "admin"],
} as const;

const newTopup = (gameid: string, key?: string) => ({
  packageId: "FF_TH_D100",
  topupInfo: { playerid: gameid },
  ...(key ? { idempotencyKey: key } : {}),
});

test("every top-up endpoint refuses a request without a session with 401", async ({
  playwright,
}) => {
  const anon = await apiAs(playwright, BASE, null);
  for (const [method, path] of [
    ["GET", "/api/topups"],
    ["POST", "/api/topups"],
    ["GET", "/api/topups/TU-NOPE"],
    ["POST", "/api/topups/TU-NOPE/requery"],
    ["GET", "/api/topups/export"],
    ["GET", "/api/changes"],
  ] as const) {
    const res = await anon.fetch(path, { method, data: method === "POST" ? {} : undefined });
    expect(res.status(), `${method} ${path}`).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
  }
});

for (const role of ROLES) {
  test(`${role}: top-up API allows and denies by role`, async ({ playwright }) => {
    const api = await apiAs(playwright, BASE, role);
    const list = await api.get("/api/topups?limit=5");
    expect(list.status()).toBe(200);
    expect(await list.json()).toHaveProperty("nextCursor");

    const created = await api.post("/api/topups", { data: newTopup(`api-${role}-${Date.now()}`) });
    const mayCreate = (CAN.create as readonly string[]).includes(role);
    expect(created.status()).toBe(mayCreate ? 201 : 403);
    if (!mayCreate)
      expect(await created.json()).toMatchObject({
        error: { code: "FORBIDDEN", message: expect.any(String) },
      });

    // An order to read and re-query, made by support.
    const support = await apiAs(playwright, BASE, "support");
    const made = (await (
      await support.post("/api/topups", { data: newTopup(`api-target-${role}-${Date.now()}`) })
    ).json()) as {
      topup: { refId: string };
    };
    const detail = await api.get(`/api/topups/${made.topup.refId}`);
    expect(detail.status()).toBe(200);
    expect(await detail.json()).toMatchObject({
      topup: { refId: made.topup.refId, status: "pending" },
      history: expect.any(Array),
    });

    const requery = await api.post(`/api/topups/${made.topup.refId}/requery`);
    expect(requery.status()).toBe((CAN.requery as readonly string[]).includes(role) ? 200 : 403);

    const exported = await api.get("/api/topups/export?status=pending");
    expect(exported.status()).toBe((CAN.export as readonly string[]).includes(role) ? 200 : 403);

    const actionAnswer = await callAction(
      api,
      BASE,
      "/topups",
      { file: "lib/actions/topups.ts", name: "requeryTopupAction" },
      [{ refId: made.topup.refId }],
    );
    if ((CAN.requery as readonly string[]).includes(role))
      expect(actionAnswer).toContain('"ok":true');
    else expect(actionAnswer).toContain('"code":"FORBIDDEN"');

    const createAnswer = await callAction(
      api,
      BASE,
      "/topups/new",
      { file: "lib/actions/topups.ts", name: "createTopupAction" },
      [
        {
          ...newTopup(`action-${role}-${Date.now()}`),
          idempotencyKey: `action-key-${role}-${Date.now()}`,
        },
      ],
    );
    if (mayCreate) expect(createAnswer).toContain('"ok":true');
    else expect(createAnswer).toContain('"code":"FORBIDDEN"');
  });
}

test("bad input gets a stable code, a message in the person's language, and changes nothing", async ({
  playwright,
}) => {
  const api = await apiAs(playwright, BASE, "support");
  const missing = await api.post("/api/topups", {
    data: { packageId: "ROLTH_A01_P001", topupInfo: { gameid: "x" } },
  });
  expect(missing.status()).toBe(400);
  expect(await missing.json()).toEqual({
    error: {
      code: "FIELD_NOT_CHOSEN",
      message: "กรุณาเลือก server",
      details: { field: "server", max: 100 },
    },
  });
  const english = await api.post("/api/topups", {
    data: { packageId: "NOPE", topupInfo: {} },
    headers: { "accept-language": "en" },
  });
  expect(await english.json()).toMatchObject({
    error: { code: "PACKAGE_NOT_FOUND", message: "This package is not in the catalog." },
  });
  const badJson = await api.post("/api/topups", {
    data: Buffer.from("{nope"),
    headers: { "content-type": "application/json" },
  });
  expect(badJson.status()).toBe(400);
  expect((await badJson.json()) as object).toMatchObject({ error: { code: "BAD_JSON" } });
  const badFilter = await api.get("/api/topups?status=lost");
  expect(badFilter.status()).toBe(400);
  const none = await api.get("/api/topups?q=x-never-created-x");
  expect(((await none.json()) as { items: unknown[] }).items).toEqual([]);
});

test("the same idempotency key twice makes one order; a different body under it is refused", async ({
  playwright,
}) => {
  const api = await apiAs(playwright, BASE, "support");
  const key = `e2e-key-${Date.now()}`;
  const body = newTopup(`idem-${Date.now()}`, key);
  const [a, b] = await Promise.all([
    api.post("/api/topups", { data: body }),
    api.post("/api/topups", { data: body }),
  ]);
  expect([a.status(), b.status()].sort()).toEqual([200, 201]);
  const ids = await Promise.all([a.json(), b.json()]);
  expect((ids[0] as { topup: { refId: string } }).topup.refId).toBe(
    (ids[1] as { topup: { refId: string } }).topup.refId,
  );
  const other = await api.post("/api/topups", {
    data: { ...body, topupInfo: { playerid: "someone-else" } },
  });
  expect(other.status()).toBe(409);
  expect(await other.json()).toMatchObject({ error: { code: "IDEMPOTENCY_KEY_REUSED" } });
});

test("the P2W webhook refuses forged, malformed and oversized callbacks and changes nothing", async ({
  playwright,
}) => {
  const api = await apiAs(playwright, BASE, "support");
  const made = (await (
    await api.post("/api/topups", { data: newTopup(`hook-${Date.now()}`) })
  ).json()) as {
    topup: { refId: string; orderId: string };
  };
  const anon = await apiAs(playwright, BASE, null);
  const body = {
    orderID: made.topup.orderId,
    refID: made.topup.refId,
    status: "failed",
    balance: 1,
    reason: "forged",
  };
  const forged = await anon.post(`/api/webhooks/p2w?token=${"0".repeat(64)}`, { data: body });
  expect(forged.status()).toBe(401);
  expect(
    (
      await anon.post("/api/webhooks/p2w?token=x", {
        data: Buffer.from("{not json"),
        headers: { "content-type": "application/json" },
      })
    ).status(),
  ).toBe(400);
  expect((await anon.post("/api/webhooks/p2w?token=x", { data: { refID: 1 } })).status()).toBe(400);
  expect(
    (await anon.post("/api/webhooks/p2w?token=x", { data: "x".repeat(20_000) })).status(),
  ).toBe(413);
  const after = (await (await api.get(`/api/topups/${made.topup.refId}`)).json()) as {
    topup: { status: string };
  };
  expect(after.topup.status).not.toBe("failed");
});
