import { expect, test } from "@playwright/test";

import { callAction } from "./actions";
import { apiAs, type DemoRole, signInAs } from "./helpers";
import { th } from "./messages";

const BASE = "http://localhost:3100";
const PAYOUT = "http://127.0.0.1:4120";

type SandboxWithdrawal = {
  platform_order_id: string;
  merchant_order_id: string;
  amount: number;
  account_no: string;
  account_name: string;
  status: string;
};

async function sandboxWithdrawal(fields: Record<string, unknown> = {}): Promise<SandboxWithdrawal> {
  const res = await fetch(`${PAYOUT}/__control/withdrawals`, {
    method: "POST",
    body: JSON.stringify(fields),
  });
  return ((await res.json()) as { withdrawal: SandboxWithdrawal }).withdrawal;
}
const faults = (rules: unknown[]) =>
  fetch(`${PAYOUT}/__control/faults`, { method: "POST", body: JSON.stringify({ rules }) });
/** Changes the gateway simulator's settings; answers them as they were. */
async function sandboxConfig(change: Record<string, number>): Promise<Record<string, number>> {
  const res = await fetch(`${PAYOUT}/__control/config`, { method: "POST", body: "{}" });
  const { config } = (await res.json()) as { config: Record<string, number> };
  const before = { ...config };
  await fetch(`${PAYOUT}/__control/config`, { method: "POST", body: JSON.stringify(change) });
  return before;
}
let configBefore: Record<string, number> | null = null;

test.afterEach(async () => {
  await faults([]);
  if (configBefore) await sandboxConfig(configBefore);
  configBefore = null;
});

test("finance pastes several ids, sees the masked list, opens a detail, re-queries and sees the new status", async ({
  page,
}) => {
  await faults([{ op: "callback", kind: "drop" }]);
  // It completes when this test says so (below), not after a delay a slow look-up could outlast.
  configBefore = await sandboxConfig({ completeAfterMs: 0 });
  const a = await sandboxWithdrawal({
    amountSatang: 100010,
    accountName: "สมหญิง รุ่งเรือง",
    accountNo: "1234567890",
  });
  const b = await sandboxWithdrawal({ amountSatang: 5_000_00 });
  await signInAs(page, "finance");
  await page.goto("/withdrawals");
  const ids = [
    a.platform_order_id,
    "ABCW20260508abc123XYZ456",
    "not-an-id",
    b.platform_order_id,
  ].join("\n");
  await page.locator('textarea[name="ids"]').fill(ids);
  await page.getByRole("button", { name: "ค้นหา", exact: true }).click();
  const results = page.getByTestId("lookup-results");
  await expect(page.getByTestId("lookup-progress")).toContainText(
    "พบ 2 ไม่พบ 1 ไม่มีเลขร้านค้านี้ในระบบ 1 รูปแบบผิด 0",
  );
  await expect(results.locator(`tr[data-outcome=found]`)).toHaveCount(2);
  await expect(results.locator(`tr[data-outcome=not_found]`)).toContainText(
    "ABCW20260508abc123XYZ456",
  );
  // Not a platform order id: taken as a merchant's, and none we hold carries it.
  await expect(results.locator(`tr[data-outcome=not_held]`)).toContainText("not-an-id");
  // Each answer shows the withdrawal as now held: bank by name, masked account and name.
  const answer = results.locator(`tr[data-pasted="${a.platform_order_id}"]`);
  await expect(answer).toContainText("xxx-x-x7890");
  await expect(answer).toContainText("สมหญิง ร.");
  await expect(answer).toContainText("฿1,000.10");

  // Now that we hold it, its merchant order id finds it too (asked by its platform id);
  // text that is no order id at all is called so, and the answers export as CSV.
  await page
    .locator('textarea[name="ids"]')
    .fill(`${a.merchant_order_id}\nPAYOUT-NOBODY-1\nไม่ใช่เลข`);
  await page.getByRole("button", { name: "ค้นหา", exact: true }).click();
  const byMerchant = results.locator(`tr[data-pasted="${a.merchant_order_id}"]`);
  await expect(byMerchant).toHaveAttribute("data-outcome", "found");
  await expect(byMerchant.getByTestId("lookup-via")).toContainText(a.platform_order_id);
  await expect(results.locator("tr[data-outcome=not_held]")).toContainText("PAYOUT-NOBODY-1");
  await expect(results.locator("tr[data-outcome=invalid]")).toContainText("ไม่ใช่เลข");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "ส่งออกผลการค้นหา (CSV)" }).click(),
  ]);
  const csv = Buffer.concat(await (await download.createReadStream()).toArray()).toString("utf8");
  const csvLines = csv.slice(1).trim().split("\r\n");
  expect(csvLines[0]).toContain("ที่วางมา");
  expect(csvLines).toHaveLength(4);
  expect(csvLines[1]).toContain(a.platform_order_id);
  expect(csvLines[1]).toContain("xxx-x-x7890");
  expect(csv).not.toContain("1234567890");
  await expect(page.getByTestId("arrive-note")).toContainText("การแจ้งกลับ");

  const row = page.locator(`tr[data-platform-order-id="${a.platform_order_id}"]`);
  await expect(row).toBeVisible();
  await expect(row.getByTestId("account-no")).toHaveText("xxx-x-x7890");
  await expect(row.getByTestId("account-name")).toHaveText("สมหญิง ร.");
  await expect(row).toContainText("฿1,000.10");
  await expect(page.locator("body")).not.toContainText("1234567890");

  // The detail opens masked (a screen in a public place); "show" reveals, and is audited.
  await row.getByRole("link").first().click();
  const fields = page.getByTestId("withdrawal-fields");
  await expect(fields.getByTestId("account-no")).toHaveText("xxx-x-x7890");
  await expect(fields.getByTestId("account-name")).toHaveText("สมหญิง ร.");
  await expect(page.locator("body")).not.toContainText("1234567890");
  await fields.getByRole("button", { name: "แสดงเลขบัญชีเต็ม" }).click();
  await expect(fields.getByTestId("account-no")).toHaveText("1234567890");
  await expect(fields.getByTestId("account-name")).toHaveText("สมหญิง รุ่งเรือง");
  await expect(fields).toContainText("บันทึกในบันทึกการใช้งาน");
  await expect(page.getByTestId("withdrawal-status").locator("[data-status]")).toHaveAttribute(
    "data-status",
    "open",
  );

  // The gateway finishes it, but its callback is lost: a re-query brings the news.
  await fetch(`${PAYOUT}/__control/withdrawals/${a.platform_order_id}/complete`, {
    method: "POST",
    body: JSON.stringify({ status: "success" }),
  });
  await page.getByRole("button", { name: "สอบถามสถานะ" }).click();
  await expect(page.getByTestId("withdrawal-status").locator("[data-status]")).toHaveAttribute(
    "data-status",
    "success",
  );
  await expect(page.getByTestId("timeline")).toContainText("สอบถามสถานะ");
});

