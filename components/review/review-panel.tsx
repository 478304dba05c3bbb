"use client";

import { useTranslations } from "next-intl";

import { TextLink } from "@/components/ui/button";
import { ui } from "@/components/ui/styles";
import { formatDateTime } from "@/lib/format";
import type { ReviewPanelData } from "@/lib/review/panel";

import { ApprovalCard } from "./approval-card";
import { ClaimControl } from "./claim-control";
import { DecisionForm } from "./decision-form";
import { ReissueForm } from "./reissue-form";
import { wordsOf } from "@/lib/i18n/words";

import { whySentence } from "./why";

/**
 * The detail page's review panel: the evidence summary (the raw request, calls and callbacks
 * are on the same page), every review item of this order — open ones with claim and
 * decision, decided ones with who, what and why — and for a failed top-up the re-issue.
 */
export function ReviewPanel({
  data,
  me,
  canAct,
  refId,
}: {
  data: ReviewPanelData;
  me: number;
  canAct: boolean;
  refId?: string;
}) {
  const t = useTranslations("queue");
  const words = wordsOf(useTranslations());
  const open = data.items.filter((i) => !i.resolvedAt);
  const done = data.items.filter((i) => i.resolvedAt);
  const { evidence } = data;
  const yesNo = (v: boolean | null) => (v === null ? "—" : v ? t("yes") : t("no"));

  return (
    <section id="review" className={`${ui.card} space-y-4`} data-testid="review-panel">
      <h2 className="text-base font-semibold">{t("panelTitle")}</h2>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
        <dt className="text-slate-500">{t("attempts")}</dt>
        <dd data-testid="evidence-attempts">{evidence.attempts}</dd>
        <dt className="text-slate-500">{t("nextCheck")}</dt>
        <dd>{evidence.nextCheckAt ? formatDateTime(evidence.nextCheckAt) : t("noNextCheck")}</dd>
        {evidence.namedByCallback !== null && (
          <>
            <dt className="text-slate-500">{t("namedByCallback")}</dt>
            <dd data-testid="evidence-named-callback">{yesNo(evidence.namedByCallback)}</dd>
            <dt className="text-slate-500">{t("namedByRead")}</dt>
            <dd data-testid="evidence-named-read">{yesNo(evidence.namedByRead)}</dd>
          </>
        )}
      </dl>
      {open.length === 0 && <p className="text-sm text-slate-600">{t("nothingOpen")}</p>}
      {open.map((item) => (
        <div
          key={item.id}
          className="space-y-2 rounded-md p-3 ring-1 ring-amber-200"
          data-item-id={item.id}
        >
          <p className="text-sm font-medium">
            {t(`reason.${item.reason}`)} · {t("openedAt", { at: formatDateTime(item.openedAt) })}
          </p>
          <p className="text-sm">{whySentence(item, t, words)}</p>
          <ClaimControl item={item} me={me} canAct={canAct} />
          {canAct && <DecisionForm item={item} />}
        </div>
      ))}
      {data.reissue && refId && (
        <div className="space-y-2" data-testid="reissue">
          <h3 className="text-sm font-semibold">{t("reissueTitle")}</h3>
          {data.reissue.reissuedAs && (
            <p className="text-sm" data-testid="reissued-as">
              {t("reissuedAs")}{" "}
              <TextLink href={`/topups/${data.reissue.reissuedAs}`} tone="underlined" mono>
                {data.reissue.reissuedAs}
              </TextLink>
            </p>
          )}
          {canAct && !data.reissue.reissuedAs && (
            <ReissueForm
              refId={refId}
              blocker={data.reissue.blocker}
              needsApproval={data.reissue.needsApproval}
              order={data.reissue.order}
            />
          )}
          {data.approvals.length > 0 && (
            <ul className="space-y-2">
              {data.approvals.map((a) => (
                <ApprovalCard key={a.id} approval={a} me={me} canAct={canAct} />
              ))}
            </ul>
          )}
        </div>
      )}
      {done.length > 0 && (
        <div className="space-y-1">
          <h3 className="text-sm font-semibold">{t("decided")}</h3>
          <ul className="space-y-1 text-sm" data-testid="decided-items">
            {done.map((item) => (
              <li key={item.id} data-outcome={item.outcome}>
                {t(`reason.${item.reason}`)}:{" "}
                <strong>
                  {t.has(`outcomes.${item.outcome}`) ? t(`outcomes.${item.outcome}`) : item.outcome}
                </strong>{" "}
                {item.resolvedBy
                  ? t("decidedBy", {
                      name: item.resolvedBy.name,
                      at: formatDateTime(item.resolvedAt),
                    })
                  : t("settledBySystem", { at: formatDateTime(item.resolvedAt) })}
                {item.note && <span className="text-slate-600"> — “{item.note}”</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
