import { type APIRequestContext, expect, test } from "@playwright/test";
import fc from "fast-check";

import { apiAs, signInAs } from "./helpers";

const BASE = "http://localhost:3100";

/** Every API route, with the ids its templates take filled in by the generator. */
const API_ROUTES = [
  "/api/approvals/{id}/approve",
  "/api/approvals/{id}/reject",
  "/api/callbacks",
  "/api/callbacks/{id}",
  "/api/callbacks/{id}/replay",
  "/api/callbacks/replay",
  "/api/changes",
  "/api/connectivity",
  "/api/health",
  "/api/overview",
  "/api/packages",
  "/api/packages/{id}",
  "/api/review",
  "/api/review/count",
  "/api/review/{id}/claim",
  "/api/review/{id}/release",
  "/api/review/{id}/resolve",
  "/api/settings",
  "/api/topups",
  "/api/topups/export",
  "/api/topups/{id}",
  "/api/topups/{id}/reissue",
  "/api/topups/{id}/requery",
  "/api/upstream-calls",
  "/api/upstream-calls/{id}",
  "/api/warnings",
  "/api/withdrawals",
  "/api/withdrawals/export",
  "/api/withdrawals/lookup",
  "/api/withdrawals/{id}",
  "/api/withdrawals/{id}/requery",
  "/api/webhooks/p2w",
  "/api/webhooks/payout",
  "/api/no-such-thing",
  "/api/topups/{id}/no-such-action",
];

const PAGES = [
  "/topups",
  "/topups/new",
  "/topups/{id}",
  "/withdrawals",
  "/withdrawals/{id}",
  "/review",
  "/callbacks",
  "/upstream-calls",
  "/audit",
  "/admin/users",
  "/admin/settings",
  "/admin/packages",
  "/admin/packages/{id}",
  "/",
];

/** Names the list filters and forms read, so values land where parsing happens. */
const PARAMS = [
  "q",
  "status",
  "from",
  "to",
  "min",
  "max",
  "cursor",
  "limit",
  "sort",
  "order",
  "packageId",
  "upstream",
  "result",
  "kind",
  "source",
  "state",
  "since",
  "window",
  "ids",
];

const nasty = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "abc",
    "-1",
    "0",
    "1e999",
    "NaN",
    "Infinity",
    "9007199254740993",
    "1,000",
    "฿100",
    "2026-02-30",
    "2026-13-01T99:99",
    "null",
    "undefined",
    "[]",
    "{}",
    "__proto__",
    "constructor",
    "../../etc/passwd",
    "%",
    "%00",
    "\u0000",
    "\u200b",
    "\u202e",
    "\ud800",
    "ก".repeat(300),
    "x".repeat(5000),
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.integer().map(String),
  fc.double().map(String),
);

const id = fc.oneof(nasty, fc.constantFrom("1", "TU-NOPE", "DEMW20260101FORGED000001"));

const body = fc.oneof(
  fc.constantFrom("", "{", "[]", "null", "0", '"x"', "{}", '{"__proto__":{"x":1}}'),
  fc.json(),
  fc
    .dictionary(
      fc.constantFrom(...PARAMS, "packageId", "topupInfo", "reason", "value", "role"),
      nasty,
    )
    .map((o) => JSON.stringify(o)),
  fc.constant("a".repeat(70 * 1024)),
);

/** The path with its `{id}` filled in and a query string of nasty values. */
function address(template: string, filler: string, query: [string, string][]): string {
  const path = template.replace("{id}", encodeURIComponent(filler.replace(/\p{Cs}/gu, "\ufffd")));
  const search = new URLSearchParams(query).toString();
  return search ? `${path}?${search}` : path;
}

const request = fc.record({
  route: fc.constantFrom(...API_ROUTES),
  id,
  query: fc.array(fc.tuple(fc.constantFrom(...PARAMS), nasty), { maxLength: 4 }),
  method: fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"),
  body,
  type: fc.constantFrom("application/json", "text/plain", "application/x-www-form-urlencoded", ""),
});

/** What is wrong with the answer to one fuzzed request, or null when it is right. */
async function misfit(
  api: APIRequestContext,
  req: typeof request extends fc.Arbitrary<infer T> ? T : never,
): Promise<string | null> {
  const url = address(req.route, req.id, req.query);
  const hasBody = !["GET", "HEAD", "OPTIONS"].includes(req.method);
  const res = await api.fetch(url, {
    method: req.method,
    headers: req.type ? { "content-type": req.type } : {},
    data: hasBody ? Buffer.from(req.body) : undefined,
    maxRedirects: 0,
  });
  const what = `${req.method} ${url.slice(0, 160)} (${req.type || "no type"}) → ${res.status()}`;
  if (res.status() >= 500) return what;
  if (res.status() < 400 || req.method === "HEAD") return null;
  const text = await res.text();
  try {
    const { error } = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    if (typeof error?.code === "string" && typeof error.message === "string" && error.message)
      return null;
  } catch {
    // not JSON: reported below
  }
  return `${what}: ${text.slice(0, 100)}`;
}

