import { expect, test } from "@playwright/test";

import { apiAs } from "./helpers";

const BASE = "http://localhost:3100";

test("a cross-site or non-JSON post carrying the session cookie is refused with 403 and creates nothing", async ({
  playwright,
}) => {
  const api = await apiAs(playwright, BASE, "support");
  const player = `csrf-${Date.now()}`;
  const body = JSON.stringify({ packageId: "FF_TH_D100", topupInfo: { playerid: player } });
  const attempts: [string, Record<string, string>, string][] = [
    ["text/plain from our own origin", { "content-type": "text/plain" }, "JSON_REQUIRED"],
    ["form-encoded", { "content-type": "application/x-www-form-urlencoded" }, "JSON_REQUIRED"],
    [
      "JSON from a foreign origin",
      { "content-type": "application/json", origin: "https://evil.example" },
      "CROSS_SITE",
    ],
    [
      "text/plain from a foreign origin",
      { "content-type": "text/plain", origin: "https://evil.example" },
      "CROSS_SITE",
    ],
    [
      "JSON marked cross-site by the browser",
      { "content-type": "application/json", "sec-fetch-site": "cross-site" },
      "CROSS_SITE",
    ],
  ];
  for (const [name, headers, code] of attempts) {
    const res = await api.post("/api/topups", { data: Buffer.from(body), headers });
    expect(res.status(), name).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code, name).toBe(code);
  }
  const requery = await api.post("/api/topups/TU-NOPE/requery", {
    headers: { origin: "https://evil.example" },
  });
  expect(requery.status()).toBe(403);
  const listed = await api.get(`/api/topups?q=${player}`);
  expect(((await listed.json()) as { items: unknown[] }).items).toEqual([]);

  // The same request from our own pages, or from a script, goes through.
  const own = await api.post("/api/topups", {
    data: Buffer.from(body),
    headers: { "content-type": "application/json", origin: BASE, "sec-fetch-site": "same-origin" },
  });
  expect(own.status()).toBe(201);
  // …and the search that found nothing above does find it, so it could have.
  const after = await api.get(`/api/topups?q=${player}`);
  expect(((await after.json()) as { items: unknown[] }).items).toHaveLength(1);
});
