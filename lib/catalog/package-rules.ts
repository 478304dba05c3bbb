import { z } from "zod";

import type { PackageField } from "@/db/enums";
import type { FieldProblem } from "@/lib/errors";
import { bahtToSatang } from "@/lib/money";

/**
 * The one set of rules for a package, whoever writes it: the catalog file (command line or
 * the page's import) and the page's editor. Browser-safe, so the editor can check a field
 * as it is typed, with the same codes the server answers. Each rule's code is a message
 * under `errors.` in both languages.
 */
const text = (max: number) =>
  z
    .string({ error: "TEXT_REQUIRED" })
    .trim()
    .min(1, { error: "TEXT_REQUIRED" })
    .max(max, { error: "TEXT_TOO_LONG" });
const localized = (max: number) =>
  z.object({ th: text(max), en: text(max) }, { error: "TEXT_REQUIRED" });

/** The most a package may cost: ฿1,000,000. */
export const MAX_PRICE_SATANG = 100_000_000;

export const PACKAGE_ID_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;
export const FIELD_KEY_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;

const optionSchema = z.object(
  {
    value: z
      .string({ error: "TEXT_REQUIRED" })
      .trim()
      .min(1, { error: "TEXT_REQUIRED" })
      .max(100, { error: "TEXT_TOO_LONG" }),
    label: localized(100),
  },
  { error: "WRONG_TYPE" },
);

const fieldSchema = z.object(
  {
    key: z
      .string({ error: "FIELD_KEY_FORMAT" })
      .regex(FIELD_KEY_PATTERN, { error: "FIELD_KEY_FORMAT" }),
    label: localized(100),
    required: z.boolean({ error: "BOOLEAN_REQUIRED" }),
    options: z
      .array(optionSchema, { error: "WRONG_TYPE" })
      .min(1, { error: "OPTIONS_REQUIRED" })
      .optional(),
  },
  { error: "WRONG_TYPE" },
);

const packageSchema = z.object(
  {
    packageId: z
      .string({ error: "PACKAGE_ID_FORMAT" })
      .regex(PACKAGE_ID_PATTERN, { error: "PACKAGE_ID_FORMAT" }),
    game: text(100),
    name: localized(200),
    priceSatang: z
      .number({ error: "PRICE_SATANG_INVALID" })
      .int({ error: "PRICE_SATANG_INVALID" })
      .positive({ error: "PRICE_SATANG_INVALID" })
      .max(MAX_PRICE_SATANG, { error: "PRICE_SATANG_INVALID" }),
    active: z.boolean({ error: "BOOLEAN_REQUIRED" }),
    fields: z.array(fieldSchema, { error: "WRONG_TYPE" }).min(1, { error: "FIELDS_REQUIRED" }),
  },
  { error: "WRONG_TYPE" },
);

/** A package as stored and as the catalog file holds it. */
export type CatalogEntry = {
  packageId: string;
  game: string;
  name: { th: string; en: string };
  priceSatang: number;
  active: boolean;
  fields: PackageField[];
};

const CODE = /^[A-Z][A-Z0-9_]+$/;

function problemsOf(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => {
    const code = CODE.test(issue.message) ? issue.message : "WRONG_TYPE";
    const params = issue.code === "too_big" ? { max: Number(issue.maximum) } : undefined;
    return { field: issue.path.join("."), code, ...(params && { params }) };
  });
}

/** Checks one package; every problem is named by its field's path (`fields.1.label.th`). */
export function checkPackage(raw: unknown): {
  entry: CatalogEntry | null;
  problems: FieldProblem[];
} {
  const parsed = packageSchema.safeParse(raw);
  if (!parsed.success) return { entry: null, problems: problemsOf(parsed.error) };
  const entry = parsed.data;
  const problems: FieldProblem[] = [];
  const keys = new Set<string>();
  entry.fields.forEach((field, i) => {
    if (keys.has(field.key.toLowerCase()))
      problems.push({ field: `fields.${i}.key`, code: "FIELD_KEY_DUPLICATE" });
    keys.add(field.key.toLowerCase());
    const values = new Set<string>();
    field.options?.forEach((option, j) => {
      if (values.has(option.value))
        problems.push({ field: `fields.${i}.options.${j}.value`, code: "OPTION_VALUE_DUPLICATE" });
      values.add(option.value);
    });
  });
  return problems.length > 0 ? { entry: null, problems } : { entry, problems };
}

/**
 * Checks a whole catalog file (its text, or the array an API body already parsed) before
 * anything is written: each problem names the entry's
 * position (from 1), its packageId when it has one, and the field.
 */
export function checkCatalog(file: string | unknown[]): {
  entries: CatalogEntry[];
  problems: FieldProblem[];
} {
  let json: unknown = file;
  if (typeof file === "string") {
    try {
      json = JSON.parse(file);
    } catch {
      return { entries: [], problems: [{ field: "file", code: "CATALOG_NOT_JSON" }] };
    }
  }
  if (!Array.isArray(json))
    return { entries: [], problems: [{ field: "file", code: "CATALOG_NOT_ARRAY" }] };
  const entries: CatalogEntry[] = [];
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  json.forEach((raw: unknown, index) => {
    const id = (raw as { packageId?: unknown } | null)?.packageId;
    const where = { position: index + 1, ...(typeof id === "string" && { packageId: id }) };
    const { entry, problems: own } = checkPackage(raw);
    for (const problem of own) problems.push({ ...problem, entry: where });
    if (!entry) return;
    if (seen.has(entry.packageId))
      problems.push({ field: "packageId", code: "PACKAGE_ID_DUPLICATE", entry: where });
    seen.add(entry.packageId);
    entries.push(entry);
  });
  return { entries: problems.length > 0 ? [] : entries, problems };
}

/**
 * A price typed in baht → satang, exactly: "1,000.10" → 100010. More than two decimals,
 * zero, negative or more than the maximum → null.
 */
export function priceFromBaht(typed: string): number | null {
  const plain = typed.trim().replace(/^฿/, "");
  if (!/^(\d{1,3}(,\d{3})*|\d+)(\.\d+)?$/.test(plain)) return null;
  const satang = bahtToSatang(plain.replaceAll(",", ""));
  return satang !== null && satang > 0 && satang <= MAX_PRICE_SATANG ? satang : null;
}
