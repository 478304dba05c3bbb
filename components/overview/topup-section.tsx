"use client";

import { useLocale, useTranslations } from "next-intl";

import { TOPUP_WAITING_STATUSES } from "@/db/enums";
import { links } from "@/lib/overview/links";
import type { OverviewJson } from "@/lib/overview/overview";
import { wordsOf } from "@/lib/i18n/words";

import { Breakdown } from "./breakdown";
import { COLORS } from "./chart-table";
import { count, percent } from "./format";
import { KpiTile, StatusTiles } from "./kpi-tile";
import { SeriesPanel } from "./series-panel";
import { TimeToFinal } from "./time-to-final";

type Topups = NonNullable<OverviewJson["topups"]>;
type Days = { from: string; to: string };

const GROUPS = ["succeeded", "failed", "waiting"] as const;

/** Top-ups over the range: tiles, the series, failures, time to a final status, waiting now. */
export function TopupSection({
  data,
  days,
  packageNames,
  canReview,
}: {
  data: Topups;
  days: Days;
  packageNames: Record<string, { th: string; en: string }>;
  /** Whether the stuck tile may lead into the review queue (`review:view`). */
  canReview: boolean;
}) {
  const t = useTranslations();
  const words = wordsOf(t);
  const o = useTranslations("overview");
  const locale = useLocale() as "th" | "en";
  const p = data.previous;
  const waitingNow = data.waiting.total;
  const groupLabel = (g: string) => (g === "waiting" ? o("waiting") : t(`status.${g}`));
  const reasonRows = data.failuresByReason.map((r) => ({
    key: r.reason || "none",
    label: r.reason === "other" ? o("other") : r.reason ? words.reason(r.reason) : o("noReason"),
    value: r.count,
    href:
      r.reason === "other"
        ? undefined
        : links.topups(days, { status: "failed", ...(r.reason ? { reason: r.reason } : {}) }),
  }));
  const packageRows = data.failuresByPackage.map((r) => ({
    key: r.packageId,
    label:
      r.packageId === "other" ? o("other") : (packageNames[r.packageId]?.[locale] ?? r.packageId),
    value: r.count,
    href:
      r.packageId === "other"
        ? undefined
        : links.topups(days, { status: "failed", packageId: r.packageId }),
  }));
  const ageRows = data.waiting.byAge.map((a) => ({
    key: a.bucket,
    label: o(`age.${a.bucket}`),
    value: a.count,
    href: links.waiting(TOPUP_WAITING_STATUSES),
  }));
  return (
    <section aria-labelledby="overview-topups" className="space-y-4">
      <h2 id="overview-topups" className="text-lg font-semibold text-slate-900">
        {o("topups")}
      </h2>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-6">
        <StatusTiles
          totals={data}
          previous={p}
          totalLabel={o("created")}
          statuses={["succeeded", "failed"]}
          hrefOf={(status) => links.topups(days, { status })}
          testIds="kpi-topups"
        />
        <KpiTile
          label={o("successRate")}
          value={percent(data.successRate)}
          now={data.successRate}
          before={p.successRate}
          rate
          href={links.topups(days, { status: "succeeded" })}
        />
        <KpiTile
          label={o("waitingNow")}
          value={count(waitingNow)}
          sub={o("waitingStatuses")}
          better="down"
          href={links.waiting(TOPUP_WAITING_STATUSES)}
          testId="kpi-topups-waiting"
        />
        <KpiTile
          label={o("stuck")}
          value={count(data.stuck)}
          better="down"
          href={canReview ? links.review({ kind: "topup", reason: "stuck" }) : undefined}
        />
      </div>

      <SeriesPanel
        name="topups-series"
        series={data.series}
        groups={GROUPS.map((g) => ({ key: g, label: groupLabel(g), color: COLORS[g] }))}
        hrefOf={(i, label) => links.topupsAt(days, data.series.unit, i, label)}
      />

      <div className="grid gap-4 lg:grid-cols-2">
        <Breakdown
          title={o("failuresByReason")}
          rows={reasonRows}
          color={COLORS.failed}
          first={o("reason")}
        />
        <Breakdown
          title={o("failuresByPackage")}
          rows={packageRows}
          color={COLORS.failed}
          first={t("topups.package")}
        />
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        <TimeToFinal data={data.timeToFinal} />
        <Breakdown
          title={o("waitingByAge")}
          rows={ageRows}
          color={COLORS.waiting}
          first={o("age.title")}
          keepEmpty
        />
      </div>
    </section>
  );
}
