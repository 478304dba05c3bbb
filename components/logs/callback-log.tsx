"use client";

import { useTranslations } from "next-intl";
import { Fragment, useState } from "react";

import { replayCallbackAction } from "@/lib/actions/callbacks";
import { ListToolbar, RunFailures } from "@/components/list-kit/list-toolbar";
import { SelectAllHeader, SelectCell } from "@/components/list-kit/row-cells";
import { ListTable } from "@/components/list-kit/list-table";
import { useOrderList } from "@/components/list-kit/use-order-list";
import { useRequeryRunner, useSelection } from "@/components/list-kit/use-requery-runner";
import { ShortId } from "@/components/ui/short-id";
import { ui } from "@/components/ui/styles";
import { formatDateTime } from "@/lib/format";
import type { CallbackPage } from "@/lib/logs/read-logs";
import type { InitialPage } from "@/lib/orders/list-url";
import type { CallbackJson } from "@/lib/logs/log-view";

import { CallbackCounts } from "./callback-counts";
import { CallbackDetail } from "./callback-detail";
import { formatDuration, ResultBadge, VerificationBadge } from "./log-badges";
import { CallbackFilters } from "./log-filters";
import { OpenCell, OpenedRow } from "./log-table";
import { Button } from "@/components/ui/button";

/** The log refetches its page this often besides after order changes: callbacks keep coming. */
const REFRESH_MS = 3_000;

/**
 * Every received callback, newest first and live, filtered through the URL; a row opens
 * its body and headers. With `callback:replay`, a row (or a selection) is replayed through
 * the same pipeline, with progress.
 */
export function CallbackLog({
  canReplay,
  initial,
}: {
  canReplay: boolean;
  /** The first page as the server rendered it. */
  initial?: InitialPage<CallbackPage>;
}) {
  const t = useTranslations("logs");
  const nouns = useTranslations("orders.nouns");
  const list = useOrderList<CallbackJson, CallbackPage>("/api/callbacks", "topup", {
    keys: "callbacks",
    alsoType: "withdrawal",
    refetchMs: REFRESH_MS,
    initial,
  });
  const selection = useSelection();
  const runner = useRequeryRunner((id) => replayCallbackAction({ id: Number(id) }), list.refresh);
  const [open, setOpen] = useState<number | null>(null);
  const items = list.data?.items ?? [];
  const replayableIds = items.filter((c) => c.replayable === "ok").map((c) => String(c.id));
  const columns = canReplay ? 8 : 6;

  return (
    <div className="space-y-4">
      <CallbackFilters
        params={list.filters}
        onApply={(next) => {
          selection.clear();
          list.navigate(next);
        }}
      />
      <CallbackCounts counts={list.data?.counts} />
      <ListToolbar
        bulk="replay"
        selectedCount={canReplay ? selection.selected.size : null}
        busy={runner.busy.size > 0}
        progress={runner.progress}
        onRequerySelected={() => void runner.many([...selection.selected]).then(selection.clear)}
        exportHref={null}
      />
      <RunFailures failures={runner.failures} bulk="replay" />
      <ListTable
        list={list}
        empty={items.length === 0}
        noun={nouns("callbacks")}
        testId="callback-table"
        columns={columns}
        note={t("callbacksNote")}
        headers={
          <>
            {canReplay && <SelectAllHeader ids={replayableIds} selection={selection} />}
            <th className={ui.th}>{t("receivedAt")}</th>
            <th className={ui.th}>{t("upstream")}</th>
            <th className={ui.th}>{t("order")}</th>
            <th className={ui.th}>{t("outcomeLabel")}</th>
            <th className={`${ui.th} text-right`}>{t("processingTime")}</th>
            <th className={ui.th}>{t("replayedLabel")}</th>
            {canReplay && <th className={ui.th}>{t("actions")}</th>}
          </>
        }
      >
        {items.map((c) => (
          <Fragment key={c.id}>
            <tr data-callback-id={c.id} className={open === c.id ? "bg-indigo-50/40" : undefined}>
              {canReplay &&
                (c.replayable === "ok" ? (
                  <SelectCell id={String(c.id)} selection={selection} name={`#${c.id}`} />
                ) : (
                  <td className={ui.td} />
                ))}
              <OpenCell
                at={c.receivedAt}
                open={open === c.id}
                onToggle={() => setOpen(open === c.id ? null : c.id)}
              />
              <td className={ui.td}>{t(`upstreamName.${c.upstream}`)}</td>
              <td className={ui.td}>
                {c.orderHref && c.entityId ? <ShortId id={c.entityId} href={c.orderHref} /> : "—"}
              </td>
              <td className={ui.td}>
                {/* Refused: why; accepted: what processing made of it. */}
                {c.verification === "ok" ? (
                  <ResultBadge result={c.result} />
                ) : (
                  <VerificationBadge verification={c.verification} />
                )}
                {c.attempts > 1 && (
                  <span className="ml-1 text-xs text-slate-500">
                    {t("attemptsShort", { count: c.attempts })}
                  </span>
                )}
              </td>
              <td className={`${ui.td} text-right tabular-nums`}>
                {formatDuration(c.processingMs)}
              </td>
              <td className={`${ui.tdWrap} min-w-40 text-xs`} data-testid="replayed">
                {c.replay
                  ? t("replayedBy", {
                      name: c.replay.by,
                      at: formatDateTime(new Date(c.replay.at)),
                      result: c.replay.result
                        ? t.has(`result.${c.replay.result}`)
                          ? t(`result.${c.replay.result}`)
                          : c.replay.result
                        : "…",
                    })
                  : ""}
              </td>
              {canReplay && (
                <td className={ui.td}>
                  <Button
                    type="button"
                    variant="secondary"
                    disabled={c.replayable !== "ok" || runner.busy.has(String(c.id))}
                    title={c.replayable === "ok" ? undefined : t(`notReplayable.${c.replayable}`)}
                    onClick={() => void runner.one(String(c.id))}
                  >
                    {runner.busy.has(String(c.id)) ? t("replaying") : t("replay")}
                  </Button>
                </td>
              )}
            </tr>
            {open === c.id && (
              <OpenedRow columns={columns}>
                <CallbackDetail id={c.id} version={`${c.result}-${c.replay?.count ?? 0}`} />
              </OpenedRow>
            )}
          </Fragment>
        ))}
      </ListTable>
    </div>
  );
}
