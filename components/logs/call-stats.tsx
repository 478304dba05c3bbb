"use client";

import { useTranslations } from "next-intl";

import { TextLink } from "@/components/ui/button";
import { ui } from "@/components/ui/styles";
import type { Latency, OperationStats } from "@/lib/logs/read-logs";

import { formatDuration } from "./log-badges";

/** Latency (p50, p95) and error rate per operation, over the last hour and the last 24 hours. */
export function CallStats({ stats }: { stats: OperationStats[] | undefined }) {
  const t = useTranslations("logs");
  if (!stats) return null;
  const cells = (l: Latency) => (
    <>
      <td className={`${ui.td} text-right tabular-nums`}>{l.calls}</td>
      <td
        className={`${ui.td} text-right tabular-nums ${(l.errorRate ?? 0) >= 0.05 ? "font-semibold text-red-700" : ""}`}
      >
        {l.errorRate === null ? "—" : `${(l.errorRate * 100).toFixed(1)} %`}
      </td>
      <td className={`${ui.td} text-right tabular-nums`}>{formatDuration(l.p50Ms)}</td>
      <td className={`${ui.td} text-right tabular-nums`}>{formatDuration(l.p95Ms)}</td>
    </>
  );
  return (
    <section className={`${ui.card} relative overflow-x-auto p-0`} aria-labelledby="stats-title">
      <h2 id="stats-title" className="px-4 pt-4 text-sm font-semibold text-slate-700">
        {t("statsTitle")}
      </h2>
      <table className={ui.table} data-testid="call-stats">
        <thead>
          <tr>
            <th className={ui.th} rowSpan={2}>
              {t("operation")}
            </th>
            <th className={`${ui.th} text-center`} colSpan={4}>
              {t("lastHour")}
            </th>
            <th className={`${ui.th} text-center`} colSpan={4}>
              {t("last24h")}
            </th>
          </tr>
          <tr>
            {[0, 1].flatMap((span) =>
              ["calls", "errorRate", "p50", "p95"].map((key) => (
                <th key={`${span}-${key}`} className={`${ui.th} text-right`}>
                  {t(`stat.${key}`)}
                </th>
              )),
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {stats.map((s) => (
            <tr key={s.operation} data-operation={s.operation}>
              <td className={ui.td}>
                <TextLink href={`/upstream-calls?operation=${s.operation}`}>
                  {t(`operationName.${s.operation}`)}
                </TextLink>
              </td>
              {cells(s.lastHour)}
              {cells(s.lastDay)}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
