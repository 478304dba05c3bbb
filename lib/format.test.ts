import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  bangkokDay,
  bangkokDayStart,
  formatDateTime,
  formatSatang,
  parseBangkokDateTime,
  satangToDecimal,
} from "./format";

describe("formatSatang", () => {
  it.each([
    [0, "฿0.00"],
    [7, "฿0.07"],
    [10000, "฿100.00"],
    [123456, "฿1,234.56"],
    [100000000, "฿1,000,000.00"],
    [-5050, "-฿50.50"],
  ])("%i satang → %s", (satang, text) => {
    expect(formatSatang(satang)).toBe(text);
  });

  it("refuses a fractional amount instead of rounding it", () => {
    expect(() => formatSatang(10.5)).toThrow(RangeError);
  });

  it("always shows exactly the integer it was given", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (satang) => {
        const digits = formatSatang(satang).replace(/[฿,.]/g, "");
        expect(Number(digits)).toBe(satang);
      }),
    );
  });

  it("has a plain decimal form for exports", () => {
    expect(satangToDecimal(100010)).toBe("1000.10");
    expect(satangToDecimal(7)).toBe("0.07");
  });
});

describe("Bangkok time", () => {
  it("shows an instant in Bangkok wall time", () => {
    expect(formatDateTime(new Date("2026-05-08T04:00:00Z"))).toBe("2026-05-08 11:00:00");
    expect(formatDateTime(new Date("2026-05-08T17:30:00Z"))).toBe("2026-05-09 00:30:00");
    expect(formatDateTime(null)).toBe("—");
  });

  it("parses vendor datetimes (GMT+7) into UTC instants", () => {
    expect(parseBangkokDateTime("2026-05-08 11:00:00")?.toISOString()).toBe(
      "2026-05-08T04:00:00.000Z",
    );
    expect(parseBangkokDateTime("2026-05-08 11:00:42")?.toISOString()).toBe(
      "2026-05-08T04:00:42.000Z",
    );
    expect(parseBangkokDateTime("2026-02-30 11:00:00")).toBeNull();
    expect(parseBangkokDateTime("2026-05-08T11:00:00")).toBeNull();
  });

  it("round-trips any second between 2000 and 2100", () => {
    fc.assert(
      fc.property(fc.integer({ min: 946684800, max: 4102444800 }), (seconds) => {
        const instant = new Date(seconds * 1000);
        expect(parseBangkokDateTime(formatDateTime(instant))?.getTime()).toBe(instant.getTime());
      }),
    );
  });

  it("gives the UTC start of a Bangkok day", () => {
    expect(bangkokDayStart("2026-11-22")?.toISOString()).toBe("2026-11-21T17:00:00.000Z");
    expect(bangkokDay(new Date("2026-11-21T17:00:00Z"))).toBe("2026-11-22");
    expect(bangkokDay(new Date("2026-11-21T16:59:59Z"))).toBe("2026-11-21");
    expect(bangkokDayStart("2026-13-01")).toBeNull();
    expect(bangkokDayStart("yesterday")).toBeNull();
  });
});
