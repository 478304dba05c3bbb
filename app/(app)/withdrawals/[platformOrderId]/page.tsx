import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";

import { requeryWithdrawalAction } from "@/lib/actions/withdrawals";
import { FieldList } from "@/components/list-kit/field-list";
import { OrderTraffic } from "@/components/list-kit/order-traffic";
import { RequeryButton } from "@/components/list-kit/requery-button";
import { Timeline } from "@/components/list-kit/timeline";
import { BankName } from "@/components/bank-name";
import { AccountReveal } from "@/components/withdrawals/account-reveal";
import { callerOf, requirePageUser } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { formatDateTime, formatSatang } from "@/lib/format";
import { getDb } from "@/lib/db";
import { getWithdrawal } from "@/db/queries/withdrawals";
import { ReviewPanel } from "@/components/review/review-panel";
import { reviewPanelData } from "@/lib/review/panel";
import { withdrawalDetailFor } from "@/lib/for-user/withdrawals";
import { OrderHeading } from "@/components/list-kit/order-heading";

export default async function WithdrawalPage({
  params,
}: {
  params: Promise<{ platformOrderId: string }>;
}) {
  const user = await requirePageUser("withdrawal:view");
  const { platformOrderId } = await params;
  const t = await getTranslations();
  const detail = await withdrawalDetailFor(await callerOf(user), platformOrderId, {
    traffic: true,
    masked: true,
  }).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  const w = detail.withdrawal;
  const row = can(user.role, "review:view")
    ? await getWithdrawal(getDb(), platformOrderId)
    : undefined;
  const review = row ? await reviewPanelData(getDb(), { kind: "withdrawal", row }) : null;
  const fields: [string, ReactNode][] = [
    [t("withdrawals.platformOrderId"), w.platformOrderId],
    [t("withdrawals.merchantOrderId"), w.merchantOrderId],
    [t("withdrawals.amount"), formatSatang(w.amountSatang)],
    [t("withdrawals.bank"), <BankName key="bank" code={w.bank} />],
    [
      t("withdrawals.account"),
      <AccountReveal
        key="account"
        platformOrderId={w.platformOrderId}
        masked={{ accountNo: w.accountNo, accountName: w.accountName }}
        canReveal={can(user.role, "withdrawal:view-account")}
      />,
    ],
    [t("withdrawals.orderedAt"), formatDateTime(new Date(w.orderedAt))],
    [t("withdrawals.doneAt"), w.doneAt ? formatDateTime(new Date(w.doneAt)) : t("common.none")],
    [t("withdrawals.updatedAt"), formatDateTime(new Date(w.updatedAt))],
  ];
  return (
    <div className="space-y-6">
      <OrderHeading
        kind="withdrawal"
        id={w.platformOrderId}
        title={t("withdrawals.detailTitle", { id: w.platformOrderId })}
        status={w.status}
        needsReview={w.needsReview}
        requery={
          can(user.role, "withdrawal:requery") && (
            <RequeryButton
              action={requeryWithdrawalAction}
              input={{ platformOrderId: w.platformOrderId }}
            />
          )
        }
      />
      <FieldList fields={fields} testId="withdrawal-fields" />
      {review && <ReviewPanel data={review} me={user.id} canAct={can(user.role, "review:act")} />}
      <Timeline history={detail.history} upstream="payout" />
      <OrderTraffic
        callbacks={detail.callbacks ?? []}
        calls={detail.calls ?? []}
        callsTitle={t("withdrawals.calls")}
      />
    </div>
  );
}
