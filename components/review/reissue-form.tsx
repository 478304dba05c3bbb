"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";

import { ui } from "@/components/ui/styles";
import { NOTE_MIN_LENGTH, type NotReissuableReason } from "@/lib/review/outcomes";

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
  const id = useId();
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
      <label className={ui.label} htmlFor={`${id}-note`}>
        {needsApproval ? t("reissueWithApproval") : t("reissueNow")}
      </label>
      <textarea
        id={`${id}-note`}
        className={ui.input}
        rows={2}
        value={note}
        maxLength={1000}
        onChange={(e) => setNote(e.target.value)}
        placeholder={t("notePlaceholder", { min: NOTE_MIN_LENGTH })}
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
      <button
        type="submit"
        className={ui.button}
        disabled={action.busy || note.trim().length < NOTE_MIN_LENGTH || done !== null}
      >
        {needsApproval ? t("requestReissue") : t("reissue")}
      </button>
    </form>
  );
}