test("a withdrawal appears and completes in the open list by itself, through the gateway's callbacks", async ({
  page,
}) => {
  await signInAs(page, "finance");
  const w = await sandboxWithdrawal({ accountName: "ธนพล มั่นคง" });
  await page.goto(`/withdrawals?q=${w.platform_order_id}`);
  const row = page.locator(`tr[data-platform-order-id="${w.platform_order_id}"]`);
  await expect(row.locator("[data-status]")).toHaveAttribute("data-status", "open", {
    timeout: 5_000,
  });
  await expect(row.locator("[data-status]")).toHaveAttribute("data-status", "success", {
    timeout: 15_000,
  });
});

test("the search finds a withdrawal by the last digits of its account, the only ones a list shows", async ({
  page,
}) => {
  const w = await sandboxWithdrawal({ accountNo: "90817263544" });
  await signInAs(page, "finance");
  for (const digits of ["3544", "263544"]) {
    await page.goto(`/withdrawals?q=${digits}`);
    const row = page.locator(`tr[data-platform-order-id="${w.platform_order_id}"]`);
    await expect(row).toBeVisible({ timeout: 10_000 });
    await expect(row.getByTestId("account-no")).toHaveText("xxx-x-x3544");
  }
});

const ROLES: DemoRole[] = ["support", "finance", "manager", "admin"];

for (const role of ROLES) {
  test(`${role}: withdrawal API and actions allow and deny by role`, async ({ playwright }) => {
    const api = await apiAs(playwright, BASE, role);
    const may = role !== "support";
    const w = await sandboxWithdrawal();
    const expected = may ? 200 : 403;
    expect((await api.get("/api/withdrawals")).status()).toBe(expected);
    const lookup = await api.post("/api/withdrawals/lookup", {
      data: { platformOrderIds: [w.platform_order_id] },
    });
    expect(lookup.status()).toBe(expected);
    if (may) {
      const body = (await lookup.json()) as {
        results: { ok: boolean; withdrawal: { accountNo: string } }[];
      };
      expect(body.results[0]).toMatchObject({
        ok: true,
        withdrawal: { accountNo: `xxx-x-x${w.account_no.slice(-4)}` },
      });
      const detail = (await (await api.get(`/api/withdrawals/${w.platform_order_id}`)).json()) as {
        withdrawal: { accountNo: string };
      };
      expect(detail.withdrawal.accountNo).toBe(w.account_no);
    } else {
      expect((await api.get(`/api/withdrawals/${w.platform_order_id}`)).status()).toBe(403);
    }
    expect((await api.post(`/api/withdrawals/${w.platform_order_id}/requery`)).status()).toBe(
      may ? 200 : 403,
    );
    expect((await api.get("/api/withdrawals/export")).status()).toBe(expected);
    const answer = await callAction(
      api,
      BASE,
      "/withdrawals",
      { file: "lib/actions/withdrawals.ts", name: "lookupWithdrawalsAction" },
      [{ platformOrderIds: [w.platform_order_id] }],
    );
    expect(answer).toContain(may ? '"ok":true' : '"code":"FORBIDDEN"');
    const revealed = await callAction(
      api,
      BASE,
      `/withdrawals/${w.platform_order_id}`,
      { file: "lib/actions/withdrawals.ts", name: "revealAccountAction" },
      [{ platformOrderId: w.platform_order_id }],
    );
    expect(revealed).toContain(may ? w.account_no : '"code":"FORBIDDEN"');
  });
}

