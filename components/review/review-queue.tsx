"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

import { ListTable } from "@/components/list-kit/list-table";
import { SelectAllHeader } from "@/components/list-kit/row-cells";
import { useOrderList } from "@/components/list-kit/use-order-list";
import { useSelection } from "@/components/list-kit/use-requery-runner";
import { HeaderCells, numeric } from "@/components/ui/table-head";
import type { InitialPage } from "@/lib/orders/list-url";
import type { ReviewPage } from "@/lib/review/read-review";
import type { ReviewItemJson } from "@/lib/review/review-view";

import { ApprovalCard } from "./approval-card";
import { BulkBar } from "./bulk-bar";
import { QueueFilters } from "./queue-filters";
import { QueueRow } from "./queue-row";
import { ReasonTabs } from "./reason-tabs";

/**
 * The managers' queue: re-issues waiting for approval on top, then the items oldest first,
 * one tab per reason with live counts, filters in the URL, claim and decide in the row,
 * bulk decisions and re-queries. Every change anywhere refreshes it within a second.
 */
export function ReviewQueue({
  me,
  canAct,
  slaHours,
  initial,
  renderedAt,
}: {
  me: number;
  canAct: boolean;
  slaHours: number;
  /** The first page as the server read it for the URL's filters (none when it refused them). */
  initial?: InitialPage<ReviewPage>;
  /** When the server rendered the page: the ages count from it until the browser's clock ticks. */
  renderedAt: number;
}) {
  const t = useTranslations("queue");
  const nouns = useTranslations("orders.nouns");
  const list = useOrderList<ReviewItemJson, ReviewPage>("/api/review", "topup", {
    keys: "review",
    alsoType: "withdrawal",
    initial,
  });
  const selection = useSelection();
  const [open, setOpen] = useState<number | null>(null);
  const items = list.data?.items ?? [];
  const counts = list.data?.counts ?? {};
  const approvals = list.data?.approvals ?? [];
  const reason = list.params.get("reason");
  const resolved = list.params.get("resolved") === "1";
  const selected = items.filter((i) => selection.selected.has(String(i.id)));
  const columns = canAct ? 9 : 8;

  const go = (change: Record<string, string | null>) => {
    const next = new URLSearchParams(list.filters);
    for (const [key, value] of Object.entries(change)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    selection.clear();
    list.navigate(next);
  };

  return (
    <div className="space-y-4">
      {approvals.length > 0 && (
        <section className="space-y-2" aria-labelledby="approvals-title">
          <h2 id="approvals-title" className="text-base font-semibold">
            {t("approvalsWaiting", { count: approvals.length })}
          </h2>
          <ul className="space-y-2">
            {approvals.map((a) => (
              <ApprovalCard key={a.id} approval={a} me={me} canAct={canAct} />
            ))}
          </ul>
        </section>
      )}
      <ReasonTabs reason={reason} counts={counts} onChoose={(r) => go({ reason: r })} />
      <QueueFilters params={list.filters} onChange={go} />
      {canAct && selected.length > 0 && (
        <BulkBar selected={selected} onDone={() => list.refresh()} />
      )}
      <ListTable
        list={list}
        noun={nouns("review")}
        testId="review-table"
        columns={columns}
        headers={
          <>
            {canAct && (
              <SelectAllHeader ids={items.map((i) => String(i.id))} selection={selection} />
            )}
            <HeaderCells
              headings={[
                resolved ? t("decidedAt") : t("age"),
                t("reasonColumn"),
                t("order"),
                t("whyColumn"),
                t("status"),
                ...numeric(t("amount")),
                resolved ? t("decision") : t("claimColumn"),
                t("actions"),
              ]}
            />
          </>
        }
      >
        {items.map((item) => (
          <QueueRow
            key={item.id}
            item={item}
            me={me}
            canAct={canAct}
            resolved={resolved}
            slaHours={slaHours}
            renderedAt={renderedAt}
            columns={columns}
            selection={selection}
            open={open === item.id}
            onToggle={() => setOpen(open === item.id ? null : item.id)}
          />
        ))}
      </ListTable>
    </div>
  );
}
