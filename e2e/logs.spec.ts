import { expect, test } from "@playwright/test";

import { callAction } from "./actions";
import { apiAs, signInAs } from "./helpers";

const BASE = "http://localhost:3100";
const P2W_SANDBOX = "http://localhost:4110";

type Callback = { id: number; result: string; verification: string; entityId: string | null };

test("a manager finds a refused P2W callback and sees why, then replays a failed one and the order moves", async ({
  page,
  playwright,
  request,
}) => {
  const manager = await apiAs(playwright, BASE, "manager");

  // A forged P2W callback: the right shape, a token that was never ours.
  const forgedRef = `TU-FORGED${Date.now()}`;
  const forged = await request.post(`${BASE}/api/webhooks/p2w?token=not-our-token`, {
    data: { orderID: "P2W-FORGED", refID: forgedRef, status: "successed", balance: 1, reason: "" },
  });
  expect(forged.status()).toBe(401);

  // A real order whose confirming read fails: P2W answers every read with a 5xx.
  await request.post(`${P2W_SANDBOX}/__control/faults`, {
    data: { rules: [{ op: "get", kind: "5xx" }] },
  });
  let refId = "";
  try {
    const created = await manager.post("/api/topups", {
      data: { packageId: "ROLTH_A01_P001", topupInfo: { gameid: "logs-e2e-1", server: "1" } },
    });
    expect(created.status()).toBe(201);
    refId = ((await created.json()) as { topup: { refId: string } }).topup.refId;
    await expect
      .poll(
        async () => {
          const res = await manager.get(`/api/callbacks?q=${refId}`);
          const { items } = (await res.json()) as { items: Callback[] };
          return items.map((c) => c.result).join(",");
        },
        { timeout: 15_000 },
      )
      .toBe("retry");
  } finally {
    await request.delete(`${P2W_SANDBOX}/__control/faults`);
  }

  // Refused P2W callbacks, through the filters.
  await signInAs(page, "manager");
  await page.goto("/callbacks");
  const filters = page.getByRole("form", { name: "ตัวกรอง" });
  await filters.locator("select[name=upstream]").selectOption("p2w");
  await filters.locator("select[name=verification]").selectOption("refused");
  await filters.getByRole("button", { name: "ใช้ตัวกรอง" }).click();
  await expect(page).toHaveURL(/upstream=p2w/);
  await expect(page).toHaveURL(/verification=refused/);
  const refusedRow = page.locator("tr[data-callback-id]", { hasText: forgedRef });
  await expect(refusedRow).toBeVisible();
  await expect(refusedRow.getByRole("button", { name: "ประมวลผลซ้ำ" })).toBeDisabled();
  await refusedRow.getByRole("button", { expanded: false }).click();
  const detail = page.getByTestId("callback-detail");
  await expect(page.getByTestId("callback-why")).toContainText("โทเคนใน hookURL ไม่ตรงกับ refID");
  await expect(detail).toContainText("มีส่งมา (ไม่เก็บค่า)");
  await expect(page.getByTestId("callback-body")).toContainText(`"refID": "${forgedRef}"`);
  await expect(page.getByTestId("callback-body")).not.toContainText("not-our-token");

  // The failed one: replayed from the log, it applies, and the order shows it.
  await page.goto(`/callbacks?result=failed&q=${refId}`);
  await expect(page.locator("tr[data-callback-id]").locator("[data-value=retry]")).toBeVisible();
  // Replayed where it stays in view once it no longer counts as failed.
  await page.goto(`/callbacks?q=${refId}`);
  const failedRow = page.locator("tr[data-callback-id]").first();
  await expect(failedRow.locator("[data-value=retry]")).toBeVisible();
  // A replay may move the order: a dialog asks first, and Esc changes nothing.
  await failedRow.getByRole("button", { name: "ประมวลผลซ้ำ" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText(refId);
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(failedRow.locator("[data-value=retry]")).toBeVisible();
  await failedRow.getByRole("button", { name: "ประมวลผลซ้ำ" }).click();
  await dialog.getByRole("button", { name: "ประมวลผลซ้ำ" }).click();
  await expect(failedRow.locator("[data-value=applied]")).toBeVisible({ timeout: 10_000 });
  await expect(failedRow.getByTestId("replayed")).toContainText("Prasert Manager");
  await failedRow.getByRole("link", { name: refId }).click();
  await expect(page.getByTestId("topup-status")).toContainText("สำเร็จ");

  // A refused callback cannot be replayed through the API either.
  const replayed = await manager.post(
    `/api/callbacks/${(await callbackOf(manager, forgedRef)).id}/replay`,
  );
  expect(replayed.status()).toBe(409);
  expect(((await replayed.json()) as { error: { code: string } }).error.code).toBe(
    "NOT_REPLAYABLE",
  );
});

async function callbackOf(api: Awaited<ReturnType<typeof apiAs>>, ref: string): Promise<Callback> {
  const { items } = (await (await api.get(`/api/callbacks?q=${ref}`)).json()) as {
    items: Callback[];
  };
  if (!items[0]) throw new Error(`no callback for ${ref}`);
  return items[0];
}

test("finance and support cannot open either log, nor replay through the action", async ({
  page,
  playwright,
}) => {
  await signInAs(page, "finance");
  const response = await page.goto("/callbacks");
  expect(response?.status()).toBe(403);
  expect((await page.goto("/upstream-calls"))?.status()).toBe(403);
  for (const role of ["finance", "support"] as const) {
    const api = await apiAs(playwright, BASE, role);
    expect((await api.get("/api/callbacks")).status()).toBe(403);
    expect((await api.get("/api/upstream-calls")).status()).toBe(403);
    expect((await api.post("/api/callbacks/1/replay")).status()).toBe(403);
    const answer = await callAction(
      api,
      BASE,
      "/callbacks",
      { file: "lib/actions/callbacks.ts", name: "replayCallbackAction" },
      [{ id: 1 }],
    );
    expect(answer).toContain('"code":"FORBIDDEN"');
  }
});

test("the upstream calls log shows latency per operation and opens a call with secrets redacted", async ({
  page,
}) => {
  await signInAs(page, "admin");
  await page.goto("/upstream-calls?operation=create_order");
  await expect(
    page.getByTestId("call-stats").locator("tr[data-operation=create_order]"),
  ).toBeVisible();
  const row = page.locator("tr[data-call-id]").first();
  await expect(row).toContainText("สร้างคำสั่ง (P2W)");
  await row.getByRole("button", { expanded: false }).click();
  const detail = page.getByTestId("call-detail");
  await expect(detail).toContainText("hookURL");
  await expect(detail).toContainText("token=[redacted]");
});
