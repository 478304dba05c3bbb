import { afterEach, describe, expect, it, vi } from "vitest";

/**
 * Who may scrape: nobody while METRICS_TOKEN is unset (the address names nothing), only the
 * bearer of that token once it is set. (The scrape itself, over a running server: e2e.)
 */
const TOKEN = "metrics-token-for-this-test-0123456789abcdef";

async function getWith(token: string | undefined, headers: Record<string, string> = {}) {
  vi.resetModules();
  vi.stubEnv("METRICS_TOKEN", token);
  const { GET } = await import("./route");
  const response = await GET(new Request("http://127.0.0.1/api/metrics", { headers }), {
    params: Promise.resolve({}),
  });
  return { status: response.status, body: (await response.json()) as { error: { code: string } } };
}

afterEach(() => vi.unstubAllEnvs());

describe("GET /api/metrics", () => {
  it("answers 404 while no token is configured, whatever is sent", async () => {
    expect(await getWith(undefined)).toMatchObject({
      status: 404,
      body: { error: { code: "NOT_FOUND" } },
    });
    const sent = await getWith(undefined, { authorization: `Bearer ${TOKEN}` });
    expect(sent.status).toBe(404);
  });

  it("answers 401 without the token, with another one or another scheme", async () => {
    for (const authorization of [
      undefined,
      "Bearer",
      `Bearer ${TOKEN}x`,
      `Bearer ${TOKEN.slice(1)}`,
      `Basic ${Buffer.from(`x:${TOKEN}`).toString("base64")}`,
    ]) {
      const got = await getWith(TOKEN, authorization ? { authorization } : {});
      expect(got, authorization).toMatchObject({
        status: 401,
        body: { error: { code: "METRICS_TOKEN" } },
      });
    }
  });
});
