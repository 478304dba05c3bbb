"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";

import { ui } from "@/components/ui/styles";
import { numeric, TableHead } from "@/components/ui/table-head";
import { CALLBACK_RESULTS, UPSTREAMS } from "@/lib/callbacks/results";
import { formatDateTime } from "@/lib/format";
import type { CallbackCounts as Counts } from "@/lib/logs/read-logs";

import { ResultBadge } from "./log-badges";

/**
 * The last 24 hours per upstream and result, each count a link to the log filtered to it;
 * and the refused callbacks that were only counted (a flood above the storage bound).
 */
export function CallbackCounts({ counts }: { counts: Counts | undefined }) {
  const t = useTranslations("logs");
  if (!counts) return null;
  return (
    <section className={`${ui.card} space-y-3 p-4`} aria-labelledby="counts-title">
      <h2 id="counts-title" className="text-sm font-semibold text-slate-700">
        {t("last24h")}
      </h2>
      <dl className="grid gap-3 md:grid-cols-2">
        {UPSTREAMS.map((upstream) => {
          const byResult = counts.byResult[upstream] ?? {};
          const shown = CALLBACK_RESULTS.filter((r) => (byResult[r] ?? 0) > 0);
          const dropped = counts.dropped[upstream] ?? 0;
          return (
            <div key={upstream} data-testid={`counts-${upstream}`}>
              <dt className="text-xs font-medium text-slate-500 uppercase">
                {t(`upstreamName.${upstream}`)}
              </dt>
              <dd className="mt-1 flex flex-wrap gap-2 text-sm">
                {shown.length === 0 && dropped === 0 && (
                  <span className="text-slate-500">{t("noneReceived")}</span>
                )}
                {shown.map((result) => (
                  <Link
                    key={result}
                    href={`/callbacks?upstream=${upstream}&result=${result}`}
                    className="inline-flex items-center gap-1 hover:underline"
                  >
                    <ResultBadge result={result} />
                    <span className="tabular-nums">{byResult[result]}</span>
                  </Link>
                ))}
                {dropped > 0 && (
                  <span className="text-red-800" data-testid={`dropped-${upstream}`}>
                    {t("droppedCount", { count: dropped })}
                  </span>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
      {counts.droppedBySource.length > 0 && (
        <details className="text-sm">
          <summary className="cursor-pointer text-slate-700">{t("droppedBySource")}</summary>
          <p className="mt-1 text-xs text-slate-500">{t("droppedExplained")}</p>
          <table className={`${ui.table} mt-2`} data-testid="dropped-refusals">
            <TableHead
              headings={[
                ...["minute", "upstream", "sourceIp"].map((k) => t(k)),
                ...numeric(t("stored"), t("dropped")),
              ]}
            />
            <tbody className="divide-y divide-slate-100">
              {counts.droppedBySource.map((r) => (
                <tr key={`${r.upstream}-${r.ip}-${r.minute}`}>
                  <td className={`${ui.td} tabular-nums`}>{formatDateTime(new Date(r.minute))}</td>
                  <td className={ui.td}>{t(`upstreamName.${r.upstream}`)}</td>
                  <td className={`${ui.td} font-mono text-xs`}>{r.ip}</td>
                  <td className={`${ui.td} text-right tabular-nums`}>{r.stored}</td>
                  <td className={`${ui.td} text-right tabular-nums`}>{r.dropped}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </section>
  );
}
