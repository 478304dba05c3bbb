import { WITHDRAWAL_STATUSES, type WithdrawalStatus } from "@/db/enums";
import { parseBangkokDateTime } from "@/lib/format";
import { UpstreamBadResponseError } from "@/lib/upstream/errors";

import { bahtToSatang } from "@/lib/money";
import type { PayoutWithdrawalData } from "./schemas";

export function normalizePayoutStatus(raw: string): WithdrawalStatus | null {
  const word = raw.trim().toLowerCase();
  return (WITHDRAWAL_STATUSES as readonly string[]).includes(word)
    ? (word as WithdrawalStatus)
    : null;
}

export type PayoutWithdrawal = {
  platformOrderId: string;
  merchantOrderId: string;
  bank: string;
  accountNo: string;
  accountName: string;
  amountSatang: number;
  /** Null when the gateway sent a status word we do not know (see rawStatus). */
  status: WithdrawalStatus | null;
  rawStatus: string;
  orderedAt: Date;
  doneAt: Date | null;
};

/** Gateway shape → ours: GMT+7 datetimes to UTC instants, baht to integer satang. */
export function toPayoutWithdrawal(
  data: PayoutWithdrawalData,
  httpStatus: number | null = 200,
): PayoutWithdrawal {
  const amountSatang = bahtToSatang(data.amount);
  if (amountSatang === null)
    throw new UpstreamBadResponseError(
      "payout",
      httpStatus,
      "amount is not baht with two decimals",
    );
  const orderedAt = parseBangkokDateTime(data.order_datetime);
  if (!orderedAt)
    throw new UpstreamBadResponseError("payout", httpStatus, "order_datetime is malformed");
  let doneAt: Date | null = null;
  if (data.done_datetime) {
    doneAt = parseBangkokDateTime(data.done_datetime);
    if (!doneAt)
      throw new UpstreamBadResponseError("payout", httpStatus, "done_datetime is malformed");
  }
  return {
    platformOrderId: data.platform_order_id,
    merchantOrderId: data.merchant_order_id,
    bank: data.bank,
    accountNo: data.account_no,
    accountName: data.account_name,
    amountSatang,
    status: normalizePayoutStatus(data.status),
    rawStatus: data.status,
    orderedAt,
    doneAt,
  };
}
