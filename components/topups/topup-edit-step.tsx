"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, useMemo } from "react";

import { ui } from "@/components/ui/styles";
import { formatSatang } from "@/lib/format";

import type { Draft, Pkg } from "./new-topup-types";

/** Choosing a package and filling the fields it needs. */
export function TopupEditStep({
  packages,
  pkg,
  draft,
  onPackage,
  onField,
  onReview,
}: {
  packages: Pkg[];
  pkg: Pkg | undefined;
  draft: Draft;
  onPackage: (packageId: string) => void;
  onField: (key: string, value: string) => void;
  onReview: () => void;
}) {
  const t = useTranslations();
  const games = useMemo(() => [...new Set(packages.map((p) => p.game))], [packages]);
  const review = (event: FormEvent) => {
    event.preventDefault();
    onReview();
  };
  return (
    <form className={`${ui.card} space-y-4`} onSubmit={review}>
      <label className="block space-y-1">
        <span className={ui.label}>{t("newTopup.choosePackage")}</span>
        <select
          name="packageId"
          required
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
                  onChange={(e) => onField(f.key, e.target.value)}
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
                  onChange={(e) => onField(f.key, e.target.value)}
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
