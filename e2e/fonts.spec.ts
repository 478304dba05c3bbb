import { expect, type Locator, type Page, test } from "@playwright/test";

import { apiAs, signInAs } from "./helpers";

const BASE = "http://localhost:3100";
const THAI = /[\u0E00-\u0E7F]/gu;

/**
 * Which fonts drew the text an element holds itself, as the browser reports it (DevTools'
 * `CSS.getPlatformFontsForNode`): the glyphs drawn by the app's own Thai face, and those
 * drawn by anything the machine has. On a machine without Thai fonts a Thai letter the app's
 * face did not draw is a box.
 */
async function glyphsOf(page: Page, element: Locator) {
  const text = await element.evaluate((el) => {
    el.setAttribute("data-glyph-check", "");
    return [...el.childNodes]
      .filter((n) => n.nodeType === Node.TEXT_NODE)
      .map((n) => n.textContent)
      .join("");
  });
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send("DOM.enable");
    await cdp.send("CSS.enable");
    const { root } = await cdp.send("DOM.getDocument", { depth: -1 });
    const { nodeId } = await cdp.send("DOM.querySelector", {
      nodeId: root.nodeId,
      selector: "[data-glyph-check]",
    });
    const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
    const own = fonts.filter((f) => f.isCustomFont && /Noto Sans Thai/i.test(f.familyName));
    const other = fonts.filter((f) => !own.includes(f));
    return {
      text,
      thai: (text.match(THAI) ?? []).length,
      others: [...text].filter((c) => !/[\u0E00-\u0E7F]/u.test(c)).length,
      ownGlyphs: own.reduce((n, f) => n + f.glyphCount, 0),
      otherGlyphs: other.reduce((n, f) => n + f.glyphCount, 0),
      fonts: fonts.map((f) => `${f.familyName}${f.isCustomFont ? " (app)" : ""}: ${f.glyphCount}`),
    };
  } finally {
    await element.evaluate((el) => el.removeAttribute("data-glyph-check"));
    await cdp.detach();
  }
}

/** Every Thai letter of the element is drawn by the app's own face: none falls to the machine. */
async function expectOwnThai(page: Page, element: Locator) {
  await expect(element).toBeVisible();
  const g = await glyphsOf(page, element);
  expect(g.thai, `${g.text}: has Thai`).toBeGreaterThan(0);
  expect(g.ownGlyphs, `${g.text}: ${g.fonts.join(", ")}`).toBeGreaterThanOrEqual(g.thai * 0.8);
  // Whatever else drew glyphs drew only the Latin letters and figures (a monospace face).
  expect(g.otherGlyphs, `${g.text}: ${g.fonts.join(", ")}`).toBeLessThanOrEqual(g.others);
}

test("Thai in a monospace line is drawn by the app's own Thai face, never as boxes", async ({
  page,
  playwright,
}) => {
  const support = await apiAs(playwright, BASE, "support");
  const player = `ผู้เล่น-${Date.now()}`;
  await support.post("/api/topups", {
    data: { packageId: "FF_TH_D100", topupInfo: { playerid: player } },
  });

  await signInAs(page, "support");
  await page.goto("/topups/new");
  await page.locator('select[name="packageId"]').selectOption("FF_TH_D100");
  await page.locator('input[name="playerid"]').fill(player);
  await page.getByRole("button", { name: "ตรวจทาน" }).click();
  // The value as it will be sent (monospace), and the duplicate warning's link (monospace).
  await expectOwnThai(page, page.getByTestId("topup-summary").locator("dd", { hasText: player }));
  await expectOwnThai(page, page.getByTestId("duplicate-warning").getByRole("link"));

  // The look-up's "found as" line under a merchant order id.
  const finance = await apiAs(playwright, BASE, "finance");
  const { items } = (await (await finance.get("/api/withdrawals?limit=1")).json()) as {
    items: { merchantOrderId: string }[];
  };
  const merchant = items[0]?.merchantOrderId;
  if (!merchant) throw new Error("the e2e database holds a withdrawal");
  await page.context().clearCookies();
  await signInAs(page, "finance");
  await page.goto("/withdrawals");
  await page.locator('textarea[name="ids"]').fill(merchant);
  await page.getByRole("button", { name: "ค้นหา", exact: true }).click();
  await expectOwnThai(page, page.getByTestId("lookup-via"));
});
