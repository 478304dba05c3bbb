import { expect, type Page, test } from "@playwright/test";

import { apiAs, signInAs } from "./helpers";

const BASE = "http://localhost:3100";
const P2W_SANDBOX = "http://localhost:4110";

const newTopup = (tag: string) => ({
  packageId: "FF_TH_D100",
  topupInfo: { playerid: `ov-${tag}-${Date.now()}` },
});

/** A number shown in a tile ("1,234"). */
async function tileValue(page: Page, testId: string): Promise<number> {
  const text = (await page.getByTestId(testId).textContent()) ?? "";
  return Number(text.replace(/[^\d]/g, ""));
}

/** Creates a top-up as support and waits until P2W's callback has made it final. */
async function topupSettled(playwright: Parameters<typeof apiAs>[0], tag: string) {
  const support = await apiAs(playwright, BASE, "support");
  const res = await support.post("/api/topups", { data: newTopup(tag) });
  expect(res.status()).toBe(201);
  const { topup } = (await res.json()) as { topup: { refId: string } };
  await expect
    .poll(
      async () =>
        (
          (await (await support.get(`/api/topups/${topup.refId}`)).json()) as {
            topup: { status: string };
          }
        ).topup.status,
      { timeout: 20_000 },
    )
    .toBe("succeeded");
  return topup.refId;
}

test("a manager sees today's overview, with drawn charts, in Thai and in English", async ({
  page,
  playwright,
}) => {
  await topupSettled(playwright, "chart");
  await signInAs(page, "manager");
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "ภาพรวม" })).toBeVisible();
  await expect(page.getByRole("button", { name: "วันนี้" })).toHaveAttribute("aria-pressed", "true");
  const series = page.locator('[data-chart="topups-series"]');
  // Drawn, not an empty SVG: today has at least one bar.
  await expect(
    series.locator(".recharts-bar-rectangle path, .recharts-bar-rectangle").first(),
  ).toBeVisible();
  expect(await series.locator(".recharts-bar-rectangle").count()).toBeGreaterThan(0);
  await expect(page.getByRole("heading", { name: "การถอนเงิน" })).toBeVisible();
  await expect(page.getByTestId("callback-health-p2w")).toBeVisible();

  // Its numbers are a table too, and a bar's row opens the list it counts.
  await series.locator("xpath=..").getByText("แสดงตัวเลขเป็นตาราง").click();
  const hourLinks = series.locator("xpath=..").locator("table a");
  await expect(hourLinks).toHaveCount(24);

  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Top-ups", exact: true })).toBeVisible();
  expect(
    await page.locator('[data-chart="topups-series"] .recharts-bar-rectangle').count(),
  ).toBeGreaterThan(0);
  await expect(
    page.locator('[data-chart="withdrawals-series"] svg[role="application"]'),
  ).toBeVisible();

  // Yesterday and the last seven days are one click away, and kept in the URL.
  await page.getByRole("button", { name: "Last 7 days" }).click();
  await expect(page).toHaveURL(/\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/);
  await expect(page.getByRole("heading", { name: "Per day" }).first()).toBeVisible();
  await page.getByRole("button", { name: "Today" }).click();
  await expect(page).toHaveURL(`${BASE}/`);

  // A tile opens the list of exactly what it counts.
  await page.getByTestId("kpi-topups-succeeded").click();
  await expect(page).toHaveURL(/\/topups\?status=succeeded&from=\d{4}-\d{2}-\d{2}&to=/);
});

test("a callback arriving moves a tile without a reload", async ({ page, playwright }) => {
  await signInAs(page, "manager");
  await page.goto("/");
  await expect(page.getByTestId("kpi-topups-succeeded")).toBeVisible();
  const before = await tileValue(page, "kpi-topups-succeeded");
  await page.evaluate(() => {
    (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
  });
  await topupSettled(playwright, "live");
  await expect
    .poll(() => tileValue(page, "kpi-topups-succeeded"), { timeout: 15_000 })
    .toBe(before + 1);
  expect(
    await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument),
  ).toBe(true);
});

test("a low balance reported by P2W raises the banner on the top-ups page, and a healthy one clears it", async ({
  page,
  playwright,
  request,
}) => {
  await signInAs(page, "manager");
  await page.goto("/topups");
  const banner = page.getByTestId("warning-banner");
  const low = banner.locator('[data-warning="low_balance"]');
  await expect(low).toHaveCount(0);

  // Under the default threshold of ฿20,000; the next callback carries the figure.
  expect(
    (
      await request.post(`${P2W_SANDBOX}/__control/balance`, { data: { balanceSatang: 1_000_000 } })
    ).ok(),
  ).toBe(true);
  try {
    await topupSettled(playwright, "low");
    await expect(low).toBeVisible({ timeout: 15_000 });
    await expect(low).toContainText("฿");
    const manager = await apiAs(playwright, BASE, "manager");
    const audit = (await (await manager.get("/api/warnings")).json()) as {
      warnings: { key: string }[];
    };
    expect(audit.warnings.map((w) => w.key)).toContain("low_balance");
  } finally {
    await request.post(`${P2W_SANDBOX}/__control/balance`, { data: { balanceSatang: 5_000_000 } });
  }
  // Back above the threshold plus the gap: cleared on the next figure.
  await topupSettled(playwright, "healthy");
  await expect(low).toHaveCount(0, { timeout: 15_000 });
});

test("support sees top-up figures and no withdrawal, callback or warning figures", async ({
  page,
  playwright,
}) => {
  await signInAs(page, "support");
  await page.goto("/");
  await expect(page.getByTestId("kpi-topups-total")).toBeVisible();
  await expect(page.locator("#overview-withdrawals")).toHaveCount(0);
  await expect(page.getByTestId("kpi-withdrawals-open")).toHaveCount(0);
  await expect(page.getByTestId("callback-health-p2w")).toHaveCount(0);
  await expect(page.getByTestId("warning-banner")).toHaveCount(0);

  const support = await apiAs(playwright, BASE, "support");
  const body = (await (await support.get("/api/overview")).json()) as Record<string, unknown>;
  expect(Object.keys(body).sort()).toEqual(["balance", "generatedAt", "range", "topups"]);
  expect((await support.get("/api/warnings")).status()).toBe(403);
  const finance = await apiAs(playwright, BASE, "finance");
  const financeBody = (await (await finance.get("/api/overview")).json()) as Record<
    string,
    unknown
  >;
  expect(financeBody.withdrawals).toBeDefined();
  expect(financeBody.callbacks).toBeUndefined();
  const bad = await support.get("/api/overview?from=2026-11-23&to=2026-01-01");
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { error: { code: string } }).error.code).toBe("RANGE_ORDER");
});
