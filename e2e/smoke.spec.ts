import { expect, test } from "@playwright/test";

import { navItemsFor } from "@/lib/navigation";

import { apiAs, settled, signInAs } from "./helpers";

const BASE = "http://localhost:3100";

/**
 * @smoke — what `npm test` also runs on PostgreSQL (scripts/e2e-postgres.ts): every page an
 * administrator can open answers and renders its heading with no error, a search and a filter
 * answer, and a top-up made through the API is settled by its callback and shows as succeeded
 * (the create, the signed callback, the worker, the live list: the whole path on the database).
 */
test("@smoke every page renders, a search answers, and a top-up settles through its callback", async ({
  page,
  playwright,
}) => {
  test.setTimeout(90_000);
  const api = await apiAs(playwright, BASE, "support");
  const game = `smoke-${Date.now()}`;
  const res = await api.post("/api/topups", {
    data: { packageId: "ROLTH_A01_P001", topupInfo: { gameid: game, server: "2" } },
  });
  expect(res.status()).toBe(201);
  const { topup } = (await res.json()) as { topup: { refId: string } };

  await signInAs(page, "admin");
  const withdrawals = (await (
    await (await apiAs(playwright, BASE, "finance")).get("/api/withdrawals?limit=1")
  ).json()) as { items: { platformOrderId: string }[] };
  const pages = [
    ...navItemsFor("admin").map((item) => item.href),
    `/topups/${topup.refId}`,
    ...(withdrawals.items[0] ? [`/withdrawals/${withdrawals.items[0].platformOrderId}`] : []),
  ];
  const failures: string[] = [];
  page.on("response", (r) => {
    if (r.status() >= 500) failures.push(`${r.status()} ${r.url()}`);
  });
  for (const path of pages) {
    const answer = await page.goto(path);
    expect(answer?.status(), path).toBe(200);
    await settled(page);
    await expect(page.locator("h1").first(), path).toBeVisible();
  }

  // The top-up, found by a fragment of its player id, settled by P2W's callback.
  await page.goto(`/topups?q=${game.slice(-8)}`);
  await settled(page);
  const row = page.getByRole("row").filter({ hasText: topup.refId.slice(-8) });
  await expect(row).toHaveCount(1);
  await expect
    .poll(
      async () =>
        (
          (await (await api.get(`/api/topups/${topup.refId}`)).json()) as {
            topup: { status: string };
          }
        ).topup.status,
      { timeout: 30_000 },
    )
    .toBe("succeeded");
  expect(failures).toEqual([]);

  // The health check names the database and instance that answered and its reconciler's part.
  const health = await (await playwright.request.newContext()).get(`${BASE}/api/health`);
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({
    ok: true,
    db: process.env.E2E_DATABASE_URL ? "postgres" : "sqlite",
    instance: expect.stringMatching(/\S/),
    reconciler: "leader",
  });
});