test("the payout webhook refuses a forged signature, another merchant and a stale time", async ({
  playwright,
}) => {
  const anon = await apiAs(playwright, BASE, null);
  const body = JSON.stringify({
    merchant_id: "SB00000001",
    time: Math.floor(Date.now() / 1000),
    platform_order_id: "FRGW20260508AAAAAAAAAAAA",
  });
  const res = await anon.post("/api/webhooks/payout", {
    data: Buffer.from(body),
    headers: { "x-signature": "0".repeat(64) },
  });
  expect(res.status()).toBe(401);
  expect(await res.json()).toMatchObject({ success: false, error: { code: "BAD_SIGNATURE" } });
  const finance = await apiAs(playwright, BASE, "finance");
  expect((await finance.get("/api/withdrawals/FRGW20260508AAAAAAAAAAAA")).status()).toBe(404);
});

test("the export holds exactly the filtered withdrawals, masked, in baht and Bangkok time", async ({
  page,
}) => {
  const tag = `EXP-${Date.now()}`;
  for (const amount of [123456, 7])
    await sandboxWithdrawal({
      amountSatang: amount,
      merchantOrderId: `${tag}-${amount}`,
      accountNo: "9876543210",
    });
  await signInAs(page, "finance");
  await page.goto(`/withdrawals?q=${tag}`);
  await expect(page.locator("tr[data-platform-order-id]")).toHaveCount(2);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "ส่งออก CSV" }).click(),
  ]);
  const text = Buffer.concat(await (await download.createReadStream()).toArray()).toString("utf8");
  const lines = text.slice(1).trim().split("\r\n");
  expect(lines).toHaveLength(3);
  expect(text).not.toContain("9876543210");
  expect(text).toContain("xxx-x-x3210");
  // Columns by their Thai headers: the pages' words beside the codes a script matches.
  const header = (lines[0] ?? "").split(",");
  const cells = lines.slice(1).map((l) => l.split(","));
  const column = (name: string) => cells.map((c) => c[header.indexOf(name)] ?? "");
  expect(column("จำนวนเงิน (บาท)").sort()).toEqual(["0.07", "1234.56"]);
  const codes = column("รหัสสถานะ");
  expect(codes.every((code) => code in th.status)).toBe(true);
  expect(column("สถานะ")).toEqual(codes.map((code) => th.status[code as keyof typeof th.status]));
  const banks = column("รหัสธนาคาร");
  expect(column("ธนาคาร")).toEqual(banks.map((code) => th.banks[code as keyof typeof th.banks]));
  expect(lines[1]).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
});

test("filters take amounts as people type them, and a bad or reversed value is shown beside its field", async ({
  page,
}) => {
  await signInAs(page, "finance");
  // A value the API refuses: the table says why, never "Loading…" for ever, and offers no
  // retry (the value must change); the field says what it expects, by its label.
  await page.goto("/withdrawals?min=abc");
  await expect(page.getByTestId("list-error")).toContainText("ตัวกรองนี้ใช้ไม่ได้");
  await expect(page.getByTestId("list-error")).toContainText("จำนวนเงินตั้งแต่");
  await expect(page.getByTestId("list-error").getByRole("button")).toHaveCount(0);
  await expect(page.locator("[data-problem=min]")).toContainText("เช่น 1,000 หรือ ฿500");
  await expect(page.locator("[data-problem=min]")).not.toContainText("min");

  const filters = page.getByRole("form", { name: "ตัวกรอง" });
  await filters.locator('input[name="min"]').fill("฿1,000");
  await filters.locator('input[name="max"]').fill("500");
  await filters.getByRole("button", { name: "ใช้ตัวกรอง" }).click();
  await expect(page.locator("[data-problem=max]")).toContainText("สลับ");
  await expect(page.locator("[data-problem=min]")).toHaveCount(0);

  await filters.locator('input[name="max"]').fill("1,000,000");
  await filters.getByRole("button", { name: "ใช้ตัวกรอง" }).click();
  await expect(page.getByTestId("list-error")).toHaveCount(0);
  await expect(page.locator("[data-problem]")).toHaveCount(0);
  // Whatever it holds, the list answered: rows, or the empty state naming withdrawals.
  await expect(
    page.locator("tr[data-platform-order-id], [data-testid=list-state]").first(),
  ).toBeVisible();

  await page.goto("/withdrawals?q=zz-no-such-withdrawal");
  await expect(page.getByTestId("list-state")).toHaveText("ไม่มีรายการถอนที่ตรงกับตัวกรองนี้");
  // Days the wrong way round: said in words, beside the field.
  await page.goto("/withdrawals?from=2026-12-05&to=2026-12-01");
  await expect(page.locator("[data-problem=to]")).toContainText("วันที่ 'ถึง' อยู่ก่อน 'ตั้งแต่' กรุณาสลับกัน");
});

