"use client";

import { useTranslations } from "next-intl";

import { ui } from "@/components/ui/styles";
import { formatSatang } from "@/lib/format";

import type { Draft, Outcome, Pkg } from "./new-topup-types";

/** The summary a person checks before the one send; a refusal is shown here. */
export function TopupConfirmStep({
  pkg,
  draft,
  outcome,
  sending,
  onBack,
  onSend,
}: {
  pkg: Pkg;
  draft: Draft;
  outcome: Outcome | null;
  sending: boolean;
  onBack: () => void;
  onSend: () => void;
}) {
  const t = useTranslations();
  return (
    <div className={`${ui.card} space-y-4`}>
      <h2 className="text-base font-semibold">{t("newTopup.confirmTitle")}</h2>
      <dl className="grid grid-cols-3 gap-2 text-sm" data-testid="topup-summary">
        <dt className="text-slate-500">{t("topups.package")}</dt>
        <dd className="col-span-2">
          {pkg.game} · {pkg.name}
        </dd>
        <dt className="text-slate-500">{t("topups.price")}</dt>
        <dd className="col-span-2 font-semibold">{formatSatang(pkg.priceSatang)}</dd>
        {pkg.fields.map((f) => (
          <div key={f.key} className="contents">
            <dt className="text-slate-500">{f.label}</dt>
            <dd className="col-span-2 font-mono">
              {f.options?.find((o) => o.value === draft.info[f.key])?.label ??
                draft.info[f.key] ??
                t("common.none")}
            </dd>
          </div>
        ))}
      </dl>
      <p className="text-sm text-slate-600">{t("newTopup.confirmHint")}</p>
      {outcome?.kind === "rejected" && (
        <p role="alert" className={ui.error} data-code={outcome.code}>
          {t("newTopup.resultRejected", { code: outcome.code, message: outcome.message })}
        </p>
      )}
      <div className="flex gap-2">
        <button type="button" className={ui.buttonSecondary} disabled={sending} onClick={onBack}>
          {t("newTopup.back")}
        </button>
        <button
          type="button"
          className={ui.button}
          disabled={sending || outcome?.kind === "rejected"}
          onClick={onSend}
        >
          {sending ? t("newTopup.submitting") : t("newTopup.submit")}
        </button>
      </div>
    </div>
  );
}
