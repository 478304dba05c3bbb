"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

import { Button, TextLink } from "@/components/ui/button";
import { ui } from "@/components/ui/styles";
import { formatDateTime, formatSatang } from "@/lib/format";
import type { ApprovalJson } from "@/lib/review/review-view";

import { NoteField, noteReady } from "./note-field";
import { useReviewAction } from "./use-review-action";

/**
 * A re-issue waiting for a second person: what, how much, who asked and why; approve (sends
 * it) or reject, each with a note. The requester sees why they cannot decide it themselves.
 */
export function ApprovalCard({
  approval,
  me,
  canAct,
}: {
  approval: ApprovalJson;
  me: number;
  canAct: boolean;
}) {
  const t = useTranslations("queue");
  const [note, setNote] = useState("");
  const action = useReviewAction();
  const own = approval.requestedBy?.id === me;
  const pending = approval.status === "pending";
  const decide = (verb: "approve" | "reject") =>
    void action.send(`/api/approvals/${approval.id}/${verb}`, { note });
  return (
    <li
      className="space-y-2 rounded-md bg-amber-50 p-3 ring-1 ring-amber-200"
      data-testid={`approval-${approval.id}`}
      data-status={approval.status}
    >
      <p className="text-sm">
        {t("approvalLine", {
          name: approval.requestedBy?.name ?? "—",
          at: formatDateTime(approval.requestedAt),
          price: formatSatang(approval.priceSatang),
          packageId: approval.packageId,
        })}{" "}
        <TextLink href={`/topups/${approval.refId}`} tone="underlined" mono>
          {approval.refId}
        </TextLink>
      </p>
      <p className="text-sm text-slate-700">“{approval.requestNote}”</p>
      {!pending && (
        <p className="text-sm" data-testid="approval-status">
          {t(`approvalStatus.${approval.status}`, {
            name: approval.decidedBy?.name ?? "—",
            note: approval.note ?? "",
          })}
          {approval.reissueRefId && (
            <>
              {" "}
              <TextLink href={`/topups/${approval.reissueRefId}`} tone="underlined" mono>
                {approval.reissueRefId}
              </TextLink>
            </>
          )}
        </p>
      )}
      {pending && canAct && own && <p className="text-sm text-amber-900">{t("ownRequest")}</p>}
      {pending && canAct && !own && (
        <div className="space-y-2">
          <NoteField value={note} onChange={setNote} />
          <div className="flex gap-2">
            <Button
              type="button"

              disabled={action.busy || !noteReady(note)}
              onClick={() => decide("approve")}
            >
              {t("approve")}
            </Button>
            <Button
              type="button"
              variant="danger"
              disabled={action.busy || !noteReady(note)}
              onClick={() => decide("reject")}
            >
              {t("reject")}
            </Button>
          </div>
        </div>
      )}
      {action.error && (
        <p role="alert" className={ui.error}>
          {action.error}
        </p>
      )}
    </li>
  );
}
