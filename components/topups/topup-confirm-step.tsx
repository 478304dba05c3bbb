"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";

import { Button } from "@/components/ui/button";
import { ui } from "@/components/ui/styles";
import { formatSatang } from "@/lib/format";

import { DuplicateWarning, useEarlierTopup } from "./duplicate-warning";
import type { Draft, Outcome, Pkg } from "./new-topup-types";

/** After this long without an answer, the person is told P2W is slow and the order is safe. */
const SLOW_AFTER_S = 2;

/** Seconds since `running` turned true, counting while it stays true. */
function useSeconds(running: boolean): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (!running) return;
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 500);
    return () => {
      clearInterval(timer);
      setSeconds(0);
    };
  }, [running]);
  return seconds;
}

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
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const seconds = useSeconds(sending);
  const duplicate = useEarlierTopup(draft);
  const refused = outcome?.kind === "rejected" ? outcome : null;
  // Refused with this key: the same key would only bring the same answer back.
  const spent = refused !== null && refused.by !== "lost";
  return (
    <div
      className={`${ui.card} space-y-4`}
      data-duplicate-check={duplicate.answered ? "answered" : "asking"}
    >
      <h2 ref={heading} tabIndex={-1} className="text-base font-semibold outline-none">
        {t("newTopup.confirmTitle")}
      </h2>
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
            <dd className="col-span-2 font-mono [overflow-wrap:anywhere]">
              {f.options?.find((o) => o.value === draft.info[f.key])?.label ??
                draft.info[f.key] ??
                t("common.none")}
            </dd>
          </div>
        ))}
      </dl>
      <p className="text-sm text-slate-600">{t("newTopup.confirmHint")}</p>
      {duplicate.earlier && (
        <DuplicateWarning
          earlier={duplicate.earlier}
          checked={duplicate.checked}
          onChecked={duplicate.setChecked}
        />
      )}
      {refused && (
        <p role="alert" className={ui.error} data-code={refused.code}>
          {refused.by === "upstream"
            ? t("newTopup.resultRejected", { code: refused.code, message: refused.message })
            : refused.by === "lost"
              ? t("newTopup.answerLost")
              : t("newTopup.notSent", { message: refused.message })}
          {spent && <span className="mt-1 block">{t("newTopup.changeToResend")}</span>}
        </p>
      )}
      {sending && seconds >= SLOW_AFTER_S && (
        <p role="status" className="text-sm text-amber-800" data-testid="topup-slow">
          {t("newTopup.slow", { seconds })}
        </p>
      )}
      <div className="flex gap-2">
        <Button type="button" variant="secondary" disabled={sending} onClick={onBack}>
          {t("newTopup.back")}
        </Button>
        <Button
          type="button"

          disabled={sending || spent || !duplicate.clear}
          onClick={onSend}
        >
          {sending ? t("newTopup.submitting") : t("newTopup.submit")}
        </Button>
      </div>
    </div>
  );
}
