"use client";

import { useTranslations } from "next-intl";

import { formatSatang } from "@/lib/format";
import { links } from "@/lib/overview/links";
import type { OverviewJson } from "@/lib/overview/overview";

import { COLORS } from "./chart-table";
import { count } from "./format";
import { KpiTile, StatusTiles } from "./kpi-tile";
import { SeriesPanel } from "./series-panel";

type Withdrawals = NonNullable<OverviewJson["withdrawals"]>;
const STATUSES = ["success", "failed", "open"] as const;

/** Withdrawals: open now, what was ordered in the range by status, per hour or day, stuck. */
export function WithdrawalSection({
  data,
  days,
  canReview,
}: {
  data: Withdrawals;
  days: { from: string; to: string };
  canReview: boolean;
}) {
  const t = useTranslations();
  const o = useTranslations("overview");
  const p = data.previous;
  return (
    <section aria-labelledby="overview-withdrawals" className="space-y-4">
      <h2 id="overview-withdrawals" className="text-lg font-semibold text-slate-900">
        {o("withdrawals")}
      </h2>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-5">
        <KpiTile
          label={o("openNow")}
          value={count(data.open.count)}
          sub={formatSatang(data.open.amountSatang)}
          href={links.withdrawals(null, { status: "open" })}
          testId="kpi-withdrawals-open"
        />
        <StatusTiles
          totals={data}
          previous={p}
          totalLabel={o("ordered")}
          statuses={["success", "failed"]}
          hrefOf={(status) => links.withdrawals(days, { status })}
        />
        <KpiTile
          label={o("stuck")}
          value={count(data.stuck)}
          better="down"
          href={canReview ? links.review({ kind: "withdrawal", reason: "stuck" }) : undefined}
        />
      </div>
      <SeriesPanel
        name="withdrawals-series"
        series={data.series}
        groups={STATUSES.map((s) => ({ key: s, label: t(`status.${s}`), color: COLORS[s] }))}
        hrefOf={(i, label) => links.withdrawalsAt(days, data.series.unit, i, label)}
      />
    </section>
  );
}
