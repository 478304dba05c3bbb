"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";

import { ui } from "@/components/ui/styles";
import { type CatalogEntry, checkPackage, priceFromBaht } from "@/lib/catalog/package-rules";

import { type Draft, type DraftField, newField, toDraft, toEntry } from "./package-draft";
import { PackageFieldEditor } from "./package-field-editor";
import { ApiRefusal, problemsByField, sendJson } from "@/lib/api/client";
import { TextField } from "@/components/ui/field";
import { Button, TextLink } from "@/components/ui/button";

/**
 * Creates or edits one package. The draft is checked in the browser with the catalog's own
 * rules (package-rules) before it is sent; the server checks it again and its answer, field
 * by field, is shown the same way.
 */
export function PackageEditor({ initial }: { initial: CatalogEntry | null }) {
  const t = useTranslations("catalog");
  const tErrors = useTranslations("errors");
  const router = useRouter();
  const creating = initial === null;
  const [draft, setDraft] = useState(() => toDraft(initial));
  const [local, setLocal] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (entry: ReturnType<typeof toEntry>) =>
      creating
        ? sendJson<{ package: CatalogEntry }>("POST", "/api/packages", entry, tErrors("NETWORK"))
        : sendJson<{ package: CatalogEntry }>(
            "PUT",
            `/api/packages/${encodeURIComponent(entry.packageId)}`,
            entry,
            tErrors("NETWORK"),
          ),
    onSuccess: ({ package: saved }) => {
      if (creating) router.push(`/admin/packages/${encodeURIComponent(saved.packageId)}`);
      else router.refresh();
    },
  });
  const problems: Record<string, string | undefined> = {
    ...problemsByField(save.error),
    ...local,
  };
  const error = (path: string) => problems[path];

  const set = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));
  const setFields = (change: (fields: DraftField[]) => DraftField[]) =>
    setDraft((d) => ({ ...d, fields: change(d.fields) }));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    save.reset();
    const priceSatang = priceFromBaht(draft.priceBaht);
    // A price that is not valid baht is reported on its own; 1 stands in so that the rest of
    // the draft is still checked in the same pass.
    const entry = toEntry(draft, priceSatang ?? 1);
    const found: Record<string, string> = {};
    for (const p of checkPackage(entry).problems) found[p.field] = tErrors(p.code, p.params);
    if (priceSatang === null) found.priceSatang = tErrors("PRICE_BAHT_INVALID");
    setLocal(found);
    if (Object.keys(found).length === 0) save.mutate(entry);
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
        <TextField
          label={t("nameTh")}
          value={draft.th}
          error={error("name.th")}
          onChange={(th) => set({ th })}
        />
        <TextField
          label={t("nameEn")}
          value={draft.en}
          error={error("name.en")}
          onChange={(en) => set({ en })}
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

      <section className={`${ui.card} space-y-4`} aria-labelledby="package-fields-title">
        <div>
          <h2 id="package-fields-title" className="text-base font-semibold text-slate-900">
            {t("fields")}
          </h2>
          <p className="text-sm text-slate-600">{t("fieldsHelp")}</p>
          {error("fields") && <p className="text-sm text-red-700">{error("fields")}</p>}
        </div>
        {draft.fields.map((field, i) => (
          <PackageFieldEditor
            key={field.id}
            field={field}
            index={i}
            error={error}
            onChange={(change) =>
              setFields((fields) =>
                fields.map((f) => (f.id === field.id ? { ...f, ...change } : f)),
              )
            }
            onMoveUp={
              i > 0
                ? () =>
                    setFields((fields) => {
                      const next = [...fields];
                      [next[i - 1], next[i]] = [next[i]!, next[i - 1]!];
                      return next;
                    })
                : undefined
            }
            onRemove={() => setFields((fields) => fields.filter((f) => f.id !== field.id))}
          />
        ))}
        <Button
          type="button"
          variant="secondary"
          onClick={() => setFields((fields) => [...fields, newField()])}
        >
          {t("addField")}
        </Button>
      </section>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? t("saving") : t(creating ? "createSubmit" : "saveSubmit")}
        </Button>
        <TextLink href="/admin/packages" size="sm">
          {t("back")}
        </TextLink>
        <p aria-live="polite" className="text-sm">
          {save.isSuccess && !creating && (
            <span className="text-emerald-700">{t("saved", { packageId: draft.packageId })}</span>
          )}
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
