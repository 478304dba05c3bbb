import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { bahtToSatang } from "./money";

describe("bahtToSatang", () => {
  it.each([
    [1000.1, 100010],
    [0.07, 7],
    [1234.56, 123456],
    [1000, 100000],
    [0.1 + 0.2, null],
    ["1000.10", 100010],
    ["5", 500],
    [1.005, null],
    [1e21, null],
    [Number.NaN, null],
    ["12,000.00", null],
    ["99999.99", 9999999],
    ["0.07", 7],
    ["1000.1", 100010],
    ["0.075", null],
    ["1e3", null],
  ])("%s baht → %s satang", (amount, satang) => {
    expect(bahtToSatang(amount)).toBe(satang);
  });

  it("is exact for every amount a JSON number with two decimals can carry", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e13 }), (satang) => {
        const asNumber = JSON.parse(JSON.stringify(satang / 100)) as number;
        expect(bahtToSatang(asNumber)).toBe(satang);
      }),
    );
  });
});
