import { expect, type Page, test } from "@playwright/test";

import { apiAs, readAgain, settled, signInAs } from "./helpers";

const BASE = "http://localhost:3100";

/** Every list a manager or administrator reads, with the table it shows. */
const LISTS = ["/topups", "/withdrawals", "/review", "/callbacks", "/upstream-calls", "/audit"];
/** The lists whose filters have a second line behind "More filters". */
const WITH_MORE_FILTERS = ["/topups", "/withdrawals"];

/**
 * What does not fit: the page's own sideways scroll, a table box that scrolls sideways, and
 * each filter control whose text is wider than the room it has (a select's chosen option is
 * measured with the control's own font).
 */
async function overflows(page: Page) {
  return page.evaluate(() => {
    const found: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth)
      found.push(`page ${root.scrollWidth}>${root.clientWidth}`);
    for (const table of document.querySelectorAll("table")) {
      const box = table.parentElement!;
      if (box.scrollWidth > box.clientWidth + 1)
        found.push(`table ${table.dataset.testid} ${box.scrollWidth}>${box.clientWidth}`);
    }
    const context = document.createElement("canvas").getContext("2d")!;
    for (const field of document.querySelectorAll<HTMLInputElement | HTMLSelectElement>(
      "form input:not([type=hidden]):not([type=checkbox]):not([type=radio]), form select",
    )) {
      if (field.offsetParent === null) continue;
      const style = getComputedStyle(field);
      const room =
        field.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      let text = field instanceof HTMLSelectElement ? (field.selectedOptions[0]?.text ?? "") : "";
      if (field instanceof HTMLInputElement && field.type === "date") text = "00/00/0000";
      else if (field instanceof HTMLInputElement) text = field.value || field.placeholder;
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      // A date box also holds its calendar button (~20 px).
      const need = context.measureText(text).width + (field.type === "date" ? 20 : 0);
      if (need > room + 1)
        found.push(`${field.name}: "${text}" needs ${Math.ceil(need)} > ${room}`);
    }
    return found;
  });
}

for (const locale of ["th", "en"] as const) {
  test(`at 1440 px every list and detail fits without a sideways scroll and no filter is cut, in ${locale}`, async ({
    page,
    playwright,
  }) => {
    test.setTimeout(90_000);
    const created = (await (
      await (
        await apiAs(playwright, BASE, "support")
      ).post("/api/topups", {
        data: {
          packageId: "ROLTH_A01_P001",
          topupInfo: { gameid: `fit-${Date.now()}`, server: "2" },
        },
      })
    ).json()) as { topup: { refId: string } };
    const withdrawals = (await (
      await (await apiAs(playwright, BASE, "finance")).get("/api/withdrawals?limit=1")
    ).json()) as { items: { platformOrderId: string }[] };
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.context().addCookies([{ name: "locale", value: locale, url: BASE }]);
    await signInAs(page, "admin");
    const problems: string[] = [];
    const details = [
      `/topups/${created.topup.refId}`,
      ...withdrawals.items.map((w) => `/withdrawals/${w.platformOrderId}`),
    ];
    for (const path of [...LISTS, ...details]) {
      await page.goto(path);
      await settled(page);
      // The second line of filters too, on the lists that have one.
      const more = page.getByRole("button", { name: /ตัวกรองเพิ่มเติม|More filters/ });
      if (WITH_MORE_FILTERS.includes(path)) {
        await more.click();
        await expect(more).toHaveAttribute("aria-expanded", "true");
      } else {
        await expect(more).toHaveCount(0);
      }
      problems.push(...(await overflows(page)).map((p) => `${path}: ${p}`));
    }
    expect(problems).toEqual([]);
  });
}

