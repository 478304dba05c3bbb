import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

import { navItemsFor } from "@/lib/navigation";

import { apiAs, settled, signInAs } from "./helpers";

const BASE = "http://localhost:3100";

/**
 * Every page an administrator can open (lists, details, forms, logs, settings), in Thai and
 * in English, at 1440 × 900 and at 390 × 844: an axe-core scan with no serious or critical
 * violation, no sideways scroll, and a full-page screenshot of each kept with the test's artifacts
 * (test-results/, and the HTML report).
 */
const VIEWPORTS = [
  { name: "1440", width: 1440, height: 900 },
  { name: "390", width: 390, height: 844 },
] as const;

for (const locale of ["th", "en"] as const) {
  test(`every page has no serious accessibility problem, in ${locale}, at 1440 and 390 px`, async ({
    page,
    playwright,
  }, testInfo) => {
    test.setTimeout(180_000);
    const api = await apiAs(playwright, BASE, "support");
    const created = (await (
      await api.post("/api/topups", {
        data: {
          packageId: "ROLTH_A01_P001",
          topupInfo: { gameid: `a11y-${Date.now()}`, server: "2" },
        },
      })
    ).json()) as { topup: { refId: string } };
    const withdrawals = (await (
      await (await apiAs(playwright, BASE, "finance")).get("/api/withdrawals?limit=1")
    ).json()) as { items: { platformOrderId: string }[] };

    await page.context().addCookies([{ name: "locale", value: locale, url: BASE }]);
    await signInAs(page, "admin");
    // Every page of the navigation, and one top-up's and one withdrawal's detail.
    const pages = [
      ...navItemsFor("admin").map((item) => item.href),
      `/topups/${created.topup.refId}`,
      ...(withdrawals.items[0] ? [`/withdrawals/${withdrawals.items[0].platformOrderId}`] : []),
    ];
    const problems: string[] = [];
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      for (const path of pages) {
        await page.goto(path);
        await settled(page);
        const name = `${locale}-${viewport.name}${path.replaceAll("/", "_") || "_home"}`;
        const shot = testInfo.outputPath(`${name}.png`);
        await page.screenshot({ path: shot, fullPage: true });
        await testInfo.attach(name, { path: shot, contentType: "image/png" });
        // Nothing makes the page scroll sideways, at either width.
        const wide = await page.evaluate(() => {
          const root = document.documentElement;
          return root.scrollWidth > root.clientWidth ? root.scrollWidth : 0;
        });
        if (wide) problems.push(`${path} @${viewport.name}: the page is ${wide} px wide`);
        const { violations } = await new AxeBuilder({ page }).analyze();
        for (const v of violations.filter((v) => ["serious", "critical"].includes(v.impact ?? "")))
          problems.push(
            `${path} @${viewport.name}: ${v.id} (${v.impact}) ${v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(" "))
              .join(" | ")}`,
          );
      }
    }
    expect(problems).toEqual([]);
  });
}

test("at 390 px the navigation folds behind a menu button and folds again after a choice", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(page, "finance");
  const menu = page.getByRole("button", { name: "เมนู" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(page.locator("#mobile-nav")).toHaveCount(0);
  await menu.click();
  await page.locator("#mobile-nav").getByRole("link", { name: "รายการถอนเงิน" }).click();
  await expect(page).toHaveURL(/\/withdrawals$/);
  await expect(page.locator("#mobile-nav")).toHaveCount(0);
  // The page, not the links, fills the phone: its heading is in the first screen.
  await expect(page.getByRole("heading", { level: 1 })).toBeInViewport();
});
