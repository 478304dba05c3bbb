"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, type ReactNode, useId, useState } from "react";

import { ui } from "@/components/ui/styles";
import { type CatalogEntry, checkPackage, priceFromBaht } from "@/lib/catalog/package-rules";
import { satangToDecimal } from "@/lib/format";

import { ApiRefusal, problemsByField, sendJson } from "./send-json";

type DraftOption = { id: number; value: string; th: string; en: string };
type DraftField = {
  id: number;
  key: string;
  th: string;
  en: string;
  required: boolean;
  options: DraftOption[];
};
type Draft = {
  packageId: string;
  game: string;
  th: string;
  en: string;
  priceBaht: string;
  active: boolean;
  fields: DraftField[];
};

let nextId = 1;
const newOption = (): DraftOption => ({ id: nextId++, value: "", th: "", en: "" });
const newField = (): DraftField => ({
  id: nextId++,
  key: "",
  th: "",
  en: "",
  required: true,
  options: [],
});

function toDraft(entry: CatalogEntry | null): Draft {
  if (!entry)
    return {
      packageId: "",
      game: "",
      th: "",
      en: "",
      priceBaht: "",
      active: true,
      fields: [{ ...newField(), key: "gameid" }],
    };
  return {
    packageId: entry.packageId,
    game: entry.game,
    th: entry.name.th,
    en: entry.name.en,
    priceBaht: satangToDecimal(entry.priceSatang),
    active: entry.active,
    fields: entry.fields.map((f) => ({
      id: nextId++,
      key: f.key,
      th: f.label.th,
      en: f.label.en,
      required: f.required,
      options: (f.options ?? []).map((o) => ({
        id: nextId++,
        value: o.value,
        th: o.label.th,
        en: o.label.en,
      })),
    })),
  };
}

/** The draft as the catalog file holds a package; the price as typed is checked separately. */
function toEntry(draft: Draft, priceSatang: number) {
  return {
    packageId: draft.packageId.trim(),
    game: draft.game,
    name: { th: draft.th, en: draft.en },
    priceSatang,
    active: draft.active,
    fields: draft.fields.map((f) => ({
      key: f.key.trim(),
      label: { th: f.th, en: f.en },
      required: f.required,
      ...(f.options.length > 0 && {
        options: f.options.map((o) => ({ value: o.value, label: { th: o.th, en: o.en } })),
      }),
    })),
  };
}

