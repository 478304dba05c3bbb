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
