import { expect, test } from "@playwright/test";

import { demoUser, signIn, signInAs, watchCsp } from "./helpers";
import { E2E_USERS } from "./users";

const NAV = {
  support: ["ภาพรวม", "รายการเติมเกม", "สร้างรายการเติม"],
  finance: ["ภาพรวม", "รายการเติมเกม", "รายการถอนเงิน"],
  // The queue's entry carries its live count of what waits.
  manager: [
    "ภาพรวม",
    "รายการเติมเกม",
    "สร้างรายการเติม",
    "รายการถอนเงิน",
    /^คิวตรวจสอบ\d+$/,
    "บันทึกการแจ้งกลับ",
    "การเรียกผู้ให้บริการ",
    "บันทึกการใช้งาน",
  ],
  admin: [
    "ภาพรวม",
    "รายการเติมเกม",
    "สร้างรายการเติม",
    "รายการถอนเงิน",
    /^คิวตรวจสอบ\d+$/,
    "บันทึกการแจ้งกลับ",
    "การเรียกผู้ให้บริการ",
    "บันทึกการใช้งาน",
    "ผู้ใช้",
    "แพ็กเกจสินค้า",
    "ตั้งค่าระบบ",
    "การแจ้งเตือน",
  ],
} as const;

for (const role of ["support", "finance", "manager", "admin"] as const) {
  test(`${role} signs in, is greeted and sees only their navigation`, async ({ page }) => {
    const violations = await watchCsp(page);
    await signInAs(page, role);
    const roleName = {
      support: "ฝ่ายบริการลูกค้า",
      finance: "ฝ่ายการเงิน",
      manager: "ผู้จัดการ",
      admin: "ผู้ดูแลระบบ",
    }[role];
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("ภาพรวม");
    await expect(page.getByText(`สวัสดี ${demoUser(role).name}`)).toBeVisible();
    await expect(page.getByTestId("current-user")).toContainText(roleName);
    const nav = page.locator("aside nav a");
    await expect(nav).toHaveText([...NAV[role]]);
    expect(violations).toEqual([]);
  });
}

test("a role without the permission gets 403 for the page and the denial is audited", async ({
  browser,
}) => {
  const support = await browser.newPage();
  await signInAs(support, "support");
  const response = await support.goto("/admin/users");
  expect(response?.status()).toBe(403);
  await expect(support.getByRole("heading", { name: "ไม่มีสิทธิ์" })).toBeVisible();

  const admin = await browser.newPage();
  await signInAs(admin, "admin");
  await admin.goto("/audit?action=access.denied");
  const row = admin.locator("tr[data-action='access.denied']").first();
  await expect(row).toContainText("สมชาย ใจดี");
  await expect(row).toContainText("ถูกปฏิเสธการเข้าถึง");
  await expect(row).toContainText("user:manage");
});

test("the language switch is remembered across reloads and sign-out", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("เข้าสู่ระบบ");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  await signInAs(page, "finance");
  await expect(page.locator("aside nav a")).toHaveText(["Overview", "Top-ups", "Withdrawals"]);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
});

test("an admin creates a user who can then sign in; disabling them refuses their very next request", async ({
  browser,
}) => {
  const admin = await browser.newPage();
  await signInAs(admin, "admin");
  await admin.goto("/admin/users");
  await admin.locator("#new-email").fill("newhire@demo.local");
  await admin.locator("#new-name").fill("New Hire");
  await admin.locator("#new-role").selectOption("support");
  await admin.locator("#new-password").fill("short");
  await admin.getByRole("button", { name: "สร้าง" }).click();
  // The browser refuses a short password before it is sent (the server's rule is unit-tested).
  expect(
    await admin.locator("#new-password").evaluate((el: HTMLInputElement) => el.validity.tooShort),
  ).toBe(true);
  await admin.locator("#new-password").fill("new-hire-password-1");
  await admin.getByRole("button", { name: "สร้าง" }).click();
  await expect(admin.getByRole("region", { name: /^การแจ้งเตือน/ })).toContainText(
    "สร้างผู้ใช้ newhire@demo.local แล้ว",
  );

  const hire = await browser.newPage();
  await signIn(hire, "newhire@demo.local", "new-hire-password-1");
  await expect(hire.getByTestId("current-user")).toContainText("New Hire");

  await admin.reload();
  const row = admin.getByTestId("user-row-newhire@demo.local");
  // Disabling asks first, naming the person; cancelling (Esc) changes nothing.
  await row.getByRole("button", { name: "ระงับ" }).click();
  const dialog = admin.getByRole("alertdialog");
  await expect(dialog).toContainText("ระงับ newhire@demo.local?");
  await admin.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(row).not.toContainText("ระงับแล้ว");
  await expect(hire.getByTestId("current-user")).toContainText("New Hire");
  await row.getByRole("button", { name: "ระงับ" }).click();
  await dialog.getByRole("button", { name: "ระงับ" }).click();
  await expect(row).toContainText("ระงับแล้ว");
  // The finished action is announced in a toast.
  await expect(admin.getByRole("region", { name: /^การแจ้งเตือน/ })).toContainText(
    "แก้ไขผู้ใช้ newhire@demo.local แล้ว",
  );

  // Their open tab is refused on its very next request (the live-status poll): no reload needed.
  await expect(hire).toHaveURL(/\/sign-in/, { timeout: 5_000 });
  await signIn(hire, "newhire@demo.local", "new-hire-password-1");
  await expect(hire.locator("form").getByRole("alert")).toHaveText("อีเมลหรือรหัสผ่านไม่ถูกต้อง");
});

