import { describe, expect, it } from "vitest";

import { AppError } from "@/lib/errors";

import { parseWithdrawalQuery } from "./list-query";

describe("parseWithdrawalQuery", () => {
  it("reads amounts in baht as exact satang, Bangkok days, bank and text", () => {
    const q = parseWithdrawalQuery(
      new URLSearchParams("min=1000.1&max=2000&from=2026-05-08&to=2026-05-08&bank=KBANK&q=สมชาย"),
    );
    expect(q.filter).toMatchObject({
      minSatang: 100010,
      maxSatang: 200000,
      bank: "KBANK",
      q: "สมชาย",
    });
    expect(q.filter.from?.toISOString()).toBe("2026-05-07T17:00:00.000Z");
    expect(q.filter.to?.toISOString()).toBe("2026-05-08T17:00:00.000Z");
    expect(q.sort).toBe("ordered_desc");
  });

  it.each(["min=12.345", "max=abc", "status=paid", "sort=amount"])("refuses %s", (qs) => {
    expect(() => parseWithdrawalQuery(new URLSearchParams(qs))).toThrow(AppError);
  });
});

describe("amounts and ranges as people type them", () => {
  it.each([
    ["1,000", 100_000],
    ["฿1,000.50", 100_050],
    ["1 000 บาท", 100_000],
    ["THB 20", 2_000],
  ])("reads %s", (typed, satang) => {
    expect(parseWithdrawalQuery(new URLSearchParams({ min: typed })).filter.minSatang).toBe(satang);
  });

  it.each([
    ["min=5000&max=100", "max"],
    ["from=2026-05-09&to=2026-05-01", "to"],
    ["min=-5", "min"],
  ])("refuses %s naming the field", (qs, field) => {
    expect(() => parseWithdrawalQuery(new URLSearchParams(qs))).toThrow(
      expect.objectContaining({ params: expect.objectContaining({ field }) }),
    );
  });
});