for (const who of [null, "admin", "finance"] as const) {
  test(`fuzzed API requests as ${who ?? "nobody"} never answer 5xx and always in the error shape`, async ({
    playwright,
  }) => {
    test.setTimeout(240_000);
    const api = await apiAs(playwright, BASE, who);
    const samples = fc.sample(request, {
      numRuns: 500,
      seed: who === null ? 1 : who === "admin" ? 2 : 3,
    });
    const misfits: string[] = [];
    for (const req of samples) {
      const wrong = await misfit(api, req);
      if (wrong) misfits.push(wrong);
    }
    expect(misfits).toEqual([]);
  });
}

test("fuzzed page addresses and server-action posts never answer 5xx", async ({ playwright }) => {
  test.setTimeout(240_000);
  const api = await apiAs(playwright, BASE, "admin");
  const page = fc.record({
    path: fc.constantFrom(...PAGES),
    id,
    query: fc.array(fc.tuple(fc.constantFrom(...PARAMS), nasty), { maxLength: 4 }),
    action: fc.option(
      fc.oneof(
        fc.string({ minLength: 1, maxLength: 60 }),
        fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: 40, maxLength: 42 }),
      ),
      { nil: undefined },
    ),
    body,
  });
  const misfits: string[] = [];
  for (const req of fc.sample(page, { numRuns: 300, seed: 4 })) {
    const url = address(req.path, req.id, req.query);
    const res =
      req.action === undefined
        ? await api.get(url, { maxRedirects: 0 })
        : await api.post(url, {
            headers: { "next-action": req.action, "content-type": "text/plain;charset=UTF-8" },
            data: Buffer.from(req.body),
            maxRedirects: 0,
          });
    if (res.status() >= 500)
      misfits.push(
        `${req.action === undefined ? "GET" : "action"} ${url.slice(0, 160)} → ${res.status()}`,
      );
  }
  expect(misfits).toEqual([]);
});

test("a method a route lacks is refused 405 in the error shape, naming the ones it has", async ({
  playwright,
}) => {
  const api = await apiAs(playwright, BASE, "finance");
  const res = await api.fetch("/api/withdrawals", { method: "DELETE" });
  expect(res.status()).toBe(405);
  expect(res.headers()["allow"]).toBe("GET, HEAD, OPTIONS");
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe("METHOD_NOT_ALLOWED");
  const options = await api.fetch("/api/withdrawals/lookup", { method: "OPTIONS" });
  expect(options.status()).toBe(204);
  expect(options.headers()["allow"]).toBe("POST, OPTIONS");
  const missing = await api.get("/api/withdrawals/x/nothing-here");
  expect(missing.status()).toBe(404);
  expect(((await missing.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
});

test("an unknown address shows the 404 inside the app, with its navigation and a way back", async ({
  page,
}) => {
  await signInAs(page, "finance");
  const res = await page.goto("/no-such-page/at-all");
  expect(res?.status()).toBe(404);
  await expect(page.getByText("404", { exact: true })).toBeVisible();
  await expect(page.getByTestId("current-user")).toBeVisible();
  await page.getByRole("link", { name: "กลับหน้าแรก" }).click();
  await expect(page).toHaveURL(/\/$/);
});

test("an API error speaks the language of the page that asked, whatever the cookie says", async ({
  playwright,
}) => {
  const session = await (await apiAs(playwright, BASE, "finance")).storageState();
  const messageOf = async (cookie: "th" | "en", headers: Record<string, string> = {}) => {
    const locale = { name: "locale", value: cookie, domain: "localhost", path: "/" };
    const api = await playwright.request.newContext({
      baseURL: BASE,
      storageState: {
        ...session,
        cookies: [
          ...session.cookies,
          { ...locale, expires: -1, httpOnly: false, secure: false, sameSite: "Lax" },
        ],
      },
    });
    const res = await api.get("/api/withdrawals?min=abc", { headers });
    expect(res.status()).toBe(400);
    return ((await res.json()) as { error: { message: string } }).error.message;
  };
  // The field by its label, with the format it expects.
  expect(await messageOf("th")).toMatch(/กรอกจำนวนเงินเป็นตัวเลข.*จำนวนเงินตั้งแต่/);
  expect(await messageOf("en")).toMatch(/Enter an amount in figures.*Amount from/);
  expect(await messageOf("th", { "x-ui-locale": "en" })).toMatch(/Enter an amount/);
  expect(await messageOf("en", { "x-ui-locale": "th" })).toMatch(/กรอกจำนวนเงิน/);
});
