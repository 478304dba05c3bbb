import type { WithdrawalRow } from "@/db/schema";

import { maskAccountName, maskAccountNo } from "./mask";

/** The `Withdrawal` of docs/design.md, JSON API; account data masked unless `reveal`. */
export type WithdrawalJson = {
  platformOrderId: string;
  merchantOrderId: string;
  bank: string;
  accountNo: string;
  accountName: string;
  amountSatang: number;
  status: WithdrawalRow["status"];
  orderedAt: string;
  doneAt: string | null;
  updatedAt: string;
  needsReview: WithdrawalRow["needsReview"];
  masked: boolean;
};

export function toWithdrawalJson(row: WithdrawalRow, reveal = false): WithdrawalJson {
  return {
    platformOrderId: row.platformOrderId,
    merchantOrderId: row.merchantOrderId,
    bank: row.bank,
    accountNo: reveal ? row.accountNo : maskAccountNo(row.accountNo),
    accountName: reveal ? row.accountName : maskAccountName(row.accountName),
    amountSatang: row.amountSatang,
    status: row.status,
    orderedAt: row.orderedAt.toISOString(),
    doneAt: row.doneAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    needsReview: row.needsReview,
    masked: !reveal,
  };
}