function Field(props: {
  label: string;
  error?: string;
  hint?: string;
  children: (a11y: { id: string; "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode;
}) {
  const id = useId();
  const described = [props.hint && `${id}-hint`, props.error && `${id}-error`]
    .filter(Boolean)
    .join(" ");
  return (
    <div className="space-y-1">
      <label htmlFor={id} className={ui.label}>
        {props.label}
      </label>
      {props.children({
        id,
        ...(props.error && { "aria-invalid": true as const }),
        ...(described && { "aria-describedby": described }),
      })}
      {props.hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {props.hint}
        </p>
      )}
      {props.error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {props.error}
        </p>
      )}
    </div>
  );
}

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
  const problems = { ...problemsByField(save.error), ...local };
  const error = (path: string) => problems[path];

  const set = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));
  const setField = (id: number, change: Partial<DraftField>) =>
    setDraft((d) => ({
      ...d,
      fields: d.fields.map((f) => (f.id === id ? { ...f, ...change } : f)),
    }));
  const setOption = (fieldId: number, optionId: number, change: Partial<DraftOption>) =>
    setDraft((d) => ({
      ...d,
      fields: d.fields.map((f) =>
        f.id === fieldId
          ? { ...f, options: f.options.map((o) => (o.id === optionId ? { ...o, ...change } : o)) }
          : f,
      ),
    }));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    save.reset();
    const priceSatang = priceFromBaht(draft.priceBaht);
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
        <Field
          label={t("packageId")}
          error={error("packageId")}
          hint={creating ? undefined : t("idFixed")}
        >
          {(a) => (
            <input
              {...a}
              className={`${ui.input} font-mono read-only:bg-slate-50 read-only:text-slate-600`}
              value={draft.packageId}
              readOnly={!creating}
              onChange={(e) => set({ packageId: e.target.value })}
            />
          )}
        </Field>
        <Field label={t("game")} error={error("game")}>
          {(a) => (
            <input
              {...a}
              className={ui.input}
              value={draft.game}
              onChange={(e) => set({ game: e.target.value })}
            />
          )}
        </Field>
        <Field label={t("nameTh")} error={error("name.th")}>
          {(a) => (
            <input
              {...a}
              className={ui.input}
              value={draft.th}
              onChange={(e) => set({ th: e.target.value })}
            />
          )}
        </Field>
        <Field label={t("nameEn")} error={error("name.en")}>
          {(a) => (
            <input
              {...a}
              className={ui.input}
              value={draft.en}
              onChange={(e) => set({ en: e.target.value })}
            />
          )}
        </Field>
        <Field label={t("price")} error={error("priceSatang")}>
          {(a) => (
            <input
              {...a}
              className={`${ui.input} max-w-48 tabular-nums`}
              inputMode="decimal"
              value={draft.priceBaht}
              onChange={(e) => set({ priceBaht: e.target.value })}
            />
          )}
        </Field>
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
          <fieldset
            key={field.id}
            className="space-y-3 rounded-md border border-slate-200 p-4"
            data-testid={`package-field-${i}`}
          >
            <legend className="px-1 text-sm font-semibold text-slate-800">
              {t("field", { n: i + 1 })}
            </legend>
            <div className="grid gap-3 sm:grid-cols-3">
              <Field label={t("key")} error={error(`fields.${i}.key`)}>
                {(a) => (
                  <input
                    {...a}
                    className={`${ui.input} font-mono`}
                    value={field.key}
                    onChange={(e) => setField(field.id, { key: e.target.value })}
                  />
                )}
              </Field>
              <Field label={t("labelTh")} error={error(`fields.${i}.label.th`)}>
                {(a) => (
                  <input
                    {...a}
                    className={ui.input}
                    value={field.th}
                    onChange={(e) => setField(field.id, { th: e.target.value })}
                  />
                )}
              </Field>
              <Field label={t("labelEn")} error={error(`fields.${i}.label.en`)}>
                {(a) => (
                  <input
                    {...a}
                    className={ui.input}
                    value={field.en}
                    onChange={(e) => setField(field.id, { en: e.target.value })}
                  />
                )}
              </Field>
            </div>
            <label className="flex items-center gap-2 text-sm text-slate-700">
              <input
                type="checkbox"
                checked={field.required}
                onChange={(e) => setField(field.id, { required: e.target.checked })}
              />
              {t("required")}
            </label>
            <div className="space-y-2">
              <p className="text-sm font-medium text-slate-700">{t("options")}</p>
              {error(`fields.${i}.options`) && (
                <p className="text-sm text-red-700">{error(`fields.${i}.options`)}</p>
              )}
              {field.options.map((option, j) => (
                <div
                  key={option.id}
                  className="grid items-end gap-2 sm:grid-cols-[1fr_1fr_1fr_auto]"
                >
                  <Field label={t("optionValue")} error={error(`fields.${i}.options.${j}.value`)}>
                    {(a) => (
                      <input
                        {...a}
                        className={`${ui.input} font-mono`}
                        value={option.value}
                        onChange={(e) => setOption(field.id, option.id, { value: e.target.value })}
                      />
                    )}
                  </Field>
                  <Field label={t("labelTh")} error={error(`fields.${i}.options.${j}.label.th`)}>
                    {(a) => (
                      <input
                        {...a}
                        className={ui.input}
                        value={option.th}
                        onChange={(e) => setOption(field.id, option.id, { th: e.target.value })}
                      />
                    )}
                  </Field>
                  <Field label={t("labelEn")} error={error(`fields.${i}.options.${j}.label.en`)}>
                    {(a) => (
                      <input
                        {...a}
                        className={ui.input}
                        value={option.en}
                        onChange={(e) => setOption(field.id, option.id, { en: e.target.value })}
                      />
                    )}
                  </Field>
                  <button
                    type="button"
                    className={ui.buttonSecondary}
                    aria-label={`${t("removeOption")} ${j + 1}`}
                    onClick={() =>
                      setField(field.id, {
                        options: field.options.filter((o) => o.id !== option.id),
                      })
                    }
                  >
                    ✕
                  </button>
                </div>
              ))}
              <button
                type="button"
                className={ui.buttonSecondary}
                onClick={() => setField(field.id, { options: [...field.options, newOption()] })}
              >
                {t("addOption")}
              </button>
            </div>
            <div className="flex gap-2">
              {i > 0 && (
                <button
                  type="button"
                  className={ui.buttonSecondary}
                  onClick={() =>
                    setDraft((d) => {
                      const fields = [...d.fields];
                      [fields[i - 1], fields[i]] = [fields[i]!, fields[i - 1]!];
                      return { ...d, fields };
                    })
                  }
                >
                  {t("moveUp", { n: i + 1 })}
                </button>
              )}
              <button
                type="button"
                className={ui.buttonDanger}
                onClick={() =>
                  setDraft((d) => ({ ...d, fields: d.fields.filter((f) => f.id !== field.id) }))
                }
              >
                {t("removeField", { n: i + 1 })}
              </button>
            </div>
          </fieldset>
        ))}
        <button
          type="button"
          className={ui.buttonSecondary}
          onClick={() => setDraft((d) => ({ ...d, fields: [...d.fields, newField()] }))}
        >
          {t("addField")}
        </button>
      </section>

      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={ui.button} disabled={save.isPending}>
          {save.isPending ? t("saving") : t(creating ? "createSubmit" : "saveSubmit")}
        </button>
        <Link href="/admin/packages" className="text-sm text-indigo-700 hover:underline">
          {t("back")}
        </Link>
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
