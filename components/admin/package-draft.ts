import type { CatalogEntry } from "@/lib/catalog/package-rules";
import { satangToDecimal } from "@/lib/format";

/**
 * The package editor's working copy: plain strings as typed (the price in baht), local ids
 * so React keeps each row's inputs while rows move, and the conversions to and from a
 * catalog entry.
 */
export type DraftOption = { id: number; value: string; th: string; en: string };
export type DraftField = {
  id: number;
  key: string;
  th: string;
  en: string;
  required: boolean;
  options: DraftOption[];
};
export type Draft = {
  packageId: string;
  game: string;
  th: string;
  en: string;
  priceBaht: string;
  active: boolean;
  fields: DraftField[];
};

let nextId = 1;
export const newOption = (): DraftOption => ({ id: nextId++, value: "", th: "", en: "" });
export const newField = (): DraftField => ({
  id: nextId++,
  key: "",
  th: "",
  en: "",
  required: true,
  options: [],
});

export function toDraft(entry: CatalogEntry | null): Draft {
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
export function toEntry(draft: Draft, priceSatang: number) {
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
