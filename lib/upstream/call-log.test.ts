import { describe, expect, it } from "vitest";

import { redact } from "./call-log";

describe("redact", () => {
  it.each([
    ["a secret value anywhere", "key=topsecretvalue!", ["topsecretvalue"], "key=[redacted]!"],
    [
      "a token field in JSON",
      '{"merchant_id":"AA1","token":"abc","time":1}',
      [],
      '{"merchant_id":"AA1","token":"[redacted]","time":1}',
    ],
    [
      "the token of a hookURL",
      '{"hookURL":"https://ops.example.com/api/webhooks/p2w?token=0123abcd"}',
      [],
      '{"hookURL":"https://ops.example.com/api/webhooks/p2w?token=[redacted]"}',
    ],
    [
      "text without secrets",
      "GET /api/v1/orders/P2W1",
      ["unrelated-secret"],
      "GET /api/v1/orders/P2W1",
    ],
  ])("%s", (_label, input, secrets, expected) => {
    expect(redact(input, secrets)).toBe(expected);
  });

  it("truncates very long bodies", () => {
    expect(redact("x".repeat(10_000), [])?.length).toBeLessThan(4_100);
  });
});
