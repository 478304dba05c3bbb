import { expect, test } from "@playwright/test";

import { ID_IN_LABEL, LISTED_METRICS, shows } from "../lib/metrics/names";

import { E2E_METRICS_TOKEN } from "./users";

const BASE = "http://localhost:3100";
/** The callbacks' own listener (CALLBACK_PORT), in the server's callback thread. */
const CALLBACKS = "http://localhost:3101";

type Scrape = { text: string; value: (series: string) => number };

async function scrape(request: import("@playwright/test").APIRequestContext): Promise<Scrape> {
  const res = await request.get(`${BASE}/api/metrics`, {
    headers: { authorization: `Bearer ${E2E_METRICS_TOKEN}` },
  });
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("text/plain");
  const text = await res.text();
  const value = (series: string) => {
    const line = text.split("\n").find((l) => l.startsWith(`${series} `));
    return line ? Number(line.slice(series.length + 1)) : 0;
  };
  return { text, value };
}

test("/api/metrics: only with the token; every listed metric; both threads' callbacks counted", async ({
  request,
}) => {
  expect((await request.get(`${BASE}/api/metrics`)).status()).toBe(401);
  const wrong = await request.get(`${BASE}/api/metrics`, {
    headers: { authorization: "Bearer not-the-token-not-the-token-not-the-token" },
  });
  expect(wrong.status()).toBe(401);
  expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe("METRICS_TOKEN");

  const series = 'callbacks_received_total{upstream="p2w",outcome="refused",reason="bad_token"}';
  const before = await scrape(request);
  const forged = { orderID: "P2W-METRICS", refID: "TU-METRICS", status: "successed", balance: 1 };
  // One refused on the dashboard's port (the server's thread), one on the callbacks' port
  // (the callback thread): the scrape adds both threads up.
  for (const base of [BASE, CALLBACKS])
    expect(
      (
        await request.post(`${base}/api/webhooks/p2w?token=${"0".repeat(64)}`, { data: forged })
      ).status(),
    ).toBe(401);
  const after = await scrape(request);
  expect(after.value(series)).toBe(before.value(series) + 2);

  // The balance shows once a confirmed figure is known (the soak's scrape sees it).
  for (const name of LISTED_METRICS.filter((m) => m !== "p2w_balance_satang"))
    expect(shows(after.text, name), name).toBe(true);
  // Labels name kinds of things, never an order, a person or an account.
  for (const set of after.text.match(/\{[^}]*\}/g) ?? []) expect(set).not.toMatch(ID_IN_LABEL);
});
