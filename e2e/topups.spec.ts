import { expect, test } from "@playwright/test";

import { apiAs, signInAs } from "./helpers";
import { th } from "./messages";

const BASE = "http://localhost:3100";
const P2W_SANDBOX = "http://localhost:4110";

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
  await page.getByRole("button", { name: "ตรวจทาน" }).click();
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
  // The timeline in sentences, people by name, raw details folded away.
  const timeline = page.getByTestId("timeline");
  await expect(timeline).toContainText("สมชาย ใจดี สร้างรายการ");
  await expect(timeline).toContainText("P2W แจ้งว่า สำเร็จ (ตรวจซ้ำกับ P2W แล้ว)");
  await expect(timeline).not.toContainText("user:");
  await expect(timeline.locator("details").first()).not.toHaveAttribute("open");
  // Its fields in words: labels in Thai, the chosen server by its name, not `server: 2`.
  const info = page.getByTestId("topup-info");
  await expect(info).toContainText(`ไอดีเกม ${player}`);
  await expect(info).toContainText("เซิร์ฟเวอร์ 2 (Loki)");
  await expect(info).not.toContainText("gameid");

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
  // The package is in the second line of filters, behind "More filters".
  await filters.getByRole("button", { name: "ตัวกรองเพิ่มเติม" }).click();
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
  // The pages' words beside the codes: status, and the package by its name.
  const header = (lines[0] ?? "").split(",");
  const cells = lines.slice(1).map((l) => l.split(","));
  const column = (name: string) => cells.map((c) => c[header.indexOf(name)] ?? "");
  const codes = column("รหัสสถานะ");
  expect(codes.every((code) => code in th.status)).toBe(true);
  expect(column("สถานะ")).toEqual(codes.map((code) => th.status[code as keyof typeof th.status]));
  expect(new Set(column("แพ็กเกจ")).size).toBe(1);
  expect(column("แพ็กเกจ")[0]).not.toBe("ROV_TH_C115");
  expect(column("แพ็กเกจ")[0]).not.toBe("");
});

test("the form checks fields itself, keeps values across Back, says when P2W is slow, and its result turns live", async ({
  page,
  playwright,
  request,
}) => {
  await signInAs(page, "support");
  await page.goto("/topups/new");
  await page.locator('select[name="packageId"]').selectOption("ROLTH_A01_P001");
  // A player id of spaces is empty: refused beside the field by its label, never sent.
  await page.locator('input[name="gameid"]').fill("   ");
  await page.locator('select[name="server"]').selectOption("2");
  await page.getByRole("button", { name: "ตรวจทาน" }).click();
  const problem = page.locator("#field-gameid-problem");
  await expect(problem).toHaveAttribute("data-code", "FIELD_REQUIRED");
  await expect(problem).not.toContainText("gameid");
  await expect(page.locator("#field-gameid")).toBeFocused();
  await expect(page.getByTestId("topup-summary")).toHaveCount(0);

  // Back from the summary keeps every value.
  const player = `form-${Date.now()}`;
  await page.locator('input[name="gameid"]').fill(` ${player} `);
  await expect(problem).toHaveCount(0);
  await page.getByRole("button", { name: "ตรวจทาน" }).click();
  await expect(page.getByRole("heading", { name: "ตรวจทานก่อนส่ง" })).toBeFocused();
  await expect(page.getByTestId("topup-summary")).toContainText(player);
  await page.getByRole("button", { name: "ย้อนกลับ" }).click();
  await expect(page.locator('input[name="gameid"]')).toHaveValue(player);
  await expect(page.locator('select[name="server"]')).toHaveValue("2");
  await page.getByRole("button", { name: "ตรวจทาน" }).click();

  // P2W answers after 3.5 s: the form says it is slow and the order is safe.
  await request.post(`${P2W_SANDBOX}/__control/faults`, {
    data: { rules: [{ op: "create", kind: "latency", ms: 3_500, times: 1 }] },
  });
  try {
    await page.getByRole("button", { name: "ส่งรายการเติม" }).click();
    await expect(page.getByTestId("topup-slow")).toContainText("P2W ตอบช้า");
    await expect(page.locator("[data-outcome=pending]")).toBeVisible({ timeout: 10_000 });
  } finally {
    await request.delete(`${P2W_SANDBOX}/__control/faults`);
  }
  // The result panel follows the order to its end without a reload.
  await expect(page.getByTestId("outcome-status").locator("[data-status]")).toHaveAttribute(
    "data-status",
    "succeeded",
    { timeout: 15_000 },
  );
  const api = await apiAs(playwright, BASE, "support");
  const found = (await (await api.get(`/api/topups?q=${player}`)).json()) as {
    items: { topupInfo: Record<string, string> }[];
  };
  expect(found.items.map((i) => i.topupInfo.gameid)).toEqual([player]);
});

