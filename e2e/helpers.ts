import { type APIRequest, expect, type Page } from "@playwright/test";

import { DEMO_USERS } from "../scripts/stack";

export type DemoRole = (typeof DEMO_USERS)[number]["role"];

export function demoUser(role: DemoRole) {
  const user = DEMO_USERS.find((u) => u.role === role);
  if (!user) throw new Error(`no demo user for ${role}`);
  return user;
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(password);
  await page.locator('button[type="submit"]').click();
}

export async function signInAs(page: Page, role: DemoRole) {
  const user = demoUser(role);
  await signIn(page, user.email, user.password);
  await expect(page.getByTestId("current-user")).toContainText(user.name);
}

/** Fails the test on any Content-Security-Policy violation the page reports. */
export async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction("__cspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __cspViolation: (t: string) => void }).__cspViolation(
        `${e.violatedDirective} ${e.blockedURI}`,
      );
    });
  });
  page.on("console", (msg) => {
    if (msg.type() === "error" && msg.text().includes("Content Security Policy"))
      violations.push(msg.text());
  });
  return violations;
}

/** An API client signed in as a demo role (next-auth credentials over HTTP). */
export async function apiAs(
  playwright: { request: APIRequest },
  baseURL: string,
  role: DemoRole | null,
) {
  const context = await playwright.request.newContext({ baseURL });
  if (role) {
    const user = demoUser(role);
    const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as {
      csrfToken: string;
    };
    const res = await context.post("/api/auth/callback/credentials", {
      form: { email: user.email, password: user.password, csrfToken, json: "true" },
    });
    if (!res.ok()) throw new Error(`sign-in as ${role} failed: ${res.status()}`);
  }
  return context;
}

/**
 * Lets a page's first fetches land: its heading is there and nothing says it is loading.
 * (The live lists poll, so "network idle" may never come: never wait for it.)
 */
export async function settled(page: Page) {
  await page.locator("h1").first().waitFor();
  await expect(page.getByText(/กำลังโหลด|Loading…/)).toHaveCount(0, { timeout: 10_000 });
}

/**
 * Resolves once the page has read `path` from the API after it loaded: a list rendered on the
 * server reads itself again as it mounts, so this answer means the page has hydrated.
 */
export function readAgain(page: Page, path: string) {
  return page.waitForResponse((res) => new URL(res.url()).pathname === path, { timeout: 15_000 });
}
