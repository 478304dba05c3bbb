import { type Browser, type BrowserContext, chromium } from "@playwright/test";

import { launchOptions } from "../playwright.config";
import { args } from "./cli";
import { percentile } from "./timing";

/**
 * `npm run bench:paint -- --url URL --email E --password P [--path /topups] [--runs 20]
 * [--cold-runs 10]` against a running production dashboard: opens the list in a real browser
 * (Debian's chromium where present) and measures, from the start of navigation, when the
 * first row was on screen (the frame after it entered the document) and the largest
 * contentful paint, with what that paint was — two ways:
 *
 * - warm: one browser context, signed in once, `runs` navigations after two warm-ups (its
 *   cache and connections kept, as for someone working in the dashboard all day);
 * - cold: a fresh context for each of `cold-runs` loads, holding only the session cookie (no
 *   cache, no open connection: someone opening the dashboard in the morning, or a stranger
 *   measuring it), with the server's first byte and the first row's arrival in the document.
 *
 * Goals (docs/design.md): first row ≤ 500 ms p50 at 1,000,000 top-ups, both ways; cold
 * largest contentful paint < 800 ms p50.
 */
const { values } = args({
  url: { type: "string" },
  email: { type: "string" },
  password: { type: "string" },
  path: { type: "string" },
  runs: { type: "string" },
  "cold-runs": { type: "string" },
});
const base = values.url ?? "http://localhost:3000";
const target = values.path ?? "/topups";
const runs = Number(values.runs ?? 20);
const coldRuns = Number(values["cold-runs"] ?? 10);
const FIRST_ROW_GOAL_MS = 500;
const LCP_GOAL_MS = 800;
const viewport = { width: 1440, height: 900 };

type Seen = {
  firstRow: number;
  inDocument: number;
  ttfb: number;
  lcp?: { at: number; what: string };
};

/** In every document: when the first row arrived and was painted, and the largest paint. */
async function observe(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as {
      __firstRow?: number;
      __inDocument?: number;
      __lcp?: { at: number; what: string };
    };
    new MutationObserver((_, observer) => {
      if (!document.querySelector("tr[data-ref-id], tr[data-platform-order-id]")) return;
      observer.disconnect();
      w.__inDocument = performance.now();
      requestAnimationFrame(() => setTimeout(() => (w.__firstRow = performance.now())));
    }).observe(document, { childList: true, subtree: true });
    new PerformanceObserver((list) => {
      const last = list.getEntries().at(-1) as PerformanceEntry & { element?: Element };
      if (last)
        w.__lcp = {
          at: last.startTime,
          what: last.element ? `${last.element.tagName.toLowerCase()}` : "?",
        };
    }).observe({ type: "largest-contentful-paint", buffered: true });
  });
}

/** One load of the list in `context`: waits for the first row, then for the page to settle. */
async function load(context: BrowserContext, settleMs: number): Promise<Seen> {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(target, { waitUntil: "commit" });
  await page.waitForFunction(() => (window as { __firstRow?: number }).__firstRow !== undefined, {
    timeout: 30_000,
  });
  await page.waitForLoadState("load");
  await page.waitForTimeout(settleMs); // lets the largest paint settle
  return page.evaluate(() => {
    const w = window as unknown as {
      __firstRow: number;
      __inDocument: number;
      __lcp?: { at: number; what: string };
    };
    const navigation = performance.getEntriesByType("navigation")[0] as
      PerformanceNavigationTiming | undefined;
    return {
      firstRow: w.__firstRow,
      inDocument: w.__inDocument,
      ttfb: navigation?.responseStart ?? 0,
      lcp: w.__lcp,
    };
  });
}

async function signedInContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport, baseURL: base });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.locator("#email").fill(values.email ?? "");
  await page.locator("#password").fill(values.password ?? "");
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  return context;
}

const browser = await chromium.launch(launchOptions);
const warmContext = await signedInContext(browser);
await observe(warmContext);
const warm: Seen[] = [];
for (let run = 0; run < runs + 2; run++) {
  const seen = await load(warmContext, 300);
  if (run >= 2) warm.push(seen); // the first two warm the server and the browser's cache
}
const cookies = await warmContext.cookies();
await warmContext.close();

const cold: Seen[] = [];
for (let run = 0; run < coldRuns; run++) {
  const context = await browser.newContext({ viewport, baseURL: base });
  await context.addCookies(cookies);
  await observe(context);
  cold.push(await load(context, 500));
  await context.close();
}
await browser.close();

const p50 = (seen: Seen[], pick: (s: Seen) => number | undefined) =>
  percentile(
    seen
      .map(pick)
      .filter((v): v is number => v !== undefined)
      .sort((a, b) => a - b),
    50,
  );
const p95Of = (seen: Seen[], pick: (s: Seen) => number) =>
  percentile(
    seen.map(pick).sort((a, b) => a - b),
    95,
  );
const elements = (seen: Seen[]) => {
  const what = new Map<string, number>();
  for (const s of seen) if (s.lcp) what.set(s.lcp.what, (what.get(s.lcp.what) ?? 0) + 1);
  return [...what].map(([tag, n]) => `${tag} ×${n}`).join(", ");
};
const verdict = (met: boolean) => (met ? "met" : "NOT met");

const warmRow = p50(warm, (s) => s.firstRow);
console.log(
  `${target} in a real browser, warm: ${runs} navigations in one context after 2 warm-ups`,
);
console.log(
  `first row on screen: p50 ${warmRow.toFixed(0)} ms, p95 ${p95Of(warm, (s) => s.firstRow).toFixed(0)} ms ` +
    `(goal p50 ≤ ${FIRST_ROW_GOAL_MS} ms: ${verdict(warmRow <= FIRST_ROW_GOAL_MS)})`,
);
console.log(
  `largest contentful paint: p50 ${p50(warm, (s) => s.lcp?.at).toFixed(0)} ms; element ${elements(warm)}`,
);

const coldRow = p50(cold, (s) => s.firstRow);
const coldLcp = p50(cold, (s) => s.lcp?.at);
console.log(
  `${target} cold: ${coldRuns} loads, each in a fresh context (no cache, no open connection)`,
);
console.log(
  `server's first byte p50 ${p50(cold, (s) => s.ttfb).toFixed(0)} ms; first row in the document p50 ${p50(cold, (s) => s.inDocument).toFixed(0)} ms`,
);
console.log(
  `cold first row on screen: p50 ${coldRow.toFixed(0)} ms, p95 ${p95Of(cold, (s) => s.firstRow).toFixed(0)} ms ` +
    `(goal p50 ≤ ${FIRST_ROW_GOAL_MS} ms: ${verdict(coldRow <= FIRST_ROW_GOAL_MS)})`,
);
console.log(
  `cold largest contentful paint: p50 ${coldLcp.toFixed(0)} ms (goal p50 < ${LCP_GOAL_MS} ms: ${verdict(coldLcp < LCP_GOAL_MS)}); element ${elements(cold)}`,
);
