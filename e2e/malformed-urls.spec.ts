import { expect, test } from "@playwright/test";

import { apiAs, signInAs } from "./helpers";

const BASE = "http://localhost:3100";
const BROKEN = ["%E0%A4%A", "%", "%zz", "abc%"];

test("a malformed percent-encoding answers 400 in the API's error shape, never 5xx", async ({
  playwright,
}) => {
  for (const who of [null, "finance"] as const) {
    const api = await apiAs(playwright, BASE, who);
    for (const id of BROKEN) {
      for (const [method, path] of [
        ["GET", `/api/topups/${id}`],
        ["POST", `/api/topups/${id}/requery`],
        ["GET", `/api/withdrawals/${id}`],
        ["POST", `/api/withdrawals/${id}/requery`],
      ] as const) {
        const res = await api.fetch(path, { method });
        expect(res.status(), `${who ?? "anonymous"} ${method} ${path}`).toBe(400);
        const body = (await res.json()) as { error: { code: string; message: string } };
        expect(body.error.code).toBe("BAD_URL");
        expect(body.error.message.length).toBeGreaterThan(0);
      }
    }
  }
});

test("a malformed page address shows the not-found page", async ({ page }) => {
  await signInAs(page, "manager");
  for (const path of ["/topups/%E0%A4%A", "/withdrawals/%", "/topups/%/x"]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(page.getByText("404", { exact: true })).toBeVisible();
  }
});
