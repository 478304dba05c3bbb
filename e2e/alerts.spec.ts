import { expect, test } from "@playwright/test";

import { apiAs, settled, signInAs } from "./helpers";

const BASE = "http://localhost:3100";
/** The e2e stack's stand-ins for Slack, LINE and e-mail (scripts/stack.ts: payout port + 10). */
const RECEIVERS = "http://127.0.0.1:4130";

type Received = { channel: string; to: string; title: string; text: string };
const received = async (request: import("@playwright/test").APIRequestContext) =>
  ((await (await request.get(`${RECEIVERS}/__received`)).json()) as { received: Received[] })
    .received;

test("an admin sees the channels with their secrets masked, sends a test, and reads the delivery log", async ({
  page,
  request,
}) => {
  await signInAs(page, "admin");
  await page.goto("/admin/alerts");
  await settled(page);
  await expect(page.getByRole("heading", { level: 1, name: "การแจ้งเตือน" })).toBeVisible();
  const slack = page.locator("[data-channel='Slack #ops-alerts (sandbox)']");
  await expect(slack).toBeVisible();
  // The webhook URL is shown masked: its origin and last four characters, never its path.
  await expect(slack.getByText("http://127.0.0.1:4130/…hook")).toBeVisible();
  expect(await page.content()).not.toContain("demo-webhook");

  const before = (await received(request)).length;
  await slack.getByRole("button", { name: "ส่งข้อความทดสอบ" }).click();
  await expect(page.getByText("ส่งข้อความทดสอบแล้ว")).toBeVisible();
  await expect
    .poll(async () => (await received(request)).slice(before).map((r) => r.title))
    .toContain("ข้อความทดสอบจากแดชบอร์ดเติมเกม");
  const log = page.getByTestId("deliveries");
  await expect(
    log.locator("tr[data-status='sent']").filter({ hasText: "ทดสอบ" }).first(),
  ).toBeVisible();

  // LINE answering 500: the test says so, and the delivery waits for its next attempt.
  await request.post(`${RECEIVERS}/__control/fail`, {
    data: { channel: "line", status: 500, times: 1 },
  });
  const line = page.locator("[data-channel='LINE managers (sandbox)']");
  await line.getByRole("button", { name: "ส่งข้อความทดสอบ" }).click();
  await expect(page.getByText(/ส่งข้อความทดสอบไม่สำเร็จ: HTTP 500/)).toBeVisible();
  const waiting = log.locator("tr[data-status='pending']").first();
  await expect(waiting).toContainText("รอส่ง");
  await expect(waiting).toContainText("HTTP 500");
});

test("an admin adds an e-mail channel: a bad address is refused next to its field, in English", async ({
  page,
}) => {
  await signInAs(page, "admin");
  await page.context().addCookies([{ name: "locale", value: "en", url: BASE }]);
  await page.goto("/admin/alerts");
  await settled(page);
  await expect(page.getByRole("heading", { level: 1, name: "Alerts" })).toBeVisible();
  await page.getByRole("button", { name: "Add a channel" }).click();
  const form = page.getByRole("form", { name: "New channel" });
  await form.getByLabel("Kind").selectOption("email");
  await form.getByLabel("Name", { exact: true }).fill("Night shift mail");
  const addresses = form.getByLabel("E-mail addresses");
  await addresses.fill("night-shift@example");
  await form.getByRole("button", { name: "Save channel" }).click();
  await expect(addresses).toHaveAttribute("aria-invalid", "true");
  await expect(
    form.getByText("Enter 1 to 10 e-mail addresses, separated by commas."),
  ).toBeVisible();
  await addresses.fill("night-shift@example.com, ops@example.com");
  await form.getByLabel("Hold warnings during these hours").check();
  await form.getByRole("button", { name: "Save channel" }).click();
  await expect(page.getByText("Channel saved.")).toBeVisible();
  const card = page.locator("[data-channel='Night shift mail']");
  await expect(card).toContainText("night-shift@example.com, ops@example.com");
  await expect(card).toContainText("Quiet 22:00–07:00 (Bangkok time)");
});

test("alert channels are for administrators only; alerts are for managers too", async ({
  playwright,
}) => {
  const manager = await apiAs(playwright, BASE, "manager");
  expect((await manager.get("/api/alert-channels")).status()).toBe(403);
  expect((await manager.post("/api/alerts/digest")).status()).toBe(403);
  const alerts = await manager.get("/api/alerts");
  expect(alerts.status()).toBe(200);
  expect(await alerts.json()).toMatchObject({
    active: expect.any(Array),
    recent: expect.any(Array),
  });
  const support = await apiAs(playwright, BASE, "support");
  expect((await support.get("/api/alerts")).status()).toBe(403);
});
