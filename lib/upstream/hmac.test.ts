import { describe, expect, it } from "vitest";

import { hookToken, verifyHookToken } from "@/lib/p2w/hook-token";
import { payoutSignature, verifyPayoutSignature } from "@/lib/payout/signing";

import { hmacHex, safeEqualHex } from "./hmac";

/** Spellings of a right signature that are not its one canonical form. */
const NON_CANONICAL: [string, (right: string) => string][] = [
  ["one extra hex character", (s) => `${s}0`],
  ["two extra hex characters", (s) => `${s}00`],
  ["upper case", (s) => s.toUpperCase()],
  ["one upper-case letter", (s) => s.replace(/[a-f]/, (c) => c.toUpperCase())],
  ["a leading space", (s) => ` ${s}`],
  ["a trailing newline", (s) => `${s}\n`],
  ["a 0x prefix", (s) => `0x${s}`],
  ["one character short", (s) => s.slice(0, 63)],
  ["base64 of the same bytes", (s) => Buffer.from(s, "hex").toString("base64")],
];

describe("a signature is accepted only as 64 lower-case hex characters", () => {
  const expected = hmacHex("key", "message");

  it("accepts the canonical form", () => {
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
    expect(safeEqualHex(expected, expected)).toBe(true);
  });

  it.each(NON_CANONICAL)("refuses %s", (_name, spell) => {
    expect(safeEqualHex(expected, spell(expected))).toBe(false);
  });

  it.each(NON_CANONICAL)("the P2W hook token and the payout X-SIGNATURE refuse %s", (_n, spell) => {
    const token = hookToken("webhook-secret", "TU-1");
    expect(verifyHookToken("webhook-secret", "TU-1", token)).toBe(true);
    expect(verifyHookToken("webhook-secret", "TU-1", spell(token))).toBe(false);
    const signature = payoutSignature("payout-secret", "{}");
    expect(verifyPayoutSignature("payout-secret", "{}", signature)).toBe(true);
    expect(verifyPayoutSignature("payout-secret", "{}", spell(signature))).toBe(false);
  });
});
