"use client";

import { useLocale, useTranslations } from "next-intl";

import type { OverviewJson } from "@/lib/overview/overview";
import { links } from "@/lib/overview/links";

import { ChartTable, COLORS } from "./chart-table";
import { BarBreakdown } from "./lazy-charts";
import { TOPUP_WAITING_STATUSES } from "@/db/enums";

import { count, durationText, percent } from "./format";
import { KpiTile, StatusTile } from "./kpi-tile";
import { Panel } from "./panel";
import { SeriesPanel } from "./series-panel";

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
  const o = useTranslations("overview");
  const locale = useLocale() as "th" | "en";
  const p = data.previous;
  const waitingNow = data.waiting.total;
  const groupLabel = (g: string) => (g === "waiting" ? o("waiting") : t(`status.${g}`));
  const reasonRows = data.failuresByReason.map((r) => ({
    key: r.reason || "none",
    label: r.reason === "other" ? o("other") : r.reason || o("noReason"),
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
  const d = (key: "seconds" | "minutes" | "hours" | "overDay", values?: { n: number }) =>
    o(`duration.${key}`, values ?? { n: 0 });
  return (
    <section aria-labelledby="overview-topups" className="space-y-4">
      <h2 id="overview-topups" className="text-lg font-semibold text-slate-900">
        {o("topups")}
      </h2>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-6">
        <StatusTile
          totals={data}
          previous={p}
          label={o("created")}
          better="none"
          href={links.topups(days)}
          testId="kpi-topups-total"
        />
        <StatusTile
          totals={data}
          previous={p}
          status="succeeded"
          label={t("status.succeeded")}
          href={links.topups(days, { status: "succeeded" })}
          testId="kpi-topups-succeeded"
        />
        <StatusTile
          totals={data}
          previous={p}
          status="failed"
          label={t("status.failed")}
          better="down"
          href={links.topups(days, { status: "failed" })}
          testId="kpi-topups-failed"
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
        <Panel title={o("timeToFinal")}>
          <dl className="grid grid-cols-3 gap-3 text-sm">
            <div>
              <dt className="text-slate-500">{o("p50")}</dt>
              <dd className="text-xl font-semibold tabular-nums" data-testid="ttf-p50">
                {durationText(data.timeToFinal.p50Seconds, d)}
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">{o("p95")}</dt>
              <dd className="text-xl font-semibold tabular-nums">
                {durationText(data.timeToFinal.p95Seconds, d)}
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">{o("finalOrders")}</dt>
              <dd className="text-xl font-semibold tabular-nums">
                {count(data.timeToFinal.count)}
              </dd>
            </div>
          </dl>
          {data.timeToFinal.buckets.length > 0 && (
            <ChartTable
              caption={o("timeToFinal")}
              columns={[
                { key: "bucket", label: o("duration.title") },
                { key: "count", label: o("orders"), align: "right" },
              ]}
              rows={data.timeToFinal.buckets.map((b) => ({
                key: String(b.seconds),
                cells: { bucket: durationText(b.seconds, d), count: count(b.count) },
              }))}
            />
          )}
        </Panel>
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

/** A breakdown as bars and as a table; an empty one says so instead of drawing nothing. */
export function Breakdown({
  title,
  rows,
  color,
  first,
  keepEmpty = false,
}: {
  title: string;
  rows: { key: string; label: string; value: number; href?: string }[];
  color: string;
  first: string;
  keepEmpty?: boolean;
}) {
  const o = useTranslations("overview");
  const empty = rows.every((r) => r.value === 0);
  return (
    <Panel title={title}>
      {empty && !keepEmpty ? (
        <p className="text-sm text-slate-500">{o("none")}</p>
      ) : (
        <>
          <BarBreakdown title={title} rows={rows} color={color} valueLabel={o("orders")} />
          <ChartTable
            caption={title}
            columns={[
              { key: "label", label: first },
              { key: "value", label: o("orders"), align: "right" },
            ]}
            rows={rows.map((r) => ({
              key: r.key,
              href: r.href,
              cells: { label: r.label, value: count(r.value) },
            }))}
          />
        </>
      )}
    </Panel>
  );
}
