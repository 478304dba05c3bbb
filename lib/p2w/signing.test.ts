import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { safeEqualHex } from "@/lib/upstream/hmac";

import { hookToken, hookUrl, verifyHookToken } from "./hook-token";
import { p2wSignature } from "./signing";

const KEY = "P2W_TEST_SECRET";

describe("P2W signing (docs/upstreams.md, P2W known-answer vectors)", () => {
  it("signs the exact POST body bytes", () => {
    const body =
      '{"refID":"TU-01JDEMO0000000000000000001","packageID":"ROLTH_A01_P001","topupInfo":{"gameid":"user_game_id","server":"1"},"hookURL":"https://ops.example.com/api/webhooks/p2w?token=abc"}';
    expect(p2wSignature(KEY, { method: "POST", path: "/api/v1/orders", body })).toBe(
      "31730305255eb4681ac5ee5589126c7a1f640ca9f51d99b4c951b82fae1dfe77",
    );
  });

  it("signs the GET path including the base prefix", () => {
    expect(p2wSignature(KEY, { method: "GET", path: "/api/v1/orders/P2W0000000001" })).toBe(
      "03b928efc58e7857f52f1c8de59c1e12f15c2aa9ed7d225abaa46e03f9f5a86a",
    );
  });

  it("verifies what it signs, and any one-byte change of body or key fails", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.string({ minLength: 1, maxLength: 64 }),
        fc.nat(),
        (body, key, at) => {
          const signature = p2wSignature(key, { method: "POST", path: "/", body });
          expect(safeEqualHex(signature, signature)).toBe(true);
          const i = at % body.length;
          const changedBody =
            body.slice(0, i) +
            String.fromCharCode((body.charCodeAt(i) + 1) % 65536) +
            body.slice(i + 1);
          expect(
            safeEqualHex(
              signature,
              p2wSignature(key, { method: "POST", path: "/", body: changedBody }),
            ),
          ).toBe(false);
          const k = at % key.length;
          const changedKey =
            key.slice(0, k) + String.fromCharCode((key.charCodeAt(k) + 1) % 128) + key.slice(k + 1);
          if (changedKey !== key) {
            expect(
              safeEqualHex(
                signature,
                p2wSignature(changedKey, { method: "POST", path: "/", body }),
              ),
            ).toBe(false);
          }
        },
      ),
    );
  });
});

describe("hookURL token", () => {
  it("is the HMAC of the refID and verifies only for that refID", () => {
    const token = hookToken("webhook-secret", "TU-1");
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyHookToken("webhook-secret", "TU-1", token)).toBe(true);
    expect(verifyHookToken("webhook-secret", "TU-2", token)).toBe(false);
    expect(verifyHookToken("other-secret", "TU-1", token)).toBe(false);
    expect(verifyHookToken("webhook-secret", "TU-1", null)).toBe(false);
    expect(verifyHookToken("webhook-secret", "TU-1", "zz")).toBe(false);
  });

  it("is carried by the hookURL", () => {
    const url = new URL(hookUrl("https://ops.example.com", "webhook-secret", "TU-1"));
    expect(url.pathname).toBe("/api/webhooks/p2w");
    expect(url.searchParams.get("token")).toBe(hookToken("webhook-secret", "TU-1"));
  });
});
