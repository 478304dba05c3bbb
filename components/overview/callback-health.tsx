"use client";

import { useTranslations } from "next-intl";

import { cardCell, ui } from "@/components/ui/styles";
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
  const figures = ["perMinute", "lastHour", "refusedShare", "medianDelay"] as const;
  // Figures right-aligned; on a phone each upstream is a card of labelled lines instead.
  const figure = "text-right tabular-nums max-md:text-left";
  return (
    <Panel title={o("title")}>
      <div className="relative overflow-x-auto">
        <table className={`${ui.table} ${ui.cardTable}`}>
          <TableHead
            className={ui.cardHead}
            headings={[
              o("upstream"),
              o("lastAccepted"),
              ...figures.map((k) => ({ label: o(k), numeric: true })),
            ]}
          />
          <tbody className={`divide-y divide-slate-100 ${ui.cardTable}`}>
            {upstreams.map((u) => {
              const h = data[u];
              return (
                <tr key={u} data-testid={`callback-health-${u}`} className={ui.cardRow}>
                  <th scope="row" className={`${ui.td} text-left font-medium max-md:block`}>
                    {o(`name.${u}`)}
                  </th>
                  <td
                    {...cardCell(o("lastAccepted"), "tabular-nums")}
                    data-testid={`callback-last-${u}`}
                  >
                    <span>
                      {h.lastAcceptedAt ? formatDateTime(h.lastAcceptedAt) : o("never")}
                      {h.lastReceivedAt && h.lastReceivedAt !== h.lastAcceptedAt && (
                        <span className="block text-xs text-slate-500">
                          {o("lastAny", { at: formatDateTime(h.lastReceivedAt) })}
                        </span>
                      )}
                    </span>
                  </td>
                  <td {...cardCell(o("perMinute"), figure)}>{h.perMinute.toFixed(2)}</td>
                  <td {...cardCell(o("lastHour"), figure)}>
                    {o("counts", { accepted: h.lastHour.accepted, refused: h.lastHour.refused })}
                  </td>
                  <td
                    {...cardCell(
                      o("refusedShare"),
                      `${figure} ${(h.refusedShare ?? 0) > 0.05 ? "font-semibold text-red-700" : ""}`,
                    )}
                  >
                    {percent(h.refusedShare)}
                  </td>
                  <td {...cardCell(o("medianDelay"), figure)}>
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
