"use client";

import { useTranslations } from "next-intl";

import { Button } from "@/components/ui/button";
import { CardSection } from "@/components/ui/card-section";

import { type DraftField, newField } from "./package-draft";
import { PackageFieldEditor } from "./package-field-editor";

/** The fields a package asks for, in order: each edited in place, moved up, removed; one added. */
export function PackageFieldList({
  fields,
  error,
  onChange,
}: {
  fields: DraftField[];
  error: (path: string) => string | undefined;
  onChange: (change: (fields: DraftField[]) => DraftField[]) => void;
}) {
  const t = useTranslations("catalog");
  return (
    <CardSection
      id="package-fields"
      title={t("fields")}
      intro={
        <>
          <p>{t("fieldsHelp")}</p>
          {error("fields") && <p className="text-red-700">{error("fields")}</p>}
        </>
      }
    >
      {fields.map((field, i) => (
        <PackageFieldEditor
          key={field.id}
          field={field}
          index={i}
          error={error}
          onChange={(change) =>
            onChange((fields) => fields.map((f) => (f.id === field.id ? { ...f, ...change } : f)))
          }
          onMoveUp={
            i > 0
              ? () =>
                  onChange((fields) => {
                    const next = [...fields];
                    [next[i - 1], next[i]] = [next[i]!, next[i - 1]!];
                    return next;
                  })
              : undefined
          }
          onRemove={() => onChange((fields) => fields.filter((f) => f.id !== field.id))}
        />
      ))}
      <Button
        type="button"
        variant="secondary"
        onClick={() => onChange((fields) => [...fields, newField()])}
      >
        {t("addField")}
      </Button>
    </CardSection>
  );
}
