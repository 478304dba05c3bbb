"use client";

import { useTranslations } from "next-intl";
import { Fragment, useState } from "react";

import { ListTable } from "@/components/list-kit/list-table";
import { useOrderList } from "@/components/list-kit/use-order-list";
import { ShortId } from "@/components/ui/short-id";
import { ui } from "@/components/ui/styles";
import { HeaderCells, numeric } from "@/components/ui/table-head";
import { wordsOf } from "@/lib/i18n/words";
import type { UpstreamCallJson } from "@/lib/logs/log-view";
import type { OperationStats } from "@/lib/logs/read-logs";
import type { InitialPage } from "@/lib/orders/list-url";

import { CallDetail } from "./call-detail";
import { CallStats } from "./call-stats";
import { formatDuration, OutcomeBadge } from "./log-badges";
import { CallFilters } from "./log-filters";
import { OpenCell, OpenedRow } from "./log-table";

type CallPage = { items: UpstreamCallJson[]; nextCursor: string | null; stats?: OperationStats[] };

const REFRESH_MS = 5_000;
const COLUMNS = 8;

/** Every outbound call, newest first, with latency and error rate per operation above it. */
export function CallLog({
  initial,
}: {
  /** The first page as the server rendered it. */
  initial?: InitialPage<CallPage>;
}) {
  const t = useTranslations("logs");
  const nouns = useTranslations("orders.nouns");
  const words = wordsOf(useTranslations());
  const list = useOrderList<UpstreamCallJson, CallPage>("/api/upstream-calls", "topup", {
    keys: "calls",
    alsoType: "withdrawal",
    refetchMs: REFRESH_MS,
    initial,
  });
  const [open, setOpen] = useState<number | null>(null);
  const items = list.data?.items ?? [];
  return (
    <div className="space-y-4">
      <CallFilters params={list.filters} onApply={list.navigate} />
      <CallStats stats={list.data?.stats} />
      <ListTable
        list={list}
        noun={nouns("calls")}
        testId="call-table"
        columns={COLUMNS}
        note={t("callsNote")}
        headers={
          <>
            <HeaderCells
              headings={[
                ...["calledAt", "operation", "target"].map((k) => t(k)),
                ...numeric(t("attempt"), t("http"), t("duration")),
                t("outcomeLabel"),
                t("actor"),
              ]}
            />
          </>
        }
      >
        {items.map((c) => (
          <Fragment key={c.id}>
            <tr data-call-id={c.id}>
              <OpenCell
                at={c.at}
                open={open === c.id}
                onToggle={() => setOpen(open === c.id ? null : c.id)}
              />
              <td className={ui.td}>
                {t.has(`operationName.${c.operation}`)
                  ? t(`operationName.${c.operation}`)
                  : c.operation}
              </td>
              <td className={ui.td}>
                {c.targetId ? <ShortId id={c.targetId} href={c.targetHref ?? undefined} /> : "—"}
              </td>
              <td className={`${ui.td} text-right tabular-nums`}>{c.attempt}</td>
              <td className={`${ui.td} text-right tabular-nums`}>{c.httpStatus ?? "—"}</td>
              <td className={`${ui.td} text-right tabular-nums`}>{formatDuration(c.durationMs)}</td>
              <td className={`${ui.tdWrap} min-w-32`}>
                <OutcomeBadge outcome={c.outcome} errorCode={c.errorCode} />
              </td>
              <td className={`${ui.td} text-xs`} title={c.actor}>
                {words.actor(c.actor, c.actorName)}
              </td>
            </tr>
            {open === c.id && (
              <OpenedRow columns={COLUMNS}>
                <CallDetail id={c.id} />
              </OpenedRow>
            )}
          </Fragment>
        ))}
      </ListTable>
    </div>
  );
}
