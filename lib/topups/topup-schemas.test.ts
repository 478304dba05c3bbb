import { describe, expect, it } from "vitest";

import { createTopupSchema } from "./topup-schemas";

describe("the one create-top-up schema (API and form alike)", () => {
  it("accepts a string or a number as a field value, and the key is optional", () => {
    expect(
      createTopupSchema.parse({ packageId: "P", topupInfo: { gameid: "a", server: 2 } }),
    ).toEqual({ packageId: "P", topupInfo: { gameid: "a", server: "2" } });
  });

  it("refuses an over-long value, a short key and a missing package", () => {
    const ok = { packageId: "P", topupInfo: { gameid: "a" } };
    expect(
      createTopupSchema.safeParse({ ...ok, topupInfo: { gameid: "x".repeat(201) } }).success,
    ).toBe(false);
    expect(createTopupSchema.safeParse({ ...ok, idempotencyKey: "short" }).success).toBe(false);
    expect(createTopupSchema.safeParse({ topupInfo: {} }).success).toBe(false);
  });
});
