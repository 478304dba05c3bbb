import { AppError } from "@/lib/errors";
import { hasInvisible, INVISIBLE_CHARACTERS, normalText } from "@/lib/text";

/** What the rules need of a package's field: the catalog's row and the form's copy alike. */
export type FieldRule = { key: string; required: boolean; options?: { value: string }[] };

/** One thing wrong with one field, by the field's key; its message names the field's label. */
export type FieldProblem = { field: string; code: string };

export const MAX_FIELD_LENGTH = 100;

/**
 * The one home of a top-up's field rules (browser-safe: the form checks with it before its
 * review step, the server before anything is stored or sent). Each value is cleaned (NFC,
 * trimmed, so a value of spaces is empty) and then: required ones present, options
 * respected, not too long, nothing a person cannot see (lib/text.ts), nothing unknown.
 */
export function checkTopupInfo(
  fields: readonly FieldRule[],
  input: Record<string, unknown>,
): { info: Record<string, string>; problems: FieldProblem[] } {
  const known = new Set(fields.map((f) => f.key));
  const problems: FieldProblem[] = Object.keys(input)
    .filter((key) => !known.has(key))
    .map((field) => ({ field, code: "FIELD_UNKNOWN" }));
  const info: Record<string, string> = {};
  for (const field of fields) {
    const raw = input[field.key];
    const value = typeof raw === "string" || typeof raw === "number" ? normalText(String(raw)) : "";
    const code = hasInvisible(value)
      ? INVISIBLE_CHARACTERS
      : !value
        ? field.required
          ? field.options
            ? "FIELD_NOT_CHOSEN"
            : "FIELD_REQUIRED"
          : null
        : value.length > MAX_FIELD_LENGTH
          ? "FIELD_TOO_LONG"
          : field.options && !field.options.some((o) => o.value === value)
            ? "FIELD_INVALID_OPTION"
            : null;
    if (code) problems.push({ field: field.key, code });
    else if (value) info[field.key] = value;
  }
  return { info, problems };
}

/** The server's check: the cleaned fields, or the first problem as a 400 naming its field. */
export function validateTopupInfo(
  pkg: { fields: readonly FieldRule[] },
  input: Record<string, unknown>,
): Record<string, string> {
  const { info, problems } = checkTopupInfo(pkg.fields, input);
  const first = problems[0];
  if (first) throw new AppError(first.code, 400, { field: first.field, max: MAX_FIELD_LENGTH });
  return info;
}

/** The player's id: the package's first field, searchable in the list. */
export function gameIdOf(pkg: { fields: readonly FieldRule[] }, info: Record<string, string>) {
  const first = pkg.fields[0];
  return first ? (info[first.key] ?? null) : null;
}
