"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";

import { ui } from "@/components/ui/styles";

import type { Outcome } from "./new-topup-types";

/** The answer to a sent top-up: accepted (pending), unknown, or an earlier send replayed. */
export function TopupOutcome({
  outcome,
  onAnother,
}: {
  outcome: Exclude<Outcome, { kind: "rejected" }>;
  onAnother: () => void;
}) {
  const t = useTranslations();
  const text =
    outcome.kind === "pending"
      ? t("newTopup.resultPending", { refId: outcome.refId })
      : outcome.kind === "unknown"
        ? t("newTopup.resultUnknown", { refId: outcome.refId })
        : t("newTopup.resultReplayed", { refId: outcome.refId });
  return (
    <div className={ui.card} data-outcome={outcome.kind}>
      <p role="status" className={outcome.kind === "unknown" ? ui.error : ui.success}>
        {text}
      </p>
      <div className="mt-4 flex gap-2">
        <Link href={`/topups/${outcome.refId}`} className={ui.button}>
          {t("newTopup.openDetail")}
        </Link>
        <button type="button" className={ui.buttonSecondary} onClick={onAnother}>
          {t("newTopup.another")}
        </button>
      </div>
    </div>
  );
}
