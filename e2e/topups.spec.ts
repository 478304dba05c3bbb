import { expect, test } from "@playwright/test";

import { apiAs, signInAs } from "./helpers";

const BASE = "http://localhost:3100";

test("support creates a top-up and sees it turn succeeded without a reload", async ({
  page,
  playwright,
}) => {
  await signInAs(page, "support");
  await page.goto("/topups/new");
  await page.locator('select[name="packageId"]').selectOption("ROLTH_A01_P001");
  const player = `ui-${Date.now()}`;
  await page.locator('input[name="gameid"]').fill(player);
  await page.locator('select[name="server"]').selectOption("2");
  await page.getByRole("button", { name: "ตรวจสอบ" }).click();
  await expect(page.getByTestId("topup-summary")).toContainText(player);
  await expect(page.getByTestId("topup-summary")).toContainText("฿100.00");
  // A double click sends once: the idempotency key is fixed before the first send.
  await page.getByRole("button", { name: "ส่งรายการเติม" }).dblclick();
  await expect(page.locator("[data-outcome=pending]")).toBeVisible();
  await page.getByRole("link", { name: "เปิดรายการ" }).click();

  const status = page.getByTestId("topup-status");
  await expect(status.locator("[data-status]")).toHaveAttribute(
    "data-status",
    /pending|processing/,
  );
  // The sandbox completes the order a few seconds later and calls back; no reload here.
  await expect(status.locator("[data-status]")).toHaveAttribute("data-status", "succeeded", {
    timeout: 15_000,
  });
  await expect(page.getByTestId("timeline")).toContainText("แจ้งกลับ");

  // The double click made exactly one order.
  const api = await apiAs(playwright, BASE, "support");
  const found = (await (await api.get(`/api/topups?q=${player}`)).json()) as { items: unknown[] };
  expect(found.items).toHaveLength(1);
});

test("the list shows a change made elsewhere within seconds, without a reload", async ({
  page,
  playwright,
}) => {
  await signInAs(page, "support");
  const api = await apiAs(playwright, BASE, "support");
  const player = `live-${Date.now()}`;
  await page.goto(`/topups?q=${player}`);
  await expect(page.getByTestId("topup-table")).toContainText("ไม่มีรายการ");
  await api.post("/api/topups", {
    data: { packageId: "FF_TH_D100", topupInfo: { playerid: player } },
  });
  const row = page.locator(`tr[data-ref-id]`, { hasText: player });
  await expect(row).toBeVisible({ timeout: 5_000 });
  await expect(row.locator("[data-status]")).toHaveAttribute("data-status", "succeeded", {
    timeout: 15_000,
  });
});

test("filters live in the URL and survive a reload", async ({ page, playwright }) => {
  const api = await apiAs(playwright, BASE, "support");
  const tag = `flt-${Date.now()}`;
  await api.post("/api/topups", {
    data: { packageId: "FF_TH_D100", topupInfo: { playerid: `${tag}-ok` } },
  });
  await api.post("/api/topups", {
    data: { packageId: "PUBGM_TH_UC60", topupInfo: { playerid: `${tag}-pubg` } },
  });
  await signInAs(page, "manager");
  await page.goto("/topups");
  const filters = page.getByRole("form", { name: "ตัวกรอง" });
  await filters.locator('input[name="q"]').fill(tag);
  await filters.locator('select[name="packageId"]').selectOption("PUBGM_TH_UC60");
  await filters.getByRole("button", { name: "ใช้ตัวกรอง" }).click();
  await expect(page).toHaveURL(
    new RegExp(`q=${tag}.*packageId=PUBGM_TH_UC60|packageId=PUBGM_TH_UC60.*q=${tag}`),
  );
  const rows = page.locator("tr[data-ref-id]");
  await expect(rows).toHaveCount(1);
  await page.reload();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(`${tag}-pubg`);
  await expect(filters.locator('input[name="q"]')).toHaveValue(tag);
  await expect(filters.locator('select[name="packageId"]')).toHaveValue("PUBGM_TH_UC60");
});

test("the CSV export holds exactly the filtered rows and opens in Excel with Thai text", async ({
  page,
  playwright,
}) => {
  const api = await apiAs(playwright, BASE, "support");
  const tag = `csv-${Date.now()}`;
  for (const id of ["a", "b", "c"]) {
    await api.post("/api/topups", {
      data: { packageId: "ROV_TH_C115", topupInfo: { openid: `${tag}-${id}` } },
    });
  }
  await api.post("/api/topups", {
    data: { packageId: "FF_TH_D100", topupInfo: { playerid: `${tag}-other` } },
  });
  await signInAs(page, "finance");
  await page.goto(`/topups?q=${tag}&packageId=ROV_TH_C115`);
  await expect(page.locator("tr[data-ref-id]")).toHaveCount(3);
  const shown = await page
    .locator("tr[data-ref-id]")
    .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-ref-id")).sort());
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "ส่งออก CSV" }).click(),
  ]);
  const text = await (
    await download.createReadStream()
  )
    .toArray()
    .then((chunks) => Buffer.concat(chunks).toString("utf8"));
  expect(text.startsWith("\uFEFF")).toBe(true);
  const lines = text.slice(1).trim().split("\r\n");
  expect(lines[0]).toContain("เลขอ้างอิง");
  const exported = lines
    .slice(1)
    .map((l) => l.split(",")[0])
    .sort();
  expect(exported).toEqual(shown);
});
