"use client";

import { useTranslations } from "next-intl";

import type { OverviewJson } from "@/lib/overview/overview";

import { ValueTable } from "./chart-table";
import { count, durationText } from "./format";
import { Panel } from "./panel";

/** How long top-ups took from create to a final status: p50, p95, and the spread as a table. */
export function TimeToFinal({
  data,
}: {
  data: NonNullable<OverviewJson["topups"]>["timeToFinal"];
}) {
  const o = useTranslations("overview");
  const d = (key: "seconds" | "minutes" | "hours" | "overDay", values?: { n: number }) =>
    o(`duration.${key}`, values ?? { n: 0 });
  return (
    <Panel title={o("timeToFinal")}>
      <dl className="grid grid-cols-3 gap-3 text-sm">
        <div>
          <dt className="text-slate-500">{o("p50")}</dt>
          <dd className="text-xl font-semibold tabular-nums" data-testid="ttf-p50">
            {durationText(data.p50Seconds, d)}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">{o("p95")}</dt>
          <dd className="text-xl font-semibold tabular-nums">{durationText(data.p95Seconds, d)}</dd>
        </div>
        <div>
          <dt className="text-slate-500">{o("finalOrders")}</dt>
          <dd className="text-xl font-semibold tabular-nums">{count(data.count)}</dd>
        </div>
      </dl>
      {data.buckets.length > 0 && (
        <ValueTable
          caption={o("timeToFinal")}
          labelHeading={o("duration.title")}
          valueHeading={o("orders")}
          rows={data.buckets.map((b) => ({
            key: String(b.seconds),
            label: durationText(b.seconds, d),
            value: count(b.count),
          }))}
        />
      )}
    </Panel>
  );
}
