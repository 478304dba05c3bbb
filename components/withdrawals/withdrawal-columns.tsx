"use client";

import { useTranslations } from "next-intl";

import { BankName } from "@/components/bank-name";
import type { Columns } from "@/components/list-kit/columns";
import { column, idColumn, statusColumn, whenColumn } from "@/components/list-kit/common-columns";
import { ShortId } from "@/components/ui/short-id";
import { formatSatang } from "@/lib/format";
import type { WithdrawalJson } from "@/lib/withdrawals/withdrawal-view";

export const withdrawalHref = (row: WithdrawalJson) => `/withdrawals/${row.platformOrderId}`;

/** The withdrawal list's columns, in the page's language; account data as the API masked it. */
export function useWithdrawalColumns(): Columns<WithdrawalJson> {
  const t = useTranslations("withdrawals");
  return [
    idColumn("platformOrderId", t("platformOrderId"), (row) => row.platformOrderId, withdrawalHref),
    statusColumn(t("status")),
    column("amount", t("amount"), (row) => formatSatang(row.amountSatang), { numeric: true }),
    column(
      "bank",
      t("bank"),
      (row) => (
        <span className="block max-w-40 min-w-24">
          <BankName code={row.bank} />
        </span>
      ),
      { wrap: true },
    ),
    column("accountNo", t("accountNo"), (row) => (
      <span className="font-mono text-xs" data-testid="account-no">
        {row.accountNo}
      </span>
    )),
    column(
      "accountName",
      t("accountName"),
      (row) => (
        <span className="block max-w-40 min-w-20" data-testid="account-name">
          {row.accountName}
        </span>
      ),
      { hideOnPhone: true, wrap: true },
    ),
    column(
      "merchantOrderId",
      t("merchantOrderId"),
      (row) => <ShortId id={row.merchantOrderId} keep={12} />,
      { hideOnPhone: true },
    ),
    whenColumn("orderedAt", t("orderedAt"), (row) => row.orderedAt),
    whenColumn("doneAt", t("doneAt"), (row) => row.doneAt, { hideOnPhone: true }),
  ];
}
