"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { Fragment, useState } from "react";

import { Pager, TableStates } from "@/components/orders/list-toolbar";
import { useOrderList } from "@/components/orders/use-order-list";
import { ui } from "@/components/ui/styles";
import { formatDateTime } from "@/lib/format";
import type { UpstreamCallJson } from "@/lib/logs/log-view";
import type { OperationStats } from "@/lib/logs/read-logs";

import { CallDetail } from "./call-detail";
import { CallFilters } from "./call-filters";
import { CallStats } from "./call-stats";
import { formatDuration, OutcomeBadge } from "./log-badges";

type CallPage = { items: UpstreamCallJson[]; nextCursor: string | null; stats?: OperationStats[] };

const REFRESH_MS = 5_000;
const COLUMNS = 9;

/** Every outbound call, newest first, with latency and error rate per operation above it. */
export function CallLog() {
  const t = useTranslations("logs");
  const list = useOrderList<UpstreamCallJson, CallPage>("/api/upstream-calls", "topup", {
    alsoType: "withdrawal",
    refetchMs: REFRESH_MS,
  });
  const [open, setOpen] = useState<number | null>(null);
  const items = list.data?.items ?? [];
  return (
    <div className="space-y-4">
      <CallFilters params={list.filters} onApply={list.navigate} />
      <CallStats stats={list.data?.stats} />
      <div className={`${ui.card} overflow-x-auto p-0`}>
        <table className={ui.table} data-testid="call-table">
          <thead className="bg-slate-50">
            <tr>
              <th className={ui.th}>{t("calledAt")}</th>
              <th className={ui.th}>{t("upstream")}</th>
              <th className={ui.th}>{t("operation")}</th>
              <th className={ui.th}>{t("target")}</th>
              <th className={`${ui.th} text-right`}>{t("attempt")}</th>
              <th className={`${ui.th} text-right`}>{t("http")}</th>
              <th className={`${ui.th} text-right`}>{t("duration")}</th>
              <th className={ui.th}>{t("outcomeLabel")}</th>
              <th className={ui.th}>{t("actor")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            <TableStates
              pending={list.isPending}
              failed={list.isError}
              empty={items.length === 0}
              columns={COLUMNS}
            />
            {items.map((c) => (
              <Fragment key={c.id}>
                <tr data-call-id={c.id}>
                  <td className={`${ui.td} tabular-nums`}>
                    <button
                      type="button"
                      className="text-indigo-700 hover:underline"
                      aria-expanded={open === c.id}
                      onClick={() => setOpen(open === c.id ? null : c.id)}
                    >
                      {formatDateTime(new Date(c.at))}
                    </button>
                  </td>
                  <td className={ui.td}>{t(`upstreamName.${c.upstream}`)}</td>
                  <td className={ui.td}>
                    {t.has(`operationName.${c.operation}`)
                      ? t(`operationName.${c.operation}`)
                      : c.operation}
                  </td>
                  <td className={`${ui.td} font-mono text-xs`}>
                    {c.targetHref ? (
                      <Link href={c.targetHref} className="text-indigo-700 hover:underline">
                        {c.targetId}
                      </Link>
                    ) : (
                      (c.targetId ?? "—")
                    )}
                  </td>
                  <td className={`${ui.td} text-right tabular-nums`}>{c.attempt}</td>
                  <td className={`${ui.td} text-right tabular-nums`}>{c.httpStatus ?? "—"}</td>
                  <td className={`${ui.td} text-right tabular-nums`}>
                    {formatDuration(c.durationMs)}
                  </td>
                  <td className={ui.td}>
                    <OutcomeBadge outcome={c.outcome} errorCode={c.errorCode} />
                  </td>
                  <td className={`${ui.td} text-xs`}>{c.actor}</td>
                </tr>
                {open === c.id && (
                  <tr>
                    <td colSpan={COLUMNS} className="bg-slate-50/60 px-4 py-4">
                      <CallDetail id={c.id} />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
      <Pager
        hasCursor={list.params.has("cursor")}
        nextCursor={list.data?.nextCursor}
        filters={list.filters}
        navigate={list.navigate}
      />
      <p className="text-xs text-slate-500">{t("callsNote")}</p>
    </div>
  );
}
