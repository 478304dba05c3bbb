import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";

import { requeryTopupAction } from "@/lib/actions/topups";
import { RequeryButton } from "@/components/list-kit/requery-button";
import { FieldList } from "@/components/list-kit/field-list";
import { OrderTraffic } from "@/components/list-kit/order-traffic";
import { Timeline } from "@/components/list-kit/timeline";
import { ui } from "@/components/ui/styles";
import { getDb } from "@/lib/db";
import { requirePageUser } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { formatDateTime, formatSatang } from "@/lib/format";
import { getPackage } from "@/db/queries/packages";
import { getTopup } from "@/db/queries/topups";
import type { Locale } from "@/lib/i18n/config";
import { wordsOf } from "@/lib/i18n/words";
import { describeTopupInfo } from "@/lib/topups/describe";
import { ReviewPanel } from "@/components/review/review-panel";
import { reviewPanelData } from "@/lib/review/panel";
import { topupDetail } from "@/lib/topups/read-topups";
import { TextLink } from "@/components/ui/button";
import { OrderHeading } from "@/components/list-kit/order-heading";

export default async function TopupPage({ params }: { params: Promise<{ refId: string }> }) {
  const user = await requirePageUser("topup:view");
  const { refId } = await params;
  const t = await getTranslations();
  const detail = await topupDetail(getDb(), refId, true).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  const { topup } = detail;
  const row = can(user.role, "review:view") ? await getTopup(getDb(), refId) : undefined;
  const review = row ? await reviewPanelData(getDb(), { kind: "topup", row }) : null;
  const pkg = await getPackage(getDb(), topup.packageId);
  const locale = (await getLocale()) as Locale;
  const fields: [string, React.ReactNode][] = [
    [
      t("topups.refId"),
      <span key="v" className="font-mono">
        {topup.refId}
      </span>,
    ],
    [
      t("topups.orderId"),
      <span key="v" className="font-mono">
        {topup.orderId ?? t("common.none")}
      </span>,
    ],
    [
      t("topups.package"),
      <span key="v" title={topup.packageId}>
        {pkg ? `${pkg.game} · ${pkg.name[locale]}` : topup.packageId}
      </span>,
    ],
    [
      t("topups.topupInfo"),
      <span key="v" data-testid="topup-info">
        {describeTopupInfo(topup.topupInfo, pkg?.fields, locale).map((f, i) => (
          <span key={f.key}>
            {i > 0 && " · "}
            <span className="text-slate-500">{f.label}</span> {f.value}
          </span>
        ))}
      </span>,
    ],
    [t("topups.price"), formatSatang(topup.priceSatang)],
    [
      t("topups.reason"),
      topup.reason ? (
        <span key="v" title={topup.reason} data-testid="topup-reason">
          {wordsOf(t).reason(topup.reason)}
        </span>
      ) : (
        t("common.none")
      ),
    ],
    [t("topups.createdBy"), topup.createdByName ?? topup.createdBy ?? t("common.none")],
    [t("topups.createdAt"), formatDateTime(new Date(topup.createdAt))],
    [t("topups.updatedAt"), formatDateTime(new Date(topup.updatedAt))],
    [
      t("topups.completedAt"),
      topup.completedAt ? formatDateTime(new Date(topup.completedAt)) : t("common.none"),
    ],
    ...(topup.reissueOf
      ? [
          [
            t("topups.reissueOf"),
            <TextLink key="v" href={`/topups/${topup.reissueOf}`} tone="underlined" mono>
              {topup.reissueOf}
            </TextLink>,
          ] as [string, React.ReactNode],
        ]
      : []),
  ];
  return (
    <div className="space-y-6">
      <OrderHeading
        kind="topup"
        id={topup.refId}
        title={t("topup.title", { refId: topup.refId })}
        status={topup.status}
        needsReview={topup.needsReview}
        requery={
          can(user.role, "topup:requery") &&
          topup.orderId && (
            <RequeryButton action={requeryTopupAction} input={{ refId: topup.refId }} />
          )
        }
      />
      {topup.status === "unknown" && <p className={ui.error}>{t("topup.unknownExplained")}</p>}
      <FieldList fields={fields} />
      {review && (
        <ReviewPanel
          data={review}
          me={user.id}
          canAct={can(user.role, "review:act")}
          refId={topup.refId}
        />
      )}
      <Timeline history={detail.history} upstream="p2w" />
      <OrderTraffic
        callbacks={detail.callbacks ?? []}
        calls={detail.calls ?? []}
        callsTitle={t("topup.calls")}
      />
    </div>
  );
}
