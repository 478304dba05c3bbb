/** Pasted text → distinct ids, split on newlines, commas, semicolons and spaces. */
export function splitIds(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

export const MAX_LOOKUP_IDS = 200;
