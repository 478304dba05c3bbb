import { describe, expect, it } from "vitest";

import { UpstreamBadResponseError } from "@/lib/upstream/errors";

import { isPlatformOrderId } from "./platform-order-id";
import { toPayoutWithdrawal } from "./transform";

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

describe("toPayoutWithdrawal", () => {
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
    const w = toPayoutWithdrawal(data);
    expect(w.orderedAt.toISOString()).toBe("2026-05-08T04:00:00.000Z");
    expect(w.doneAt?.toISOString()).toBe("2026-05-08T04:00:42.000Z");
    expect(w.amountSatang).toBe(100010);
    expect(w.status).toBe("success");
    expect(w.accountName).toBe("ลูกค้า ปลายทาง");
  });

  it("keeps an open withdrawal's missing done time as null", () => {
    expect(toPayoutWithdrawal({ ...data, status: "open", done_datetime: null }).doneAt).toBeNull();
  });

  it("reports an unknown status as an anomaly rather than guessing", () => {
    const w = toPayoutWithdrawal({ ...data, status: "refunded" });
    expect(w.status).toBeNull();
    expect(w.rawStatus).toBe("refunded");
  });

  it("refuses malformed times and amounts as bad responses", () => {
    expect(() => toPayoutWithdrawal({ ...data, order_datetime: "2026-05-08T11:00:00Z" })).toThrow(
      UpstreamBadResponseError,
    );
    expect(() => toPayoutWithdrawal({ ...data, amount: 10.005 })).toThrow(UpstreamBadResponseError);
  });
});
