"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { type FormEvent, useEffect, useMemo, useState } from "react";

import { createTopupAction } from "@/app/(app)/topups/actions";
import { ui } from "@/components/ui/styles";
import { formatSatang } from "@/lib/format";

type Field = {
  key: string;
  label: string;
  required: boolean;
  options?: { value: string; label: string }[];
};
type Pkg = { id: string; game: string; name: string; priceSatang: number; fields: Field[] };
type Draft = { packageId: string; info: Record<string, string>; key: string | null };
type Outcome =
  | { kind: "pending" | "unknown" | "replayed"; refId: string }
  | { kind: "rejected"; code: string; message: string; refId?: string };

/** Survives a refresh: a draft waiting for its answer keeps its idempotency key. */
const DRAFT = "ops:new-topup-draft";

export function NewTopupForm({ packages }: { packages: Pkg[] }) {
  const t = useTranslations();
  const [draft, setDraft] = useState<Draft>({ packageId: "", info: {}, key: null });
  const [step, setStep] = useState<"edit" | "confirm">("edit");
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  useEffect(() => {
    const saved = sessionStorage.getItem(DRAFT);
    if (!saved) return;
    const restored = JSON.parse(saved) as Draft;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- restoring from sessionStorage exists only in the browser
    setDraft(restored);
    if (restored.key) setStep("confirm");
  }, []);
  useEffect(() => {
    if (draft.packageId) sessionStorage.setItem(DRAFT, JSON.stringify(draft));
  }, [draft]);

  const pkg = useMemo(
    () => packages.find((p) => p.id === draft.packageId),
    [packages, draft.packageId],
  );
  const games = useMemo(() => [...new Set(packages.map((p) => p.game))], [packages]);

  /** A changed detail is a different order: it gets a new key at the next review. */
  function setField(key: string, value: string) {
    setDraft((d) => ({ ...d, info: { ...d.info, [key]: value }, key: null }));
  }

  function review(event: FormEvent) {
    event.preventDefault();
    // One key per intended order, fixed before the first send and kept until an answer.
    setDraft((d) => ({ ...d, key: d.key ?? crypto.randomUUID() }));
    setStep("confirm");
  }

  async function send() {
    if (sending || !pkg || !draft.key) return;
    setSending(true);
    try {
      const result = await createTopupAction({
        packageId: pkg.id,
        topupInfo: draft.info,
        idempotencyKey: draft.key,
      });
      if (result.ok) {
        const { topup, replayed } = result.data;
        setOutcome({
          kind: replayed ? "replayed" : topup.status === "unknown" ? "unknown" : "pending",
          refId: topup.refId,
        });
      } else {
        setOutcome({ kind: "rejected", code: result.error.code, message: result.error.message });
      }
      sessionStorage.removeItem(DRAFT);
    } catch {
      // The answer was lost (network): keep the draft and its key, so sending again is safe.
      setOutcome({ kind: "rejected", code: "NETWORK", message: t("errors.INTERNAL") });
    } finally {
      setSending(false);
    }
  }

  function restart() {
    sessionStorage.removeItem(DRAFT);
    setDraft({ packageId: "", info: {}, key: null });
    setStep("edit");
    setOutcome(null);
  }

  if (outcome && outcome.kind !== "rejected") {
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
          <button type="button" className={ui.buttonSecondary} onClick={restart}>
            {t("newTopup.another")}
          </button>
        </div>
      </div>
    );
  }

  if (step === "confirm" && pkg) {
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
          <button type="button" className={ui.buttonSecondary} disabled={sending} onClick={restart}>
            {t("newTopup.back")}
          </button>
          <button
            type="button"
            className={ui.button}
            disabled={sending || outcome?.kind === "rejected"}
            onClick={send}
          >
            {sending ? t("newTopup.submitting") : t("newTopup.submit")}
          </button>
        </div>
      </div>
    );
  }

  return (
    <form className={`${ui.card} space-y-4`} onSubmit={review}>
      <label className="block space-y-1">
        <span className={ui.label}>{t("newTopup.choosePackage")}</span>
        <select
          name="packageId"
          required
          className={ui.input}
          value={draft.packageId}
          onChange={(e) => setDraft({ packageId: e.target.value, info: {}, key: null })}
        >
          <option value="">{t("newTopup.choose")}</option>
          {games.map((game) => (
            <optgroup key={game} label={game}>
              {packages
                .filter((p) => p.game === game)
                .map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name} — {formatSatang(p.priceSatang)}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </label>
      {pkg && (
        <fieldset className="space-y-3">
          <legend className="text-sm font-semibold text-slate-700">
            {t("newTopup.fieldsTitle", { package: pkg.name })}
          </legend>
          {pkg.fields.map((f) => (
            <label key={f.key} className="block space-y-1">
              <span className={ui.label}>
                {f.label}{" "}
                <span className="text-xs font-normal text-slate-500">
                  ({f.required ? t("newTopup.required") : t("newTopup.optional")})
                </span>
              </span>
              {f.options ? (
                <select
                  name={f.key}
                  required={f.required}
                  className={ui.input}
                  value={draft.info[f.key] ?? ""}
                  onChange={(e) => setField(f.key, e.target.value)}
                >
                  <option value="">{t("newTopup.chooseOption")}</option>
                  {f.options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  name={f.key}
                  required={f.required}
                  maxLength={100}
                  autoComplete="off"
                  className={ui.input}
                  value={draft.info[f.key] ?? ""}
                  onChange={(e) => setField(f.key, e.target.value)}
                />
              )}
            </label>
          ))}
          <button type="submit" className={ui.button}>
            {t("newTopup.review")}
          </button>
        </fieldset>
      )}
    </form>
  );
}
