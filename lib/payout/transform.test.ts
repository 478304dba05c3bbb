import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { UpstreamBadResponseError } from "@/lib/upstream/errors";

import { bahtToSatang } from "./amount";
import { isPlatformOrderId } from "./platform-order-id";
import { toWithdrawal } from "./transform";

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

describe("platform_order_id format", () => {
  it.each([
    ["ABCW20260508abc123XYZ456", true],
    ["SBXW20261122AbCdEfGhJk23", true],
    ["ABW20260508abc123XYZ4567", false],
    ["ABCX20260508abc123XYZ456", false],
    ["ABCW20261308abc123XYZ456", false],
    ["ABCW20260508abc123XYZ45", false],
    ["ABCW20260508abc123XYZ45!", false],
    [" ABCW20260508abc123XYZ456", false],
  ])("%s → %s", (id, ok) => {
    expect(isPlatformOrderId(id)).toBe(ok);
  });
});

describe("toWithdrawal", () => {
  const data = {
    platform_order_id: "ABCW20260508abc123XYZ456",
    merchant_order_id: "PAYOUT-2026-001",
    order_datetime: "2026-05-08 11:00:00",
    bank: "KBANK",
    account_no: "1234567890",
    account_name: "ลูกค้า ปลายทาง",
    amount: 1000.1,
    status: "success",
    done_datetime: "2026-05-08 11:00:42",
  };

  it("converts GMT+7 datetimes to UTC instants and baht to satang", () => {
    const w = toWithdrawal(data);
    expect(w.orderedAt.toISOString()).toBe("2026-05-08T04:00:00.000Z");
    expect(w.doneAt?.toISOString()).toBe("2026-05-08T04:00:42.000Z");
    expect(w.amountSatang).toBe(100010);
    expect(w.status).toBe("success");
    expect(w.accountName).toBe("ลูกค้า ปลายทาง");
  });

  it("keeps an open withdrawal's missing done time as null", () => {
    expect(toWithdrawal({ ...data, status: "open", done_datetime: null }).doneAt).toBeNull();
  });

  it("reports an unknown status as an anomaly rather than guessing", () => {
    const w = toWithdrawal({ ...data, status: "refunded" });
    expect(w.status).toBeNull();
    expect(w.rawStatus).toBe("refunded");
  });

  it("refuses malformed times and amounts as bad responses", () => {
    expect(() => toWithdrawal({ ...data, order_datetime: "2026-05-08T11:00:00Z" })).toThrow(
      UpstreamBadResponseError,
    );
    expect(() => toWithdrawal({ ...data, amount: 10.005 })).toThrow(UpstreamBadResponseError);
  });
});
