"use client";

import { useTranslations } from "next-intl";

import { ui } from "@/components/ui/styles";
import { TableHead } from "@/components/ui/table-head";
import { formatDateTime } from "@/lib/format";
import type { OverviewJson } from "@/lib/overview/overview";

import { percent } from "./format";
import { Panel } from "./panel";

type Health = NonNullable<OverviewJson["callbacks"]>;

/** Per upstream: last callback, traffic and refusals over the last hour, typical delay. */
export function CallbackHealth({ data }: { data: Health }) {
  const o = useTranslations("overview.callbacks");
  const upstreams = ["p2w", "payout"] as const;
  return (
    <Panel title={o("title")}>
      <div className="relative overflow-x-auto">
        <table className={ui.table}>
          <TableHead
            headings={[
              o("upstream"),
              o("lastAccepted"),
              ...(["perMinute", "lastHour", "refusedShare", "medianDelay"] as const).map((k) => ({
                label: o(k),
                numeric: true,
              })),
            ]}
          />
          <tbody className="divide-y divide-slate-100">
            {upstreams.map((u) => {
              const h = data[u];
              return (
                <tr key={u} data-testid={`callback-health-${u}`}>
                  <th scope="row" className={`${ui.td} text-left font-medium`}>
                    {o(`name.${u}`)}
                  </th>
                  <td className={`${ui.td} tabular-nums`} data-testid={`callback-last-${u}`}>
                    {h.lastAcceptedAt ? formatDateTime(h.lastAcceptedAt) : o("never")}
                    {h.lastReceivedAt && h.lastReceivedAt !== h.lastAcceptedAt && (
                      <span className="block text-xs text-slate-500">
                        {o("lastAny", { at: formatDateTime(h.lastReceivedAt) })}
                      </span>
                    )}
                  </td>
                  <td className={`${ui.td} text-right tabular-nums`}>{h.perMinute.toFixed(2)}</td>
                  <td className={`${ui.td} text-right tabular-nums`}>
                    {o("counts", { accepted: h.lastHour.accepted, refused: h.lastHour.refused })}
                  </td>
                  <td
                    className={`${ui.td} text-right tabular-nums ${
                      (h.refusedShare ?? 0) > 0.05 ? "font-semibold text-red-700" : ""
                    }`}
                  >
                    {percent(h.refusedShare)}
                  </td>
                  <td className={`${ui.td} text-right tabular-nums`}>
                    {h.medianDelaySeconds === null
                      ? "—"
                      : o("seconds", { n: h.medianDelaySeconds })}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="mt-2 text-xs text-slate-500">{o("explain")}</p>
    </Panel>
  );
}
