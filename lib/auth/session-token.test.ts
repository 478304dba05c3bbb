import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";

import { claimsOf } from "./session-token";

const SECRET = "a-test-secret-that-is-long-enough-0123456789";

afterEach(() => vi.useRealTimers());

describe("claimsOf (the session cookie, as the guard reads it)", () => {
  it("returns the identifiers next-auth wrote into the token", async () => {
    const token = await encode({ token: { uid: 7, sv: 3, email: "x@y" }, secret: SECRET });
    expect(await claimsOf(token, SECRET)).toEqual({ uid: 7, sv: 3 });
    // The second read comes from memory and says the same; another secret still refuses it.
    expect(await claimsOf(token, SECRET)).toEqual({ uid: 7, sv: 3 });
    expect(await claimsOf(token, `${SECRET}-other`)).toBeNull();
  });

  it("refuses a token sealed with another secret, altered, or not a token at all", async () => {
    const token = await encode({ token: { uid: 7, sv: 3 }, secret: SECRET });
    expect(await claimsOf(token, `${SECRET}-other`)).toBeNull();
    const altered = `${token.slice(0, -6)}${token.slice(-6) === "AAAAAA" ? "BBBBBB" : "AAAAAA"}`;
    expect(await claimsOf(altered, SECRET)).toBeNull();
    expect(await claimsOf("not-a-token", SECRET)).toBeNull();
  });

  it("refuses a token once it has expired, also when it was read before", async () => {
    const token = await encode({ token: { uid: 8, sv: 0 }, secret: SECRET, maxAge: 60 });
    expect(await claimsOf(token, SECRET)).toEqual({ uid: 8, sv: 0 });
    vi.useFakeTimers({ now: Date.now() + 61_000, toFake: ["Date"] });
    expect(await claimsOf(token, SECRET)).toBeNull();
    expect(await claimsOf(token, SECRET)).toBeNull();
  });

  it("refuses an expired token it never saw", async () => {
    const token = await encode({ token: { uid: 9, sv: 0 }, secret: SECRET, maxAge: 60 });
    vi.useFakeTimers({ now: Date.now() + 61_000, toFake: ["Date"] });
    expect(await claimsOf(token, SECRET)).toBeNull();
  });
});
