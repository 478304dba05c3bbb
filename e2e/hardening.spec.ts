import { expect, test } from "@playwright/test";

import { actionId } from "./actions";
import { apiAs } from "./helpers";

const BASE = "http://localhost:3100";

type Callback = { id: number; ip: string | null };

test("a client cannot choose the address the dashboard records for it", async ({
  playwright,
  request,
}) => {
  const ref = `TU-SPOOF${Date.now()}`;
  // Refused (a token that was never ours), so it is stored with its source address.
  const forged = await request.post(`${BASE}/api/webhooks/p2w?token=not-our-token`, {
    headers: { "x-forwarded-for": "203.0.113.66", "x-dashboard-peer": "203.0.113.77" },
    data: { orderID: "P2W-SPOOF", refID: ref, status: "successed", balance: 1, reason: "" },
  });
  expect(forged.status()).toBe(401);

  const manager = await apiAs(playwright, BASE, "manager");
  const res = await manager.get(`/api/callbacks?q=${ref}`);
  const { items } = (await res.json()) as { items: Callback[] };
  expect(items).toHaveLength(1);
  // No proxy is trusted in the test stack: the socket's own address is the client.
  expect(items[0]?.ip).toMatch(/^(127\.0\.0\.1|::1)$/);
});

test("a server action posted from a foreign origin is refused with 403, not an error", async ({
  playwright,
}) => {
  const manager = await apiAs(playwright, BASE, "manager");
  const res = await manager.post("/callbacks", {
    headers: {
      "next-action": actionId("lib/actions/callbacks.ts", "replayCallbackAction"),
      accept: "text/x-component",
      "content-type": "text/plain;charset=UTF-8",
      origin: "https://evil.example",
    },
    data: JSON.stringify([1]),
  });
  expect(res.status()).toBe(403);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe("CROSS_SITE");
});

test("every signed-in answer is private and never stored; the build's static files keep their cache", async ({
  playwright,
}) => {
  const admin = await apiAs(playwright, BASE, "admin");
  const answers = [
    // JSON answers that hold orders, account data, people or settings
    "/api/topups",
    "/api/topups/TU-NOPE",
    "/api/withdrawals",
    "/api/withdrawals/NOPE",
    "/api/callbacks",
    "/api/upstream-calls",
    "/api/review",
    "/api/review/count",
    "/api/overview",
    "/api/warnings",
    "/api/changes",
    "/api/settings",
    "/api/packages",
    "/api/connectivity",
    // exports
    "/api/topups/export",
    "/api/withdrawals/export",
    // pages
    "/",
    "/topups",
    "/topups/new",
    "/withdrawals",
    "/review",
    "/callbacks",
    "/upstream-calls",
    "/audit",
    "/admin/users",
    "/admin/settings",
    "/admin/packages",
    "/sign-in",
    // the unauthenticated answers too: they may still say who is asking
    "/api/health",
    "/api/auth/session",
  ];
  let asset = "";
  for (const path of answers) {
    const res = await admin.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBeLessThan(500);
    expect(res.headers()["cache-control"], path).toBe("private, no-store");
    if (path === "/topups") asset = /\/_next\/static\/[^"]+\.js/.exec(await res.text())?.[0] ?? "";
  }
  // A 401 for someone signed out, too.
  const anonymous = await apiAs(playwright, BASE, null);
  const refused = await anonymous.get("/api/topups");
  expect(refused.status()).toBe(401);
  expect(refused.headers()["cache-control"]).toBe("private, no-store");

  expect(asset).not.toBe("");
  const staticFile = await admin.get(asset);
  expect(staticFile.status()).toBe(200);
  expect(staticFile.headers()["cache-control"]).toContain("immutable");
});
