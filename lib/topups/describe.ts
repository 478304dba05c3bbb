import type { LocalizedText, PackageField } from "@/db/enums";

/**
 * A top-up's fields as a person reads them: each by its label in the person's language, a
 * chosen option by its own label ("Server 2 (Loki)", not `2`). A field the package no longer
 * lists keeps its key and raw value.
 */
export function describeTopupInfo(
  info: Record<string, string>,
  fields: PackageField[] | undefined,
  locale: keyof LocalizedText,
): { key: string; label: string; value: string }[] {
  return Object.entries(info).map(([key, raw]) => {
    const field = fields?.find((f) => f.key === key);
    const option = field?.options?.find((o) => o.value === raw);
    return {
      key,
      label: field?.label[locale] ?? key,
      value: option ? option.label[locale] : raw,
    };
  });
}
