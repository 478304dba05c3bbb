import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { payoutSignature, verifyPayoutSignature, withdrawQueryBody } from "./signing";

describe("payout signing (docs/upstreams.md, gateway known-answer vector)", () => {
  it("builds the body in the documented field order and signs its bytes", () => {
    const body = withdrawQueryBody({
      merchantId: "AA12345678",
      token: "YOUR_TOKEN",
      time: 1778212800,
      platformOrderId: "ABCW20260508abc123XYZ456",
    });
    expect(body).toBe(
      '{"merchant_id":"AA12345678","token":"YOUR_TOKEN","time":1778212800,"platform_order_id":"ABCW20260508abc123XYZ456"}',
    );
    expect(payoutSignature("YOUR_SECRET", body)).toBe(
      "7963fcd40429a11f67439a57a76831df36a59864a5c70f639ed8d19647281037",
    );
  });

  it("verifies round trips and refuses any changed byte", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.nat(), (body, at) => {
        const signature = payoutSignature("k".repeat(32), body);
        expect(verifyPayoutSignature("k".repeat(32), body, signature)).toBe(true);
        expect(verifyPayoutSignature("K".repeat(32), body, signature)).toBe(false);
        const i = at % body.length;
        const changed =
          body.slice(0, i) +
          String.fromCharCode((body.charCodeAt(i) + 1) % 65536) +
          body.slice(i + 1);
        expect(verifyPayoutSignature("k".repeat(32), changed, signature)).toBe(false);
      }),
    );
  });

  it("refuses missing, malformed and non-canonical signatures safely", () => {
    const signature = payoutSignature("secret", "{}");
    expect(verifyPayoutSignature("secret", "{}", null)).toBe(false);
    expect(verifyPayoutSignature("secret", "{}", "")).toBe(false);
    expect(verifyPayoutSignature("secret", "{}", signature.slice(0, 63))).toBe(false);
    expect(verifyPayoutSignature("secret", "{}", `${signature}00`)).toBe(false);
    // Upper-case hex is not the contract's form: refused (docs/upstreams.md).
    expect(verifyPayoutSignature("secret", "{}", signature.toUpperCase())).toBe(false);
    expect(verifyPayoutSignature("secret", "{}", signature)).toBe(true);
  });
});