test("a second top-up of the same package for the same player within the window asks first, naming the earlier one", async ({
  page,
  playwright,
}) => {
  const api = await apiAs(playwright, BASE, "support");
  const player = `dup-${Date.now()}`;
  const earlier = (await (
    await api.post("/api/topups", {
      data: { packageId: "FF_TH_D100", topupInfo: { playerid: player } },
    })
  ).json()) as { topup: { refId: string } };

  await signInAs(page, "support");
  await page.goto("/topups/new");
  await page.locator('select[name="packageId"]').selectOption("FF_TH_D100");
  await page.locator('input[name="playerid"]').fill(player);
  await page.getByRole("button", { name: "ตรวจทาน" }).click();
  const warning = page.getByTestId("duplicate-warning");
  await expect(warning).toContainText("10 นาที");
  await expect(warning.getByRole("link")).toHaveAttribute("href", `/topups/${earlier.topup.refId}`);
  const send = page.getByRole("button", { name: "ส่งรายการเติม" });
  await expect(send).toBeDisabled();
  await warning.getByRole("checkbox").check();
  await expect(send).toBeEnabled();

  // Another player: no question asked.
  await page.getByRole("button", { name: "ย้อนกลับ" }).click();
  await page.locator('input[name="playerid"]').fill(`${player}-other`);
  await page.getByRole("button", { name: "ตรวจทาน" }).click();
  await expect(page.getByTestId("topup-summary")).toContainText(`${player}-other`);
  await expect(page.locator("[data-duplicate-check=answered]")).toBeVisible();
  await expect(page.getByTestId("duplicate-warning")).toHaveCount(0);
  await expect(send).toBeEnabled();
});

test("bulk re-query skips final orders, says how many, and lists every failure with its reason", async ({
  page,
  playwright,
  request,
}) => {
  const api = await apiAs(playwright, BASE, "support");
  const tag = `bulk-${Date.now()}`;
  const create = async (player: string) =>
    (
      (await (
        await api.post("/api/topups", {
          data: { packageId: "FF_TH_D100", topupInfo: { playerid: `${tag}-${player}` } },
        })
      ).json()) as { topup: { refId: string } }
    ).topup.refId;
  const statusOf = async (refId: string) =>
    ((await (await api.get(`/api/topups/${refId}`)).json()) as { topup: { status: string } }).topup
      .status;
  const done = await create("done");
  await expect.poll(() => statusOf(done), { timeout: 15_000 }).toBe("succeeded");

  const config = async (change: Record<string, number>) =>
    (
      (await (await request.post(`${P2W_SANDBOX}/__control/config`, { data: change })).json()) as {
        config: Record<string, number>;
      }
    ).config;
  const before = await config({});
  await config({ completeAfterMs: 120_000, processingAfterMs: 120_000 });
  try {
    await create("open-1");
    await create("open-2");
    // A create whose answer was lost: no P2W order id yet, nothing to ask.
    await request.post(`${P2W_SANDBOX}/__control/faults`, {
      data: { rules: [{ op: "create", kind: "5xx", times: 1 }] },
    });
    const waiting = await create("waiting");
    await request.post(`${P2W_SANDBOX}/__control/faults`, {
      data: { rules: [{ op: "get", kind: "5xx" }] },
    });
    await signInAs(page, "support");
    await page.goto(`/topups?q=${tag}`);
    await expect(page.locator("tr[data-ref-id]")).toHaveCount(4);
    await page.getByRole("checkbox", { name: "เลือกทั้งหน้า" }).check();
    await page.getByRole("button", { name: /สอบถามสถานะรายการที่เลือก \(4\)/ }).click();
    await expect(page.getByTestId("bulk-progress")).toHaveText(
      "สอบถาม 2 จาก 2 · สอบถามไม่ได้ 2 · ข้าม 1 ที่ยังไม่มีเลขออเดอร์ · ข้าม 1 ที่จบแล้ว",
    );
    const failures = page.getByTestId("run-failures").locator("li");
    await expect(failures).toHaveCount(2);
    for (const item of await failures.all()) {
      await expect(item).toHaveAttribute("data-code", "UPSTREAM_SERVER_ERROR");
      await expect(item).toContainText("TU-");
      await expect(item).not.toContainText(waiting);
    }
    // Left out with its reason, not counted as failed.
    const leftOut = page.getByTestId("run-left-out").locator("li");
    await expect(leftOut).toHaveCount(1);
    await expect(leftOut).toContainText(waiting);
  } finally {
    await request.delete(`${P2W_SANDBOX}/__control/faults`);
    await config({
      completeAfterMs: before.completeAfterMs ?? 2_500,
      processingAfterMs: before.processingAfterMs ?? 833,
    });
  }
});

test("a long paste is refused with the limit, not cut; a drop-down left empty asks to choose; the picker names the game", async ({
  page,
}) => {
  await signInAs(page, "support");
  await page.goto("/topups/new");
  // Each package is named with its game: "100 เพชร" alone could be any game's.
  await expect(page.locator('select[name="packageId"] option[value="FF_TH_D100"]')).toContainText(
    "Free Fire",
  );
  await page.locator('select[name="packageId"]').selectOption("ROLTH_A01_P001");
  const pasted = "ก".repeat(300);
  await page.locator('input[name="gameid"]').fill(pasted);
  // Kept whole: nothing is cut without a word.
  await expect(page.locator('input[name="gameid"]')).toHaveValue(pasted);
  await page.getByRole("button", { name: "ตรวจทาน" }).click();
  const long = page.locator("#field-gameid-problem");
  await expect(long).toHaveAttribute("data-code", "FIELD_TOO_LONG");
  await expect(long).toContainText("100 ตัวอักษร");
  const choose = page.locator("#field-server-problem");
  await expect(choose).toHaveAttribute("data-code", "FIELD_NOT_CHOSEN");
  await expect(choose).toContainText("กรุณาเลือก");
  await expect(page.getByTestId("topup-summary")).toHaveCount(0);
});
