import { z } from "zod";

import type { Db } from "@/db/client";
import { type NewPackage, upsertPackages } from "@/db/queries/packages";

/** docs/design.md, package catalog file. */
const localized = z.object({ th: z.string().trim().min(1), en: z.string().trim().min(1) });
const fieldSchema = z.object({
  key: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/),
  label: localized,
  required: z.boolean(),
  options: z
    .array(z.object({ value: z.string().min(1).max(100), label: localized }))
    .min(1)
    .optional(),
});
const entrySchema = z.object({
  packageId: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/),
  game: z.string().trim().min(1).max(100),
  name: localized,
  priceSatang: z.number().int().positive(),
  active: z.boolean(),
  fields: z.array(fieldSchema).min(1),
});

export class CatalogError extends Error {
  override name = "CatalogError";
  constructor(readonly problems: string[]) {
    super(`The catalog file is not valid:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/**
 * Validates the whole file before anything is written; each problem names the entry (its
 * position and packageId) and the field. Nothing is imported unless every entry is valid.
 */
export function parseCatalog(text: string): NewPackage[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CatalogError([`not JSON: ${(error as Error).message}`]);
  }
  if (!Array.isArray(json)) throw new CatalogError(["the file must hold a JSON array of packages"]);
  const problems: string[] = [];
  const entries: NewPackage[] = [];
  const seen = new Set<string>();
  json.forEach((raw: unknown, index) => {
    const id = (raw as { packageId?: unknown })?.packageId;
    const name = `entry ${index + 1}${typeof id === "string" ? ` (${id})` : ""}`;
    const parsed = entrySchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push(`${name}: ${issue.path.join(".") || "entry"}: ${issue.message}`);
      return;
    }
    if (seen.has(parsed.data.packageId))
      problems.push(`${name}: packageId: appears more than once`);
    seen.add(parsed.data.packageId);
    const keys = parsed.data.fields.map((f) => f.key);
    if (new Set(keys).size !== keys.length)
      problems.push(`${name}: fields: two fields share a key`);
    entries.push(parsed.data);
  });
  if (problems.length > 0) throw new CatalogError(problems);
  return entries;
}

export async function importCatalog(db: Db, text: string) {
  return upsertPackages(db, parseCatalog(text));
}
