"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, useEffect, useMemo, useRef } from "react";

import { Button } from "@/components/ui/button";
import { Options } from "@/components/ui/field";
import { ui } from "@/components/ui/styles";
import { MAX_FIELD_LENGTH } from "@/lib/catalog/topup-fields";
import { formatSatang } from "@/lib/format";

import type { Draft, Outcome, Pkg, Problems } from "./new-topup-types";

/**
 * Choosing a package and filling the fields it needs. The app checks the fields itself
 * (`noValidate`: no browser bubbles in another language) and shows each problem beside its
 * field, naming the field by its label; the first one gets the focus.
 */
export function TopupEditStep({
  packages,
  pkg,
  draft,
  problems,
  refusal,
  onPackage,
  onField,
  onReview,
}: {
  packages: Pkg[];
  pkg: Pkg | undefined;
  draft: Draft;
  problems: Problems;
  refusal: Extract<Outcome, { kind: "rejected" }> | null;
  onPackage: (packageId: string) => void;
  onField: (key: string, value: string) => void;
  onReview: () => void;
}) {
  const t = useTranslations();
  const form = useRef<HTMLFormElement>(null);
  const games = useMemo(() => [...new Set(packages.map((p) => p.game))], [packages]);
  const firstProblem = pkg?.fields.find((f) => problems[f.key])?.key;
  useEffect(() => {
    if (firstProblem) form.current?.querySelector<HTMLElement>(`#field-${firstProblem}`)?.focus();
  }, [firstProblem, problems]);
  const review = (event: FormEvent) => {
    event.preventDefault();
    onReview();
  };
  return (
    <form ref={form} className={`${ui.card} space-y-4`} onSubmit={review} noValidate>
      {refusal && !firstProblem && (
        <p role="alert" className={ui.error} data-code={refusal.code}>
          {t("newTopup.notSent", { message: refusal.message })}
        </p>
      )}
      <label className="block space-y-1">
        <span className={ui.label}>{t("newTopup.choosePackage")}</span>
        <select
          name="packageId"
          className={ui.input}
          value={draft.packageId}
          onChange={(e) => onPackage(e.target.value)}
        >
          <option value="">{t("newTopup.choose")}</option>
          {games.map((game) => (
            <optgroup key={game} label={game}>
              {packages
                .filter((p) => p.game === game)
                .map((p) => (
                  // The game too: "100 เพชร" alone could be any game's.
                  <option key={p.id} value={p.id}>
                    {p.game} · {p.name} — {formatSatang(p.priceSatang)}
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
          {pkg.fields.map((f) => {
            const problem = problems[f.key];
            const control = {
              id: `field-${f.key}`,
              name: f.key,
              className: `${ui.input} ${problem ? "ring-red-500" : ""}`,
              value: draft.info[f.key] ?? "",
              "aria-invalid": problem ? true : undefined,
              "aria-describedby": problem ? `field-${f.key}-problem` : undefined,
            };
            return (
              <div key={f.key} className="space-y-1">
                <label htmlFor={control.id} className={ui.label}>
                  {f.label}{" "}
                  <span className="text-xs font-normal text-slate-500">
                    ({f.required ? t("newTopup.required") : t("newTopup.optional")})
                  </span>
                </label>
                {f.options ? (
                  <select {...control} onChange={(e) => onField(f.key, e.target.value)}>
                    <Options options={f.options} empty={t("newTopup.chooseOption")} />
                  </select>
                ) : (
                  // No maxLength: a long paste is kept whole and refused with the limit,
                  // never cut short without a word.
                  <input
                    {...control}
                    autoComplete="off"
                    onChange={(e) => onField(f.key, e.target.value)}
                  />
                )}
                {problem && (
                  <p
                    id={`field-${f.key}-problem`}
                    className="text-sm text-red-700"
                    data-code={problem}
                  >
                    {t(`errors.${problem}` as "errors.FIELD_TOO_LONG", {
                      field: f.label,
                      max: MAX_FIELD_LENGTH,
                      length: (draft.info[f.key] ?? "").length,
                    })}
                  </p>
                )}
              </div>
            );
          })}
          <Button type="submit">{t("newTopup.review")}</Button>
        </fieldset>
      )}
    </form>
  );
}
