import { z } from "zod";

/**
 * What an id or a typed value may hold (browser-safe). Text is normalised to NFC and trimmed;
 * it may then hold no character a person cannot see or that changes how the rest reads:
 * control characters (C0, C1, DEL), format characters (zero-width spaces and joiners, soft
 * hyphen, the byte-order mark, left-to-right and right-to-left marks, embeddings, overrides
 * and isolates), line and paragraph separators, private-use and unassigned code points,
 * and unpaired surrogates. Thai, Latin and every other script's letters, marks, digits,
 * punctuation and ordinary spaces are fine.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/u;

export const INVISIBLE_CHARACTERS = "INVISIBLE_CHARACTERS";

/** NFC, trimmed. */
export function normalText(value: string): string {
  return value.normalize("NFC").trim();
}

/** Whether `value` holds a character a person cannot see (see above). */
export function hasInvisible(value: string): boolean {
  return INVISIBLE.test(value);
}

/**
 * A string field of an input schema: normalised, and refused with `INVISIBLE_CHARACTERS`
 * (naming the field) when it holds what a person cannot see.
 */
export const visibleText = () =>
  z
    .string()
    .transform(normalText)
    .refine((value) => !hasInvisible(value), { params: { code: INVISIBLE_CHARACTERS } });

/** A list's search box: visible text of at most 100 characters. */
export const searchText = () => visibleText().pipe(z.string().max(100));