test("at 390 px a list is a column of cards, with no sideways scroll", async ({
  page,
  playwright,
}) => {
  const api = await apiAs(playwright, BASE, "support");
  await api.post("/api/topups", {
    data: { packageId: "FF_TH_D100", topupInfo: { playerid: `card-${Date.now()}` } },
  });
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(page, "manager");
  for (const path of ["/topups", "/withdrawals", "/audit"]) {
    await page.goto(path);
    await settled(page);
    // The first cell a phone shows (the selection box is left off cards).
    const cell = page.locator("tbody tr").first().locator("td:visible").first();
    await expect(cell).toHaveCSS("display", "flex");
    expect(await overflows(page)).toEqual([]);
  }
});

test("active filters are chips, and removing one keeps the others", async ({ page }) => {
  await signInAs(page, "manager");
  await page.goto("/topups?status=failed&q=chip-test");
  const chips = page.getByTestId("filter-chips");
  await expect(chips.locator("[data-chip=status]")).toContainText("ไม่สำเร็จ");
  await chips.getByRole("button", { name: /สถานะ: ไม่สำเร็จ/ }).click();
  await expect(page).toHaveURL(/\/topups\?q=chip-test$/);
  await expect(chips.locator("[data-chip=status]")).toHaveCount(0);
  await expect(chips.locator("[data-chip=q]")).toBeVisible();
  await expect(
    page.getByRole("form", { name: "ตัวกรอง" }).locator("select[name=status]"),
  ).toHaveValue("");
});

test("j and k move between rows and Enter opens one; ids are short with a copy button", async ({
  page,
  playwright,
}) => {
  const api = await apiAs(playwright, BASE, "support");
  const tag = `keys-${Date.now()}`;
  for (const n of [1, 2]) {
    await api.post("/api/topups", {
      data: { packageId: "FF_TH_D100", topupInfo: { playerid: `${tag}-${n}` } },
    });
  }
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await signInAs(page, "manager");
  await page.goto(`/topups?q=${tag}`);
  const rows = page.locator("tr[data-ref-id]");
  await expect(rows).toHaveCount(2);
  const second = (await rows.nth(1).getAttribute("data-ref-id"))!;

  // The id shows its end; the link still names the whole id.
  const link = rows.nth(1).getByRole("link", { name: second });
  await expect(link).toHaveText(new RegExp(`…${second.slice(-8)}`));
  await rows
    .nth(1)
    .getByRole("button", { name: `คัดลอก ${second}` })
    .click();
  await expect(page.getByText(`คัดลอก ${second} แล้ว`)).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(second);

  await page.locator("h1").click();
  await page.keyboard.press("j");
  await expect(rows.nth(0)).toBeFocused();
  await page.keyboard.press("j");
  await expect(rows.nth(1)).toBeFocused();
  await page.keyboard.press("k");
  await page.keyboard.press("j");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/topups/${second}$`));

  // Searching by the tail the list shows, in lower case, finds it; after Enter the search
  // box keeps the focus (a screen reader keeps its place).
  await page.goto("/topups");
  const search = page.locator('input[name="q"]');
  await search.fill(second.slice(-8).toLowerCase());
  await search.press("Enter");
  await expect(page).toHaveURL(new RegExp(`q=${second.slice(-8).toLowerCase()}`));
  await expect(rows).toHaveCount(1);
  await expect(page.locator('input[name="q"]')).toBeFocused();
  // j, k and Enter work from a row's checkbox too (once the page has hydrated: a focus
  // before that reaches no handler).
  const hydrated = readAgain(page, "/api/topups");
  await page.goto(`/topups?q=${tag}`);
  await hydrated;
  await expect(rows).toHaveCount(2);
  await rows.nth(0).getByRole("checkbox").focus();
  await page.keyboard.press("j");
  await expect(rows.nth(1)).toBeFocused();
  await rows.nth(1).getByRole("checkbox").focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/topups/${second}$`));
});

