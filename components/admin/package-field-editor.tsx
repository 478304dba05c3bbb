"use client";

import { useTranslations } from "next-intl";

import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

import { type DraftField, type DraftOption, newOption } from "./package-draft";
import { BilingualFields } from "./bilingual-fields";

/**
 * One field of a package in the editor: key, labels, required, options. `error(path)` gives
 * the problem at a path under `fields.{index}`, as the catalog's rules name it.
 */
export function PackageFieldEditor(props: {
  field: DraftField;
  index: number;
  error: (path: string) => string | undefined;
  onChange: (change: Partial<DraftField>) => void;
  onMoveUp?: () => void;
  onRemove: () => void;
}) {
  const t = useTranslations("catalog");
  const { field, index: i, onChange } = props;
  const error = (path: string) => props.error(`fields.${i}.${path}`);
  const setOption = (id: number, change: Partial<DraftOption>) =>
    onChange({ options: field.options.map((o) => (o.id === id ? { ...o, ...change } : o)) });

  return (
    <fieldset
      className="space-y-3 rounded-md border border-slate-200 p-4"
      data-testid={`package-field-${i}`}
    >
      <legend className="px-1 text-sm font-semibold text-slate-800">
        {t("field", { n: i + 1 })}
      </legend>
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField
          label={t("key")}
          mono
          value={field.key}
          error={error("key")}
          onChange={(key) => onChange({ key })}
        />
        <BilingualFields
          labels={{ th: t("labelTh"), en: t("labelEn") }}
          value={field}
          problemAt="label"
          error={error}
          onChange={onChange}
        />
      </div>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input
          type="checkbox"
          checked={field.required}
          onChange={(e) => onChange({ required: e.target.checked })}
        />
        {t("required")}
      </label>
      <div className="space-y-2">
        <p className="text-sm font-medium text-slate-700">{t("options")}</p>
        {error("options") && <p className="text-sm text-red-700">{error("options")}</p>}
        {field.options.map((option, j) => (
          <div key={option.id} className="grid items-end gap-2 sm:grid-cols-[1fr_1fr_1fr_auto]">
            <TextField
              label={t("optionValue")}
              mono
              value={option.value}
              error={error(`options.${j}.value`)}
              onChange={(value) => setOption(option.id, { value })}
            />
            <BilingualFields
              labels={{ th: t("labelTh"), en: t("labelEn") }}
              value={option}
              problemAt={`options.${j}.label`}
              error={error}
              onChange={(change) => setOption(option.id, change)}
            />
            <Button
              type="button"
              variant="secondary"
              aria-label={`${t("removeOption")} ${j + 1}`}
              onClick={() => onChange({ options: field.options.filter((o) => o.id !== option.id) })}
            >
              ✕
            </Button>
          </div>
        ))}
        <Button
          type="button"
          variant="secondary"
          onClick={() => onChange({ options: [...field.options, newOption()] })}
        >
          {t("addOption")}
        </Button>
      </div>
      <div className="flex gap-2">
        {props.onMoveUp && (
          <Button type="button" variant="secondary" onClick={props.onMoveUp}>
            {t("moveUp", { n: i + 1 })}
          </Button>
        )}
        <Button type="button" variant="danger" onClick={props.onRemove}>
          {t("removeField", { n: i + 1 })}
        </Button>
      </div>
    </fieldset>
  );
}
