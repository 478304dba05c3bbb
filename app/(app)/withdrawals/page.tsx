import { getTranslations } from "next-intl/server";

import { LookupPanel } from "@/components/withdrawals/lookup-panel";
import { WithdrawalList } from "@/components/withdrawals/withdrawal-list";
import { ui } from "@/components/ui/styles";
import { requirePageUser } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { firstPage, type SearchParams } from "@/lib/orders/first-page";
import { BANKS } from "@/lib/payout/banks";
import { parseWithdrawalQuery } from "@/lib/withdrawals/list-query";
import { withdrawalPage } from "@/lib/withdrawals/read-withdrawals";

export default async function WithdrawalsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser("withdrawal:view");
  const t = await getTranslations("withdrawals");
  const db = getDb();
  const initial = await firstPage("withdrawals", searchParams, (params) =>
    withdrawalPage(db, parseWithdrawalQuery(params)),
  );
  return (
    <div className="space-y-6">
      <h1 className={ui.h1}>{t("title")}</h1>
      {can(user.role, "withdrawal:lookup") && <LookupPanel />}
      <WithdrawalList
        banks={[...BANKS]}
        canRequery={can(user.role, "withdrawal:requery")}
        canExport={can(user.role, "withdrawal:export")}
        initial={initial}
      />
    </div>
  );
}
