import { describe, expect, it } from "vitest";

import { UpstreamRateLimitedError, UpstreamRejectedError, UpstreamServerError } from "./errors";
import { backoffDelay, withRetry } from "./retry";

const policy = { attempts: 4, baseDelayMs: 100, maxDelayMs: 1_000 };

describe("backoffDelay", () => {
  it("grows exponentially, is capped, and keeps half of each step fixed", () => {
    expect(backoffDelay(1, policy, () => 0)).toBe(50);
    expect(backoffDelay(1, policy, () => 1)).toBe(100);
    expect(backoffDelay(3, policy, () => 1)).toBe(400);
    expect(backoffDelay(10, policy, () => 0.5)).toBe(750);
  });
});

describe("withRetry", () => {
  const waits: number[] = [];
  const wait = async (ms: number) => {
    waits.push(ms);
  };

  it("retries transient failures and returns the first success", async () => {
    waits.length = 0;
    let calls = 0;
    const result = await withRetry(
      async () => {
        calls++;
        if (calls < 3) throw new UpstreamServerError("p2w", 503);
        return "ok";
      },
      policy,
      wait,
    );
    expect(result).toBe("ok");
    expect(calls).toBe(3);
    expect(waits).toHaveLength(2);
  });

  it("never retries a 4xx rejection", async () => {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw new UpstreamRejectedError("p2w", "ORDER_NOT_FOUND", "nope", 404);
        },
        policy,
        wait,
      ),
    ).rejects.toBeInstanceOf(UpstreamRejectedError);
    expect(calls).toBe(1);
  });

  it("gives up after the last attempt with the last error", async () => {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw new UpstreamServerError("payout", 500);
        },
        policy,
        wait,
      ),
    ).rejects.toBeInstanceOf(UpstreamServerError);
    expect(calls).toBe(4);
  });

  it("honours Retry-After, and stops when it asks for longer than the cap", async () => {
    waits.length = 0;
    let calls = 0;
    await withRetry(
      async () => {
        calls++;
        if (calls === 1) throw new UpstreamRateLimitedError("p2w", 800);
        return "ok";
      },
      policy,
      wait,
    );
    expect(waits[0]).toBeGreaterThanOrEqual(800);
    await expect(
      withRetry(
        async () => Promise.reject(new UpstreamRateLimitedError("p2w", 60_000)),
        policy,
        wait,
      ),
    ).rejects.toBeInstanceOf(UpstreamRateLimitedError);
  });
});
