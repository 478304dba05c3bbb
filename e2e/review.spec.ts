import { expect, test } from "@playwright/test";

import { apiAs, signInAs } from "./helpers";

const BASE = "http://localhost:3100";

type Item = { id: number; kind: string; reason: string; entityId: string };

test("a manager works the queue while an admin watches the claim and the counts change live", async ({
  browser,
  page,
}) => {
  await signInAs(page, "manager");
  const watcher = await (await browser.newContext({ baseURL: BASE })).newPage();
  await signInAs(watcher, "admin");
  await page.goto("/review");
  await watcher.goto("/review");

  const unknownCount = watcher.getByTestId("count-unknown_outcome");
  await expect(watcher.locator("tr[data-item-id]").first()).toBeVisible();
  const before = Number(await unknownCount.textContent());
  expect(before).toBeGreaterThan(0);
  const badge = watcher.getByTestId("review-count").first();
  const waiting = Number(await badge.textContent());

  // Claim the oldest unknown outcome: the admin's page shows who is on it, without a reload.
  await page.getByRole("tab", { name: /ไม่ทราบผล/ }).click();
  const row = page.locator("tr[data-reason=unknown_outcome]").first();
  const refId = await row.getAttribute("data-entity-id");
  await row.getByRole("button", { name: "รับเรื่อง" }).click();
  await expect(row.getByText("คุณรับเรื่องนี้อยู่")).toBeVisible();
  const watched = watcher.locator(`tr[data-entity-id="${refId}"]`);
  await expect(watched.locator("[data-claimed-by]")).toHaveAttribute(
    "data-claimed-by",
    "Prasert Manager",
  );

  // The evidence: the order's detail page, its review panel.
  await page.goto(`/topups/${refId}#review`);
  const panel = page.getByTestId("review-panel");
  await expect(panel.getByTestId("evidence-named-callback")).toHaveText("ไม่");
  await expect(panel.getByTestId("reissue-blocked")).toContainText("อาจยังสำเร็จได้");

  // Decide: not delivered (recorded as failed by a person), then re-issue it.
  await panel.getByLabel("ไม่ได้ส่ง").check();
  await panel.getByLabel("บันทึก").first().fill("P2W ยืนยันว่าไม่ได้รับคำสั่ง");
  await panel.getByRole("button", { name: "บันทึกการตัดสิน" }).click();
  await expect(page.getByTestId("topup-status")).toContainText("ไม่สำเร็จ");
  await expect(unknownCount).toHaveText(String(before - 1));
  await expect(panel.getByTestId("decided-items")).toContainText("ไม่ได้ส่ง");

  const reissue = panel.getByTestId("reissue-form");
  await reissue.getByRole("textbox").fill("ลูกค้ายังรอ ส่งใหม่");
  // Money moves: a dialog names the amount first; Esc changes nothing.
  await reissue.getByRole("button", { name: "ออกใหม่ทันที" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("฿");
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(panel.getByTestId("reissued-as")).toHaveCount(0);
  await reissue.getByRole("button", { name: "ออกใหม่ทันที" }).click();
  await dialog.getByRole("button", { name: /ออกรายการใหม่ ฿/ }).click();
  // The form names the order it sent until the live refresh (which may come first, while P2W
  // answers) replaces it with the panel's lasting link to the new order.
  await expect(panel.getByTestId("reissued-as").getByRole("link")).toHaveText(/^TU-/);
  // Decided (unknown → failed opens a `failed` item), then re-issued (closes it): one less.
  await expect(badge).toHaveText(String(waiting - 1));
  const newRef = (await panel.getByTestId("reissued-as").getByRole("link").textContent()) ?? "";
  await page.goto(`/topups/${newRef}`);
  await expect(page.getByRole("link", { name: refId ?? "" })).toBeVisible();

  // The new order's history starts with its create; the old one's says it was re-issued.
  await page.goto(`/topups/${refId}`);
  await expect(page.locator("[data-testid=timeline] tr[data-kind=reissue]")).toHaveCount(1);
  await watcher.context().close();
});

test("support cannot open the queue, nor call its API", async ({ page, playwright }) => {
  await signInAs(page, "support");
  await page.goto("/review");
  await expect(page.getByRole("heading", { name: "ไม่มีสิทธิ์" })).toBeVisible();
  await expect(page.getByRole("link", { name: "คิวตรวจสอบ" })).toHaveCount(0);
  const support = await apiAs(playwright, BASE, "support");
  expect((await support.get("/api/review")).status()).toBe(403);
  expect((await support.post("/api/review/1/claim")).status()).toBe(403);
});

test("the API refuses a foreign claim, a short note and a misfit outcome, and one decision wins", async ({
  playwright,
}) => {
  const manager = await apiAs(playwright, BASE, "manager");
  const admin = await apiAs(playwright, BASE, "admin");
  const queue = (await (await manager.get("/api/review?kind=withdrawal&reason=stuck")).json()) as {
    items: Item[];
    counts: Record<string, number>;
  };
  const item = queue.items[0];
  if (!item) throw new Error("the demo data should hold a stuck withdrawal");

  expect((await manager.post(`/api/review/${item.id}/claim`)).status()).toBe(200);
  const taken = await admin.post(`/api/review/${item.id}/claim`);
  expect(taken.status()).toBe(409);
  expect(await taken.json()).toMatchObject({
    error: { code: "CLAIMED", details: { claimedBy: { name: "Prasert Manager" } } },
  });

  const short = await manager.post(`/api/review/${item.id}/resolve`, {
    data: { outcome: "paid", note: "ok" },
  });
  expect(short.status()).toBe(422);
  expect(await short.json()).toMatchObject({ error: { code: "NOTE_TOO_SHORT" } });
  const misfit = await manager.post(`/api/review/${item.id}/resolve`, {
    data: { outcome: "delivered", note: "checked the bank" },
  });
  expect(misfit.status()).toBe(422);

  const [first, second] = await Promise.all([
    manager.post(`/api/review/${item.id}/resolve`, {
      data: { outcome: "no_action", note: "bank statement shows nothing" },
    }),
    manager.post(`/api/review/${item.id}/resolve`, {
      data: { outcome: "not_paid", note: "bank statement shows nothing" },
    }),
  ]);
  expect([first.status(), second.status()].sort()).toEqual([200, 409]);
  const loser = first.status() === 409 ? first : second;
  expect(await loser.json()).toMatchObject({ error: { code: "ALREADY_RESOLVED" } });

  const done = (await (await manager.get("/api/review?resolved=1&kind=withdrawal")).json()) as {
    items: (Item & { resolvedBy: { name: string } | null })[];
  };
  expect(done.items.find((i) => i.id === item.id)?.resolvedBy?.name).toBe("Prasert Manager");
});

test("Decide selected says how many were done when one is someone else's, and a claim never pushes Decide off the screen", async ({
  page,
  playwright,
}) => {
  const support = await apiAs(playwright, BASE, "support");
  const tag = `fail-bulk-${Date.now()}`;
  const refs: string[] = [];
  for (const n of [1, 2, 3]) {
    const created = (await (
      await support.post("/api/topups", {
        data: { packageId: "FF_TH_D100", topupInfo: { playerid: `${tag}-${n}` } },
      })
    ).json()) as { topup: { refId: string } };
    refs.push(created.topup.refId);
  }
  const admin = await apiAs(playwright, BASE, "admin");
  const items = async () =>
    (
      (await (await admin.get("/api/review?reason=failed&kind=topup&limit=200")).json()) as {
        items: Item[];
      }
    ).items.filter((i) => refs.includes(i.entityId));
  await expect.poll(async () => (await items()).length, { timeout: 20_000 }).toBe(3);
  const [taken] = await items();
  if (!taken) throw new Error("no item");
  expect((await admin.post(`/api/review/${taken.id}/claim`)).status()).toBe(200);

  await page.setViewportSize({ width: 1440, height: 900 });
  await signInAs(page, "manager");
  await page.goto("/review?reason=failed");
  const claimedRow = page.locator(`tr[data-entity-id="${taken.entityId}"]`);
  await expect(claimedRow.locator("[data-claimed-by]")).toHaveAttribute(
    "data-claimed-by",
    "Admin Ops",
  );
  // The claim wraps in its cell: Decide stays on the screen.
  const decide = claimedRow.getByRole("button", { name: "ตัดสินใจ" });
  const box = await decide.boundingBox();
  expect(box && box.x + box.width).toBeLessThanOrEqual(1440);

  for (const ref of refs)
    await page.locator(`tr[data-entity-id="${ref}"]`).getByRole("checkbox").check();
  const bar = page.getByTestId("bulk-bar");
  await bar.getByLabel("ผลการตัดสิน").selectOption({ label: "คืนเงินแล้ว" });
  await bar.getByLabel("บันทึก").fill("คืนเงินให้ลูกค้าทั้งสามรายการแล้ว");
  await bar.getByRole("button", { name: "ตัดสินรายการที่เลือก" }).click();
  await expect(bar.getByTestId("bulk-progress")).toHaveText(
    "สำเร็จ 2 จาก 3 · ไม่สำเร็จ 1 (ดูเหตุผลด้านล่าง)",
  );
  await expect(bar.locator("[data-ok=false]")).toHaveCount(1);
  await expect(bar.locator("[data-ok=false]")).toContainText(taken.entityId);
});
