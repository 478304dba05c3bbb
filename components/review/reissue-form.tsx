"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { ui } from "@/components/ui/styles";
import type { NotReissuableReason } from "@/lib/review/outcomes";

import { NoteField, noteReady } from "./note-field";
import { useReviewAction } from "./use-review-action";

/**
 * Re-issue a failed top-up: a note, one button, one idempotency key per intended re-issue
 * (a double click or a retry sends it once). When it may not be re-issued, says why.
 */
export function ReissueForm({
  refId,
  blocker,
  needsApproval,
}: {
  refId: string;
  blocker: NotReissuableReason | null;
  needsApproval: boolean;
}) {
  const t = useTranslations("queue");
  const [note, setNote] = useState("");
  const [key] = useState(() => crypto.randomUUID());
  const action = useReviewAction<{ topup?: { refId: string }; approval?: { id: number } }>();
  const [done, setDone] = useState<string | null>(null);
  if (blocker) {
    return (
      <p className="text-sm text-slate-700" data-testid="reissue-blocked">
        {t(`notReissuable.${blocker}`)}
      </p>
    );
  }
  return (
    <form
      className="space-y-2"
      data-testid="reissue-form"
      onSubmit={(event) => {
        event.preventDefault();
        void action
          .send(`/api/topups/${refId}/reissue`, { note, idempotencyKey: key })
          .then((result) => {
            if (result?.topup) setDone(t("reissueSent", { refId: result.topup.refId }));
            if (result?.approval) setDone(t("reissueRequested"));
          });
      }}
    >
      <NoteField
        value={note}
        onChange={setNote}
        label={needsApproval ? t("reissueWithApproval") : t("reissueNow")}
      />
      {action.error && (
        <p role="alert" className={ui.error}>
          {action.error}
        </p>
      )}
      {done && (
        <p role="status" className={ui.success}>
          {done}
        </p>
      )}
      <Button
        type="submit"

        disabled={action.busy || !noteReady(note) || done !== null}
      >
        {needsApproval ? t("requestReissue") : t("reissue")}
      </Button>
    </form>
  );
}
