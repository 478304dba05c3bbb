"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ui } from "@/components/ui/styles";
import { formatSatang } from "@/lib/format";
import type { NotReissuableReason } from "@/lib/review/outcomes";

import { NoteField, noteReady } from "./note-field";
import { useReviewAction } from "./use-review-action";

/**
 * Re-issue a failed top-up: a note, one button, one idempotency key per intended re-issue
 * (a double click or a retry sends it once). A re-issue sent at once spends money: a dialog
 * names the package, the player and the amount first, and Esc changes nothing. When it may
 * not be re-issued, says why.
 */
export function ReissueForm({
  refId,
  blocker,
  needsApproval,
  order,
}: {
  refId: string;
  blocker: NotReissuableReason | null;
  needsApproval: boolean;
  order: { packageId: string; player: string | null; priceSatang: number };
}) {
  const t = useTranslations("queue");
  const [note, setNote] = useState("");
  const [key] = useState(() => crypto.randomUUID());
  const action = useReviewAction<{ topup?: { refId: string }; approval?: { id: number } }>();
  const [done, setDone] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const send = () =>
    void action
      .send(`/api/topups/${refId}/reissue`, { note, idempotencyKey: key })
      .then((result) => {
        if (result?.topup) setDone(t("reissueSent", { refId: result.topup.refId }));
        if (result?.approval) setDone(t("reissueRequested"));
      });
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
        if (needsApproval) send();
        else setAsking(true);
      }}
    >
      <ConfirmDialog
        open={asking}
        onClose={() => setAsking(false)}
        onConfirm={send}
        title={t("reissueConfirmTitle")}
        description={t("reissueConfirm", {
          packageId: order.packageId,
          player: order.player ?? "—",
          amount: formatSatang(order.priceSatang),
        })}
        confirmLabel={t("reissueConfirmYes", { amount: formatSatang(order.priceSatang) })}
      />
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
