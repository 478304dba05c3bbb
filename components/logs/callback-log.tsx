"use client";

import { useTranslations } from "next-intl";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Fragment, useState } from "react";

import { ListTable } from "@/components/list-kit/list-table";
import { ListToolbar, RunFailures } from "@/components/list-kit/list-toolbar";
import { SelectAllHeader } from "@/components/list-kit/row-cells";
import { useOrderList } from "@/components/list-kit/use-order-list";
import { useRequeryRunner, useSelection } from "@/components/list-kit/use-requery-runner";
import { HeaderCells, numeric } from "@/components/ui/table-head";
import { replayCallbackAction } from "@/lib/actions/callbacks";
import type { CallbackJson } from "@/lib/logs/log-view";
import type { CallbackPage } from "@/lib/logs/read-logs";
import type { InitialPage } from "@/lib/orders/list-url";

import { CallbackCounts } from "./callback-counts";
import { CallbackFilters } from "./log-filters";
import { CallbackRow } from "./callback-row";

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
  // A replay may move an order: it waits for the person's yes (Esc changes nothing).
  const [asking, setAsking] = useState<string[] | null>(null);
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
        onRequerySelected={() => setAsking([...selection.selected])}
        exportHref={null}
      />
      <RunFailures failures={runner.failures} bulk="replay" />
      <ConfirmDialog
        open={asking !== null}
        onClose={() => setAsking(null)}
        onConfirm={() => {
          const ids = asking ?? [];
          if (ids.length === 1 && ids[0]) void runner.one(ids[0]);
          else void runner.many(ids).then(selection.clear);
        }}
        title={t("replayConfirmTitle", { count: asking?.length ?? 0 })}
        description={t("replayConfirm", {
          count: asking?.length ?? 0,
          orders: [
            ...new Set(
              items
                .filter((c) => asking?.includes(String(c.id)))
                .map((c) => c.entityId ?? `#${c.id}`),
            ),
          ].join(", "),
        })}
        confirmLabel={t("replayConfirmYes", { count: asking?.length ?? 0 })}
      />
      <ListTable
        list={list}
        noun={nouns("callbacks")}
        testId="callback-table"
        columns={columns}
        note={t("callbacksNote")}
        headers={
          <>
            {canReplay && <SelectAllHeader ids={replayableIds} selection={selection} />}
            <HeaderCells
              headings={[
                t("receivedAt"),
                t("upstream"),
                t("order"),
                t("outcomeLabel"),
                ...numeric(t("processingTime")),
                t("replayedLabel"),
                canReplay && t("actions"),
              ]}
            />
          </>
        }
      >
        {items.map((c) => (
          <CallbackRow
            key={c.id}
            callback={c}
            canReplay={canReplay}
            columns={columns}
            selection={selection}
            replaying={runner.busy.has(String(c.id))}
            onReplay={() => setAsking([String(c.id)])}
            open={open === c.id}
            onToggle={() => setOpen(open === c.id ? null : c.id)}
          />
        ))}
      </ListTable>
    </div>
  );
}
