"use client";

import { TextField } from "@/components/ui/field";

/**
 * A name or label in both languages, side by side: `problemAt` is the path the catalog's
 * rules report a problem under (`name`, `label`, `options.0.label`), `.th` or `.en` added.
 */
export function BilingualFields({
  labels,
  value,
  problemAt,
  error,
  onChange,
}: {
  labels: { th: string; en: string };
  value: { th: string; en: string };
  problemAt: string;
  error: (path: string) => string | undefined;
  onChange: (change: { th?: string; en?: string }) => void;
}) {
  return (["th", "en"] as const).map((locale) => (
    <TextField
      key={locale}
      label={labels[locale]}
      value={value[locale]}
      error={error(`${problemAt}.${locale}`)}
      onChange={(text) => onChange({ [locale]: text })}
    />
  ));
}