test("a changed role takes effect on the next request", async ({ browser }) => {
  const admin = await browser.newPage();
  await signInAs(admin, "admin");
  await admin.goto("/admin/users");
  await admin.locator("#new-email").fill("promoted@demo.local");
  await admin.locator("#new-name").fill("Promoted Person");
  await admin.locator("#new-password").fill("promoted-password-1");
  await admin.getByRole("button", { name: "สร้าง" }).click();
  await expect(admin.getByRole("region", { name: /^การแจ้งเตือน/ })).toContainText(
    "สร้างผู้ใช้ promoted@demo.local แล้ว",
  );

  const person = await browser.newPage();
  await signIn(person, "promoted@demo.local", "promoted-password-1");
  await expect(person.locator("aside nav a")).toHaveText([...NAV.support]);

  await admin.reload();
  await admin.getByTestId("user-row-promoted@demo.local").locator("select").selectOption("manager");
  await expect(admin.getByRole("alertdialog")).toContainText("ผู้จัดการ");
  await admin.getByRole("alertdialog").getByRole("button", { name: "เปลี่ยนบทบาท" }).click();
  await expect(admin.getByTestId("user-row-promoted@demo.local")).toContainText("ผู้จัดการ");

  // The role change ended the old session: the person signs in again and gets the new menu.
  await person.reload();
  await expect(person).toHaveURL(/\/sign-in/);
  await signIn(person, "promoted@demo.local", "promoted-password-1");
  await expect(person.locator("aside nav a")).toHaveText([...NAV.manager]);
});

test("five failed sign-ins lock the account: the sixth, even correct, gets 429, until an admin unlocks it", async ({
  page,
  request,
  browser,
}) => {
  const user = E2E_USERS[0] ?? demoUser("support");
  for (let i = 0; i < 5; i++) {
    await signIn(page, user.email, "wrong-password-here");
    await expect(page.locator("form").getByRole("alert")).toHaveText("อีเมลหรือรหัสผ่านไม่ถูกต้อง");
  }
  await signIn(page, user.email, user.password);
  await expect(page.locator("form").getByRole("alert")).toHaveText(
    "เข้าสู่ระบบไม่สำเร็จหลายครั้งเกินไป กรุณารอ 15 นาทีแล้วลองใหม่",
  );
  await expect(page).toHaveURL(/\/sign-in/);

  const csrf = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await request.post("/api/auth/callback/credentials", {
    form: { email: user.email, password: user.password, csrfToken: csrf.csrfToken, json: "true" },
  });
  expect(res.status()).toBe(429);
  const body = (await res.json()) as { error: { code: string } };
  expect(body.error.code).toBe("RATE_LIMITED");

  // An administrator sees the lock and lifts it; the person signs in at once.
  const admin = await browser.newPage();
  await signInAs(admin, "admin");
  await admin.goto("/admin/users");
  const row = admin.getByTestId(`user-row-${user.email}`);
  await expect(row.getByTestId("locked")).toContainText("ถูกล็อกถึง");
  await row.getByRole("button", { name: "ปลดล็อก" }).click();
  await expect(row.getByTestId("locked")).toHaveCount(0);
  await signIn(page, user.email, user.password);
  await expect(page.getByTestId("current-user")).toContainText(user.name);
  await admin.reload();
  await expect(row).not.toContainText("ยังไม่เคย");
});

test("pages carry the security headers", async ({ request }) => {
  const res = await request.get("/sign-in");
  const headers = res.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).toMatch(
    /script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/,
  );
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-powered-by"]).toBeUndefined();
});

test("the app ships its icons and its Thai and Latin typeface", async ({ page, request }) => {
  for (const path of ["/favicon.ico", "/icons/icon.svg", "/icons/apple-touch-icon.png"]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
  }
  expect((await request.get("/favicon.ico")).headers()["content-type"]).toContain("icon");
  // Signed out too: the sign-in page's own font, served from this app, no font service.
  const fonts: string[] = [];
  page.on("response", (res) => {
    if (res.url().endsWith(".woff2")) fonts.push(`${res.status()} ${new URL(res.url()).host}`);
  });
  await page.goto("/sign-in");
  await expect(page.locator('link[rel="icon"][href="/favicon.ico"]')).toHaveCount(1);
  // The face is the app's (not a system fallback) and its Thai part loads.
  const loaded = await page.evaluate(async () =>
    (await document.fonts.load('16px "Noto Sans Thai Variable"', "ไทย")).map((f) => f.status),
  );
  expect(loaded).toContain("loaded");
  await page.evaluate(() => document.fonts.ready);
  expect(fonts.length).toBeGreaterThan(0);
  expect(new Set(fonts)).toEqual(new Set([`200 ${new URL(page.url()).host}`]));
});
