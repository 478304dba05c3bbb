"use client";

import { useTranslations } from "next-intl";
import { Fragment, useState } from "react";

import { ListTable } from "@/components/list-kit/list-table";
import { SelectAllHeader, SelectCell } from "@/components/list-kit/row-cells";
import { useOrderList } from "@/components/list-kit/use-order-list";
import { useSelection } from "@/components/list-kit/use-requery-runner";
import { StatusBadge } from "@/components/status-badge";
import { ShortId } from "@/components/ui/short-id";
import { ui } from "@/components/ui/styles";
import { REVIEW_ITEM_REASONS } from "@/db/enums";
import { formatDateTime, formatSatang } from "@/lib/format";
import type { InitialPage } from "@/lib/orders/list-url";
import type { ReviewPage } from "@/lib/review/read-review";
import type { ReviewItemJson } from "@/lib/review/review-view";

import { ApprovalCard } from "./approval-card";
import { BulkBar } from "./bulk-bar";
import { ClaimControl } from "./claim-control";
import { DecisionForm } from "./decision-form";
import { QueueFilters } from "./queue-filters";
import { AgeCell } from "./age-cell";
import { whySentence } from "./why";
import { Button, TextLink } from "@/components/ui/button";

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
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
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
      <div role="tablist" aria-label={t("reasons")} className="flex flex-wrap gap-1">
        {[null, ...REVIEW_ITEM_REASONS].map((r) => (
          <button
            key={r ?? "all"}
            type="button"
            role="tab"
            aria-selected={reason === r}
            data-reason={r ?? "all"}
            onClick={() => go({ reason: r })}
            className={`rounded-md px-3 py-1.5 text-sm font-medium ${
              reason === r
                ? "bg-indigo-600 text-white"
                : "bg-white text-slate-700 ring-1 ring-slate-300"
            }`}
          >
            {r ? t(`reason.${r}`) : t("all")}{" "}
            <span className="tabular-nums" data-testid={`count-${r ?? "all"}`}>
              {r ? (counts[r] ?? 0) : total}
            </span>
          </button>
        ))}
      </div>
      <QueueFilters params={list.filters} onChange={go} />
      {canAct && selected.length > 0 && (
        <BulkBar selected={selected} onDone={() => list.refresh()} />
      )}
      <ListTable
        list={list}
        empty={items.length === 0}
        noun={nouns("review")}
        testId="review-table"
        columns={columns}
        headers={
          <>
            {canAct && (
              <SelectAllHeader ids={items.map((i) => String(i.id))} selection={selection} />
            )}
            <th className={ui.th}>{resolved ? t("decidedAt") : t("age")}</th>
            <th className={ui.th}>{t("reasonColumn")}</th>
            <th className={ui.th}>{t("order")}</th>
            <th className={ui.th}>{t("whyColumn")}</th>
            <th className={ui.th}>{t("status")}</th>
            <th className={`${ui.th} text-right`}>{t("amount")}</th>
            <th className={ui.th}>{resolved ? t("decision") : t("claimColumn")}</th>
            <th className={ui.th}>{t("actions")}</th>
          </>
        }
      >
        {items.map((item) => (
          <Fragment key={item.id}>
            <tr data-item-id={item.id} data-reason={item.reason} data-entity-id={item.entityId}>
              {canAct && (
                <SelectCell id={String(item.id)} name={item.entityId} selection={selection} />
              )}
              {resolved ? (
                <td className={`${ui.td} tabular-nums`}>{formatDateTime(item.resolvedAt)}</td>
              ) : (
                <AgeCell openedAt={item.openedAt} slaHours={slaHours} renderedAt={renderedAt} />
              )}
              <td className={ui.td}>{t(`reason.${item.reason}`)}</td>
              <td className={ui.td}>
                <ShortId
                  id={item.entityId}
                  href={`/${item.kind === "topup" ? "topups" : "withdrawals"}/${item.entityId}`}
                />
                <div className="text-xs text-slate-500">{t(`kind.${item.kind}`)}</div>
              </td>
              <td className={`${ui.tdWrap} max-w-md min-w-64`}>{whySentence(item, t)}</td>
              <td className={ui.td}>
                <StatusBadge status={item.order.status} />
              </td>
              <td className={`${ui.td} text-right tabular-nums`}>
                {item.order.amountSatang === null ? "—" : formatSatang(item.order.amountSatang)}
              </td>
              <td className={ui.td}>
                {resolved ? (
                  <span>
                    {t.has(`outcomes.${item.outcome}`)
                      ? t(`outcomes.${item.outcome}`)
                      : item.outcome}
                    {item.resolvedBy && ` · ${item.resolvedBy.name}`}
                  </span>
                ) : (
                  <ClaimControl item={item} me={me} canAct={canAct} />
                )}
              </td>
              <td className={ui.td}>
                {canAct && !resolved && (
                  <Button
                    type="button"
                    variant="secondary"
                    aria-expanded={open === item.id}
                    onClick={() => setOpen(open === item.id ? null : item.id)}
                  >
                    {t("decideOpen")}
                  </Button>
                )}
              </td>
            </tr>
            {open === item.id && (
              <tr>
                <td colSpan={columns} className="bg-slate-50 px-4 py-3">
                  <div className="flex flex-wrap gap-6">
                    <div className="max-w-xl flex-1">
                      <DecisionForm item={item} />
                    </div>
                    <p className="text-sm">
                      <TextLink
                        href={`/${item.kind === "topup" ? "topups" : "withdrawals"}/${item.entityId}#review`}
                        tone="underlined"
                      >
                        {t("openEvidence")}
                      </TextLink>
                    </p>
                  </div>
                </td>
              </tr>
            )}
          </Fragment>
        ))}
      </ListTable>
    </div>
  );
}
