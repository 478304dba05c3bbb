import { describe, expect, it } from "vitest";

import { balanceToSatang, normalizeP2wStatus, toP2wOrder } from "./transform";

describe("P2W status words", () => {
  it.each([
    ["pending", "pending"],
    ["processing", "processing"],
    ["succeeded", "succeeded"],
    ["successed", "succeeded"],
    ["success", "succeeded"],
    ["SUCCESSED", "succeeded"],
    ["failed", "failed"],
    ["refunded", null],
    ["", null],
  ])("%j → %j", (raw, status) => {
    expect(normalizeP2wStatus(raw)).toBe(status);
  });
});

describe("toP2wOrder", () => {
  it("maps the vendor's fields to ours", () => {
    const order = toP2wOrder({
      orderID: "P2W1",
      refID: "TU-1",
      status: "successed",
      packageID: "ROLTH_A01_P001",
      topupInfo: { gameid: "g", server: "1" },
      reason: "",
      createdAt: "2026-03-21T21:05:39.790Z",
    });
    expect(order).toEqual({
      orderId: "P2W1",
      refId: "TU-1",
      status: "succeeded",
      rawStatus: "successed",
      packageId: "ROLTH_A01_P001",
      topupInfo: { gameid: "g", server: "1" },
      reason: null,
      createdAt: new Date("2026-03-21T21:05:39.790Z"),
    });
  });
});

describe("balanceToSatang", () => {
  it.each([
    [1000, 100000],
    [999.5, 99950],
    ["12.34", 1234],
    [null, null],
    ["abc", null],
    [1.234, null],
  ])("%j → %j", (balance, satang) => {
    expect(balanceToSatang(balance)).toBe(satang);
  });
});
