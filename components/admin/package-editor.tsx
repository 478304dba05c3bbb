"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";

import { Button, TextLink } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { ui } from "@/components/ui/styles";
import { ApiRefusal } from "@/lib/api/client";
import { type CatalogEntry } from "@/lib/catalog/package-rules";

import { type Draft, toDraft } from "./package-draft";
import { BilingualFields } from "./bilingual-fields";
import { PackageFieldList } from "./package-field-list";
import { usePackageSave } from "./use-package-save";

/**
 * Creates or edits one package. The draft is checked in the browser with the catalog's own
 * rules (package-rules) before it is sent; the server checks it again and its answer, field
 * by field, is shown the same way.
 */
export function PackageEditor({ initial }: { initial: CatalogEntry | null }) {
  const t = useTranslations("catalog");
  const tErrors = useTranslations("errors");
  const creating = initial === null;
  const [draft, setDraft] = useState(() => toDraft(initial));
  const { save, local, error, check } = usePackageSave(creating);
  const set = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    check(draft);
  }

  return (
    <form
      onSubmit={onSubmit}
      className="space-y-6"
      noValidate
      aria-label={t(creating ? "newTitle" : "edit")}
    >
      <section className={`${ui.card} grid gap-4 sm:grid-cols-2`}>
        <TextField
          label={t("packageId")}
          mono
          inputClassName="read-only:bg-slate-50 read-only:text-slate-600"
          value={draft.packageId}
          readOnly={!creating}
          hint={creating ? undefined : t("idFixed")}
          error={error("packageId")}
          onChange={(packageId) => set({ packageId })}
        />
        <TextField
          label={t("game")}
          value={draft.game}
          error={error("game")}
          onChange={(game) => set({ game })}
        />
        <BilingualFields
          labels={{ th: t("nameTh"), en: t("nameEn") }}
          value={draft}
          problemAt="name"
          error={error}
          onChange={set}
        />
        <TextField
          label={t("price")}
          inputClassName="max-w-48 tabular-nums"
          inputMode="decimal"
          value={draft.priceBaht}
          error={error("priceSatang")}
          onChange={(priceBaht) => set({ priceBaht })}
        />
        <label className="flex items-center gap-2 self-end pb-2 text-sm text-slate-700">
          <input
            type="checkbox"
            checked={draft.active}
            onChange={(e) => set({ active: e.target.checked })}
          />
          {t("activeLabel")}
        </label>
      </section>

      <PackageFieldList
        fields={draft.fields}
        error={error}
        onChange={(change) => setDraft((d) => ({ ...d, fields: change(d.fields) }))}
      />

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? t("saving") : t(creating ? "createSubmit" : "saveSubmit")}
        </Button>
        <TextLink href="/admin/packages" size="sm">
          {t("back")}
        </TextLink>
        <p aria-live="polite" className="text-sm">
          {save.error instanceof ApiRefusal && (
            <span className="text-red-700" role="alert">
              {save.error.message}
            </span>
          )}
          {Object.keys(local).length > 0 && (
            <span className="text-red-700" role="alert">
              {tErrors("INVALID_INPUT", { count: Object.keys(local).length })}
            </span>
          )}
        </p>
      </div>
    </form>
  );
}
