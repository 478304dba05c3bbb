import type { PackageRow } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { hasInvisible, INVISIBLE_CHARACTERS, normalText } from "@/lib/text";

/**
 * Checks a top-up's fields against its package: required ones present, options respected,
 * nothing unknown, nothing a person cannot see (lib/text.ts). Returns the cleaned fields
 * (NFC, trimmed) or throws a field error.
 */
export function validateTopupInfo(
  pkg: PackageRow,
  input: Record<string, unknown>,
): Record<string, string> {
  const known = new Set(pkg.fields.map((f) => f.key));
  for (const key of Object.keys(input)) {
    if (!known.has(key)) throw new AppError("FIELD_UNKNOWN", 400, { field: key });
  }
  const out: Record<string, string> = {};
  for (const field of pkg.fields) {
    const raw = input[field.key];
    const value = typeof raw === "string" || typeof raw === "number" ? normalText(String(raw)) : "";
    if (hasInvisible(value)) throw new AppError(INVISIBLE_CHARACTERS, 400, { field: field.key });
    if (!value) {
      if (field.required) throw new AppError("FIELD_REQUIRED", 400, { field: field.key });
      continue;
    }
    if (value.length > 100) throw new AppError("FIELD_TOO_LONG", 400, { field: field.key });
    if (field.options && !field.options.some((o) => o.value === value)) {
      throw new AppError("FIELD_INVALID_OPTION", 400, { field: field.key });
    }
    out[field.key] = value;
  }
  return out;
}

/** The player's id: the package's first field, searchable in the list. */
export function gameIdOf(pkg: PackageRow, info: Record<string, string>): string | null {
  const first = pkg.fields[0];
  return first ? (info[first.key] ?? null) : null;
}
