import { expect, test } from "@playwright/test";

import { apiAs, signInAs } from "./helpers";

const BASE = "http://localhost:3100";

test("the audit log tells a decision and a refusal in words, links its targets, and exports exactly what it shows", async ({
  page,
  playwright,
}) => {
  const manager = await apiAs(playwright, BASE, "manager");
  // A ฿1,000 top-up that P2W fails (the sandbox fails a player id starting "fail").
  const created = (await (
    await manager.post("/api/topups", {
      data: {
        packageId: "ROLTH_A01_P003",
        topupInfo: { gameid: `fail-audit-${Date.now()}`, server: "1" },
      },
    })
  ).json()) as { topup: { refId: string } };
  const refId = created.topup.refId;
  await expect
    .poll(
      async () =>
        (
          (await (await manager.get(`/api/topups/${refId}`)).json()) as {
            topup: { status: string };
          }
        ).topup.status,
      { timeout: 15_000 },
    )
    .toBe("failed");

  // A re-issue this large needs a second person; the requester approving it is refused,
  // and that refusal is audited like any denial.
  const requested = await manager.post(`/api/topups/${refId}/reissue`, {
    data: { note: "ขออนุมัติออกใหม่ให้ลูกค้า", idempotencyKey: `audit-${refId}` },
  });
  expect(requested.status()).toBe(202);
  const { approval } = (await requested.json()) as { approval: { id: number } };
  const own = await manager.post(`/api/approvals/${approval.id}/approve`, {
    data: { note: "อนุมัติเอง" },
  });
  expect(own.status()).toBe(403);
  expect(await own.json()).toMatchObject({ error: { code: "SAME_PERSON" } });

  // The decision, through the page; it says it is done.
  await signInAs(page, "manager");
  await page.goto(`/topups/${refId}`);
  const panel = page.getByTestId("review-panel");
  await panel.getByLabel("คืนเงินแล้ว").check();
  await panel.getByLabel("บันทึก").first().fill("คืนเงินเข้ากระเป๋าลูกค้าแล้ว");
  await panel.getByRole("button", { name: "บันทึกการตัดสิน" }).click();
  await expect(page.getByRole("region", { name: /^การแจ้งเตือน/ })).toContainText(
    "บันทึกการตัดสินแล้ว: คืนเงินแล้ว",
  );

  // In the log: the outcome and the note in words, the order linked.
  await page.goto(`/audit?target=${refId}`);
  const rows = page.locator("[data-testid=audit-log] tbody tr");
  const decision = page.locator("tr[data-action='review.resolve']");
  await expect(decision.getByTestId("audit-summary")).toContainText("ผลการตัดสิน: คืนเงินแล้ว");
  await expect(decision.getByTestId("audit-summary")).toContainText("บันทึก: คืนเงินเข้ากระเป๋าลูกค้าแล้ว");
  await expect(decision.getByRole("link", { name: new RegExp(refId) })).toHaveAttribute(
    "href",
    `/topups/${refId}`,
  );
  await expect(page.locator("tr[data-action='reissue.request']")).toContainText("฿1,000.00");

  // The export holds exactly the entries on the screen.
  const shown = await rows.count();
  const csv = await (await manager.get(`/api/audit/export?target=${refId}`)).text();
  const lines = csv
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
  expect(lines).toHaveLength(shown + 1);
  expect(lines[0]).toContain("สรุป");
  expect(lines.slice(1).every((line) => line.includes(refId))).toBe(true);
  expect(csv).toContain("ผลการตัดสิน: คืนเงินแล้ว");

  // The refusal, by its rule.
  await page.goto("/audit?action=access.denied");
  await expect(page.locator("tr[data-action='access.denied']").first()).toContainText(
    "SAME_PERSON",
  );

  // Repeated parameters are read as the lists read them (the last one), never a 500.
  const repeated = await page.goto("/audit?status=a&status=b&from=1&from=2&cursor=x&cursor=y");
  expect(repeated?.status()).toBe(200);
  await expect(page.getByTestId("audit-bad-filter")).toBeVisible();
});