test("during a gateway outage the look-up shows what we hold, stops asking, and offers a retry", async ({
  page,
}) => {
  const held = await sandboxWithdrawal({ amountSatang: 321_00 });
  const other = await sandboxWithdrawal({ amountSatang: 654_00 });
  await signInAs(page, "finance");
  await page.goto("/withdrawals");
  const box = page.locator('textarea[name="ids"]');
  const submit = page.getByRole("button", { name: "ค้นหา", exact: true });
  await box.fill(held.platform_order_id);
  await submit.click();
  const results = page.getByTestId("lookup-results");
  await expect(results.locator("tr[data-outcome=found]")).toHaveCount(1);

  await faults([{ op: "query", kind: "5xx" }]);
  // Fifteen ids: the first batch meets the failing gateway, the second is not sent to it.
  const unknown = Array.from(
    { length: 13 },
    (_, i) => `ABCW20260508outage${String(i).padStart(6, "0")}`,
  );
  await box.fill([held.platform_order_id, other.platform_order_id, ...unknown].join("\n"));
  await submit.click();
  await expect(page.getByTestId("gateway-down")).toBeVisible();
  await expect(page.getByTestId("lookup-progress")).toContainText("ค้นหาแล้ว 15 รายการ");
  const stored = results.locator("tr", { hasText: held.platform_order_id });
  await expect(stored).toHaveAttribute("data-outcome", "stored");
  await expect(stored).toContainText("฿321.00");
  await expect(stored).toContainText("ณ ");
  await expect(results.locator("tr[data-outcome=skipped]").first()).toBeVisible();

  // The gateway is back: the retry asks again for every id it did not answer.
  await faults([]);
  await page.getByTestId("gateway-down").getByRole("button").click();
  await expect(page.getByTestId("lookup-progress")).toContainText("พบ 2 ไม่พบ 13");
  await expect(page.getByTestId("gateway-down")).toHaveCount(0);
});

test("a withdrawal we hold that the gateway does not know shows our record, marked so, with its age; on a phone the answers are cards", async ({
  page,
  playwright,
}) => {
  // The gateway tells us of one (its callback), then no longer knows it.
  const w = await sandboxWithdrawal({ amountSatang: 777_00 });
  const finance = await apiAs(playwright, BASE, "finance");
  await expect
    .poll(async () => (await finance.get(`/api/withdrawals/${w.platform_order_id}`)).status(), {
      timeout: 15_000,
    })
    .toBe(200);
  await fetch(`${PAYOUT}/__control/withdrawals/${w.platform_order_id}`, { method: "DELETE" });

  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(page, "finance");
  await page.goto("/withdrawals");
  await page
    .locator('textarea[name="ids"]')
    .fill(`${w.platform_order_id}\n${w.merchant_order_id}\nNOT-OURS-1`);
  await page.getByRole("button", { name: "ค้นหา", exact: true }).click();
  const results = page.getByTestId("lookup-results");
  for (const pasted of [w.platform_order_id, w.merchant_order_id]) {
    const answer = results.locator(`tr[data-pasted="${pasted}"]`);
    await expect(answer).toHaveAttribute("data-outcome", "held_unknown");
    await expect(answer).toContainText("เรามี แต่เกตเวย์ไม่รู้จัก");
    await expect(answer.getByTestId("lookup-age")).toContainText("ชม.");
    await expect(answer).toContainText("฿777.00");
    await expect(answer).not.toContainText("ไม่พบข้อมูล");
  }
  await expect(page.getByTestId("lookup-progress")).toContainText("เรามีแต่เกตเวย์ไม่รู้จัก 2");
  // Cards: each answer's lines are labelled, and nothing scrolls sideways.
  await expect(results.locator(`tr[data-pasted="${w.platform_order_id}"] td`).first()).toHaveCSS(
    "display",
    "flex",
  );
  expect(
    await page.evaluate(
      () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
    ),
  ).toBe(true);
});