test("the column chooser adds a column, and the choice is remembered for that person", async ({
  page,
}) => {
  await signInAs(page, "manager");
  await page.goto("/topups");
  await settled(page);
  const table = page.getByTestId("topup-table");
  await expect(table.getByRole("columnheader", { name: "อัปเดตเมื่อ" })).toHaveCount(0);
  await page.getByTestId("column-chooser").locator("summary").click();
  await page.getByTestId("column-chooser").getByLabel("อัปเดตเมื่อ").check();
  await expect(table.getByRole("columnheader", { name: "อัปเดตเมื่อ" })).toBeVisible();
  await page.reload();
  await expect(table.getByRole("columnheader", { name: "อัปเดตเมื่อ" })).toBeVisible();

  // Another person in the same browser (its storage kept, the session gone) starts from the
  // defaults.
  await page.context().clearCookies();
  await signInAs(page, "finance");
  await page.goto("/topups");
  await settled(page);
  await expect(table.getByRole("columnheader", { name: "อัปเดตเมื่อ" })).toHaveCount(0);
});

test("a list's first page comes with the HTML, masked as the API masks it", async ({
  page,
  playwright,
}) => {
  const api = await apiAs(playwright, BASE, "support");
  const tag = `ssr-${Date.now()}`;
  const created = (await (
    await api.post("/api/topups", {
      data: { packageId: "FF_TH_D100", topupInfo: { playerid: `${tag}-1` } },
    })
  ).json()) as { topup: { refId: string } };
  await signInAs(page, "finance");
  // The HTML itself, before any script runs, holds the filtered page's row.
  const html = await (await page.request.get(`/topups?q=${tag}`)).text();
  expect(html).toContain(`data-ref-id="${created.topup.refId}"`);
  const unfiltered = await (await page.request.get("/withdrawals")).text();
  expect(unfiltered).toMatch(/data-platform-order-id="/);
  expect(unfiltered).toMatch(/xxx-x-x\d{4}/);
  // The logs too (a manager reads them).
  await page.context().clearCookies();
  await signInAs(page, "manager");
  expect(await (await page.request.get("/callbacks")).text()).toMatch(/data-callback-id="/);
  expect(await (await page.request.get("/upstream-calls")).text()).toMatch(/data-call-id="/);
  // The review queue too, its ages already counted (from the instant the server rendered).
  const queue = await (await page.request.get("/review")).text();
  expect(queue).toMatch(/data-item-id="/);
  expect(queue).toMatch(/data-sla="(ok|near|late)"/);
  // The browser takes the server's queue as its own first render: no hydration mismatch
  // (React reports one as an uncaught error, #418 in a production build).
  const reactErrors: string[] = [];
  page.on("pageerror", (error) => reactErrors.push(error.message));
  const hydrated = readAgain(page, "/api/review");
  await page.goto("/review");
  await expect(page.locator("tr[data-item-id]").first()).toBeVisible();
  await hydrated;
  expect(reactErrors).toEqual([]);
  // A filter the API refuses renders no rows: the browser asks and shows why, as before.
  const refused = await (await page.request.get("/withdrawals?min=abc")).text();
  expect(refused).not.toMatch(/data-platform-order-id="/);
  // And the page in the browser shows the same row without waiting for a fetch of its own.
  await page.goto(`/topups?q=${tag}`);
  await expect(page.locator(`tr[data-ref-id="${created.topup.refId}"]`)).toBeVisible();
});

test("a list that reads itself again keeps its cells: nothing is rebuilt, nothing repainted", async ({
  page,
}) => {
  await signInAs(page, "support");
  // The browser's own read answers a second late: the element below is the first render's.
  await page.route(/\/api\/topups\?/, (route) => setTimeout(() => void route.continue(), 1000));
  const read = readAgain(page, "/api/topups");
  await page.goto("/topups");
  // A cell's content as the server rendered it, then hydrated.
  const badge = await page.locator("tr[data-ref-id] [data-status]").first().elementHandle();
  await read;
  await settled(page);
  // The page read again has been rendered (the same rows): the very element is still there.
  await page.waitForTimeout(300);
  expect(await badge?.evaluate((element) => element.isConnected)).toBe(true);
});
