import { expect, test } from "@playwright/test";

import { apiAs, signInAs } from "./helpers";

const BASE = "http://localhost:3100";
const P2W_SANDBOX = "http://localhost:4110";

test("an admin adds a package with two fields; support orders it from the new top-up form", async ({
  browser,
  page,
  request,
}) => {
  const packageId = `E2E_${Date.now()}`;
  // P2W sells it first (the vendor's side), then the admin adds it to our catalog.
  const onP2w = await request.post(`${P2W_SANDBOX}/__control/packages`, {
    data: {
      packageId,
      game: "E2E Game",
      name: { th: "แพ็กทดสอบ", en: "Test pack" },
      priceSatang: 4_950,
      active: true,
      fields: [
        { key: "gameid", label: { th: "ไอดีเกม", en: "Game ID" }, required: true },
        {
          key: "zone",
          label: { th: "โซน", en: "Zone" },
          required: true,
          options: [
            { value: "A", label: { th: "โซน เอ", en: "Zone A" } },
            { value: "B", label: { th: "โซน บี", en: "Zone B" } },
          ],
        },
      ],
    },
  });
  expect(onP2w.ok()).toBe(true);

  await signInAs(page, "admin");
  await page.goto("/admin/packages/new");
  await page.getByLabel("รหัสแพ็กเกจ").fill(packageId);
  await page.getByLabel("เกม", { exact: true }).fill("E2E Game");
  await page.getByLabel("ชื่อ (ไทย)", { exact: true }).fill("แพ็กทดสอบ");
  await page.getByLabel("ชื่อ (อังกฤษ)", { exact: true }).fill("Test pack");
  const price = page.getByLabel("ราคา (บาท)");
  // Three decimals: refused next to the field, in Thai, and nothing is created.
  await price.fill("49.505");
  await page.getByRole("button", { name: "สร้างแพ็กเกจ" }).click();
  await expect(price).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("ทศนิยมไม่เกินสองตำแหน่ง")).toBeVisible();
  await price.fill("49.50");

  const first = page.getByTestId("package-field-0");
  await first.getByLabel("ป้ายชื่อ (ไทย)").fill("ไอดีเกม");
  await first.getByLabel("ป้ายชื่อ (อังกฤษ)").fill("Game ID");
  await page.getByRole("button", { name: "เพิ่มช่อง" }).click();
  const second = page.getByTestId("package-field-1");
  await second.getByLabel("คีย์ (ส่งให้ P2W)").fill("zone");
  await second.getByLabel("ป้ายชื่อ (ไทย)").first().fill("โซน");
  await second.getByLabel("ป้ายชื่อ (อังกฤษ)").first().fill("Zone");
  for (const [value, th, en] of [
    ["A", "โซน เอ", "Zone A"],
    ["B", "โซน บี", "Zone B"],
  ]) {
    await second.getByRole("button", { name: "เพิ่มตัวเลือก" }).click();
    await second.getByLabel("ค่า", { exact: true }).last().fill(value!);
    await second.getByLabel("ป้ายชื่อ (ไทย)").last().fill(th!);
    await second.getByLabel("ป้ายชื่อ (อังกฤษ)").last().fill(en!);
  }
  await page.getByRole("button", { name: "สร้างแพ็กเกจ" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/packages/${packageId}$`));
  await page.goto(`/admin/packages?q=${packageId}`);
  await expect(page.getByTestId(`package-row-${packageId}`)).toContainText("฿49.50");

  // Support, in another browser context, sees it on the next load of the form.
  const support = await browser.newPage({ baseURL: BASE });
  await signInAs(support, "support");
  await support.goto("/topups/new");
  await support.locator('select[name="packageId"]').selectOption(packageId);
  await support.locator('input[name="gameid"]').fill(`pkg-${Date.now()}`);
  await support.locator('select[name="zone"]').selectOption("B");
  await support.getByRole("button", { name: "ตรวจทาน" }).click();
  await expect(support.getByTestId("topup-summary")).toContainText("฿49.50");
  await support.getByRole("button", { name: "ส่งรายการเติม" }).click();
  await expect(support.locator("[data-outcome=pending]")).toBeVisible();
  await support.close();
});

test("an admin changes the stuck-after setting; a bad value is refused next to it; the audit log shows the change", async ({
  page,
  playwright,
}) => {
  await signInAs(page, "admin");
  await page.goto("/admin/settings");
  const stuck = page.getByLabel("ถือว่าค้างหลังจาก");
  await stuck.fill("0");
  await page.getByRole("button", { name: "บันทึกการตั้งค่า" }).click();
  await expect(page.getByText("กรอกตัวเลขตั้งแต่ 1 ถึง 168")).toBeVisible();
  await expect(stuck).toHaveAttribute("aria-invalid", "true");

  await stuck.fill("6");
  await page.getByRole("button", { name: "บันทึกการตั้งค่า" }).click();
  await expect(page.getByText("บันทึกการตั้งค่าแล้ว")).toBeVisible();
  const api = await apiAs(playwright, BASE, "admin");
  expect(
    ((await (await api.get("/api/settings")).json()) as { settings: { stuckAfterHours: number } })
      .settings.stuckAfterHours,
  ).toBe(6);

  // The audit log in words, filtered by action and person; the raw change folded away.
  await page.goto("/audit");
  const filters = page.getByRole("form", { name: "ตัวกรอง" });
  await filters.locator('select[name="action"]').selectOption("settings.update");
  await filters
    .locator('select[name="actor"]')
    .selectOption({ label: "Admin Ops (admin@demo.local)" });
  await filters.getByRole("button", { name: "ใช้ตัวกรอง" }).click();
  await expect(page).toHaveURL(/action=settings\.update/);
  const rows = page.locator("[data-testid=audit-log] tbody tr");
  await expect(rows.first()).toHaveAttribute("data-action", "settings.update");
  expect(
    await rows.evaluateAll((trs) =>
      trs.every((tr) => tr.getAttribute("data-action") === "settings.update"),
    ),
  ).toBe(true);
  const row = rows.first();
  await expect(row).toContainText("เปลี่ยนการตั้งค่า");
  await expect(row).toContainText("Admin Ops");
  await expect(row).toContainText('"stuckAfterHours": 24');
  await expect(row).toContainText('"stuckAfterHours": 6');
  // Each filter in force is a chip; removing the person keeps the action.
  const chips = page.getByTestId("filter-chips");
  await expect(chips.locator("[data-chip=action]")).toContainText("เปลี่ยนการตั้งค่า");
  await chips.locator("[data-chip=actor]").click();
  await expect(page).toHaveURL(/\/audit\?action=settings\.update$/);
  await expect(chips.locator("[data-chip=actor]")).toHaveCount(0);
  // A day that is not a date is named, not silently dropped.
  await page.goto("/audit?from=yesterday");
  await expect(page.getByTestId("audit-bad-filter")).toContainText("ตั้งแต่");

  // Put it back for the other tests.
  const reset = await api.put("/api/settings", { data: { stuckAfterHours: 24 } });
  expect(reset.status()).toBe(200);
});

test("the connectivity check says both sandboxes work", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/admin/settings");
  await page.getByRole("button", { name: "ตรวจตอนนี้" }).click();
  await expect(page.getByTestId("connectivity-p2w")).toContainText("ใช้งานได้");
  await expect(page.getByTestId("connectivity-payout")).toContainText("ใช้งานได้");
});

test("a manager cannot open the admin pages or call their API", async ({ page, playwright }) => {
  await signInAs(page, "manager");
  await expect(page.getByRole("link", { name: "ตั้งค่าระบบ" })).toHaveCount(0);
  for (const path of ["/admin/settings", "/admin/packages", "/admin/packages/new"]) {
    await page.goto(path);
    await expect(page.getByText("403")).toBeVisible();
  }
  const api = await apiAs(playwright, BASE, "manager");
  expect((await api.get("/api/settings")).status()).toBe(403);
  expect((await api.put("/api/settings", { data: { stuckAfterHours: 1 } })).status()).toBe(403);
  expect((await api.post("/api/connectivity", { data: {} })).status()).toBe(403);
  expect((await api.get("/api/packages")).status()).toBe(403);
  expect((await api.post("/api/packages", { data: {} })).status()).toBe(403);
});

test("the packages API refuses a bad package field by field and a bad file whole", async ({
  playwright,
}) => {
  const api = await apiAs(playwright, BASE, "admin");
  const bad = await api.post("/api/packages", {
    data: {
      packageId: "bad id",
      game: "",
      name: { th: "x", en: "y" },
      priceSatang: 1.5,
      active: true,
      fields: [],
    },
    headers: { "accept-language": "en" },
  });
  expect(bad.status()).toBe(400);
  const body = (await bad.json()) as {
    error: {
      code: string;
      details: { problems: { field: string; code: string; message: string }[] };
    };
  };
  expect(body.error.code).toBe("INVALID_INPUT");
  expect(body.error.details.problems.map((p) => p.field)).toEqual([
    "packageId",
    "game",
    "priceSatang",
    "fields",
  ]);

  const before = ((await (await api.get("/api/packages")).json()) as { packages: unknown[] })
    .packages;
  const file = await api.post("/api/packages", {
    data: [before[0], { ...(before[1] as object), priceSatang: 0 }],
  });
  expect(file.status()).toBe(400);
  const refused = (await file.json()) as {
    error: { details: { problems: { entry: { position: number } }[] } };
  };
  expect(refused.error.details.problems[0]?.entry.position).toBe(2);
  const after = ((await (await api.get("/api/packages")).json()) as { packages: unknown[] })
    .packages;
  expect(after).toEqual(before);
});

test("a catalog file is shown before it is imported: what it adds, changes and takes off sale; cancel changes nothing", async ({
  page,
  playwright,
}) => {
  const admin = await apiAs(playwright, BASE, "admin");
  const { packages } = (await (await admin.get("/api/packages")).json()) as {
    packages: { packageId: string; priceSatang: number; active: boolean }[];
  };
  const [first, second] = packages.filter((p) => p.active && p.packageId.startsWith("GI_"));
  if (!first || !second) throw new Error("the sandbox catalog has two GI_ packages");
  const added = `E2E_IMPORT_${Date.now()}`;
  const file = [
    { ...first, priceSatang: first.priceSatang + 100 },
    { ...second, active: false },
    { ...first, packageId: added, priceSatang: 4_200 },
  ];

  await signInAs(page, "admin");
  await page.goto("/admin/packages");
  const chooser = page.locator('input[type=file][aria-label="นำเข้าไฟล์แพ็กเกจ"]');
  await chooser.setInputFiles({
    name: "catalog.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(file)),
  });
  const preview = page.getByTestId("import-preview");
  await expect(preview).toContainText("ยังไม่มีอะไรถูกบันทึก");
  await expect(preview.getByTestId("import-add")).toContainText(added);
  await expect(preview.getByTestId("import-change")).toContainText(`${first.packageId}`);
  await expect(preview.getByTestId("import-change")).toContainText("ราคา");
  await expect(preview.getByTestId("import-deactivate")).toContainText(second.packageId);

  // Cancel: nothing was written.
  await preview.getByRole("button", { name: "ยกเลิก ไม่นำเข้า" }).click();
  await expect(preview).toHaveCount(0);
  expect((await admin.get(`/api/packages?q=${added}`)).ok()).toBe(true);
  const none = (await (await admin.get(`/api/packages?q=${added}`)).json()) as {
    packages: unknown[];
  };
  expect(none.packages).toHaveLength(0);

  // Confirm: imported as shown.
  await chooser.setInputFiles({
    name: "catalog.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(file)),
  });
  await preview.getByRole("button", { name: "นำเข้าตามนี้" }).click();
  await expect(page.getByRole("region", { name: /^การแจ้งเตือน/ })).toContainText("ใหม่ 1");
  const after = (await (await admin.get("/api/packages")).json()) as {
    packages: { packageId: string; priceSatang: number; active: boolean }[];
  };
  const byId = new Map(after.packages.map((p) => [p.packageId, p]));
  expect(byId.get(added)?.priceSatang).toBe(4_200);
  expect(byId.get(second.packageId)?.active).toBe(false);

  // Put them back for the other tests.
  await admin.post("/api/packages", {
    data: [first, second, { ...first, packageId: added, priceSatang: 4_200, active: false }],
  });
});
