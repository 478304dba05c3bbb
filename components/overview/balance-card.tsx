"use client";

import { useTranslations } from "next-intl";

import { formatDateTime, formatSatang } from "@/lib/format";
import type { OverviewJson } from "@/lib/overview/overview";

import { ValueTable } from "./chart-table";
import { TrendChart } from "./lazy-charts";
import { baht } from "./format";
import { Panel } from "./panel";

type Balance = NonNullable<OverviewJson["balance"]>;

/** The P2W balance: last confirmed figure, its trend over the range, the pace and runway. */
export function BalanceCard({ data }: { data: Balance }) {
  const o = useTranslations("overview.balance");
  const low = data.p2w !== null && data.p2w.satang < data.thresholdSatang;
  const short = data.runwayHours !== null && data.runwayHours < data.runwayWarningHours;
  const trend = data.trend.map((p) => ({
    label: formatDateTime(p.at).slice(5, 16),
    value: p.satang,
  }));
  return (
    <Panel title={o("title")}>
      {data.p2w === null ? (
        <p className="text-sm text-slate-600">{o("unknown")}</p>
      ) : (
        <div className="space-y-3">
          <dl className="grid gap-3 text-sm sm:grid-cols-3">
            <div>
              <dt className="text-slate-500">{o("last")}</dt>
              <dd
                className={`text-2xl font-semibold tabular-nums ${low ? "text-red-700" : "text-slate-900"}`}
                data-testid="balance-last"
              >
                {formatSatang(data.p2w.satang)}
              </dd>
              <dd className="text-xs text-slate-500">
                {o("at", { at: formatDateTime(data.p2w.at) })}
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">{o("pace")}</dt>
              <dd className="text-lg font-semibold tabular-nums">
                {data.rate.kind === "falling"
                  ? o("perHour", { amount: formatSatang(data.rate.perHourSatang) })
                  : o(data.rate.kind === "flat" ? "notFalling" : "paceUnknown")}
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">{o("runway")}</dt>
              <dd
                className={`text-lg font-semibold tabular-nums ${short ? "text-red-700" : "text-slate-900"}`}
                data-testid="balance-runway"
              >
                {data.runwayHours === null
                  ? o(data.rate.kind === "unknown" ? "paceUnknown" : "notFalling")
                  : o("lasts", {
                      hours:
                        data.runwayHours < 10
                          ? data.runwayHours.toFixed(1)
                          : Math.round(data.runwayHours),
                    })}
              </dd>
            </div>
          </dl>
          <p className="text-xs text-slate-500">
            {o("levels", {
              threshold: formatSatang(data.thresholdSatang),
              hours: data.runwayWarningHours,
            })}
          </p>
          {trend.length > 1 && (
            <>
              <TrendChart
                title="balance-trend"
                data={trend}
                level={data.thresholdSatang}
                levelLabel={o("threshold")}
                format={baht}
                valueLabel={o("title")}
              />
              <ValueTable
                caption={o("trend")}
                labelHeading={o("when")}
                valueHeading={o("title")}
                rows={data.trend.map((p) => ({
                  key: p.at,
                  label: formatDateTime(p.at),
                  value: p.satang === null ? "—" : formatSatang(p.satang),
                }))}
              />
            </>
          )}
        </div>
      )}
    </Panel>
  );
}
