"use client";

import { useTranslations } from "next-intl";

import { SelectCell } from "@/components/list-kit/row-cells";
import type { useSelection } from "@/components/list-kit/use-requery-runner";
import { StatusBadge } from "@/components/status-badge";
import { Button, TextLink } from "@/components/ui/button";
import { ShortId } from "@/components/ui/short-id";
import { ui } from "@/components/ui/styles";
import { formatDateTime, formatSatang } from "@/lib/format";
import type { ReviewItemJson } from "@/lib/review/review-view";

import { AgeCell } from "./age-cell";
import { ClaimControl } from "./claim-control";
import { DecisionForm } from "./decision-form";
import { wordsOf } from "@/lib/i18n/words";

import { whySentence } from "./why";

/**
 * One item of the queue: its age (or when it was decided), why it is here, the order, who is
 * on it; opened, the decision form below it with a link to the order's evidence.
 */
export function QueueRow({
  item,
  me,
  canAct,
  resolved,
  slaHours,
  renderedAt,
  columns,
  selection,
  open,
  onToggle,
}: {
  item: ReviewItemJson;
  me: number;
  canAct: boolean;
  resolved: boolean;
  slaHours: number;
  renderedAt: number;
  columns: number;
  selection: ReturnType<typeof useSelection>;
  open: boolean;
  onToggle: () => void;
}) {
  const t = useTranslations("queue");
  const words = wordsOf(useTranslations());
  const orderHref = `/${item.kind === "topup" ? "topups" : "withdrawals"}/${item.entityId}`;
  return (
    <>
      <tr data-item-id={item.id} data-reason={item.reason} data-entity-id={item.entityId}>
        {canAct && <SelectCell id={String(item.id)} name={item.entityId} selection={selection} />}
        {resolved ? (
          <td className={`${ui.td} tabular-nums`}>{formatDateTime(item.resolvedAt)}</td>
        ) : (
          <AgeCell openedAt={item.openedAt} slaHours={slaHours} renderedAt={renderedAt} />
        )}
        <td className={ui.td}>{t(`reason.${item.reason}`)}</td>
        <td className={ui.td}>
          <ShortId id={item.entityId} href={orderHref} />
          <div className="text-xs text-slate-500">{t(`kind.${item.kind}`)}</div>
        </td>
        <td className={`${ui.tdWrap} max-w-md min-w-56`}>{whySentence(item, t, words)}</td>
        <td className={ui.td}>
          <StatusBadge status={item.order.status} />
        </td>
        <td className={`${ui.td} text-right tabular-nums`}>
          {item.order.amountSatang === null ? "—" : formatSatang(item.order.amountSatang)}
        </td>
        {/* Wraps: "Admin Ops is on it since …" must not push Decide off the screen. */}
        <td className={`${ui.tdWrap} w-44 min-w-36`}>
          {resolved ? (
            <span>
              {t.has(`outcomes.${item.outcome}`) ? t(`outcomes.${item.outcome}`) : item.outcome}
              {item.resolvedBy && ` · ${item.resolvedBy.name}`}
            </span>
          ) : (
            <ClaimControl item={item} me={me} canAct={canAct} />
          )}
        </td>
        <td className={ui.td}>
          {canAct && !resolved && (
            <Button type="button" variant="secondary" aria-expanded={open} onClick={onToggle}>
              {t("decideOpen")}
            </Button>
          )}
        </td>
      </tr>
      {open && (
        <tr>
          <td colSpan={columns} className="bg-slate-50 px-4 py-3">
            <div className="flex flex-wrap gap-6">
              <div className="max-w-xl flex-1">
                <DecisionForm item={item} />
              </div>
              <p className="text-sm">
                <TextLink href={`${orderHref}#review`} tone="underlined">
                  {t("openEvidence")}
                </TextLink>
              </p>
            </div>
          </td>
        </tr>
      )}
    </>
  );
}
