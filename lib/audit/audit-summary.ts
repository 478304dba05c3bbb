import { formatSatang } from "@/lib/format";
import type { Words } from "@/lib/i18n/words";

type T = {
  (key: string, values?: Record<string, string | number>): string;
  has: (key: string) => boolean;
  raw: (key: string) => unknown;
};

const text = (value: unknown): string | null =>
  typeof value === "string" && value ? value : typeof value === "number" ? String(value) : null;

/**
 * What an audit entry's details say, as short labelled lines in the page's language: a
 * decision's outcome and note, a role's change, a refusal's rule, an export's count… Keys
 * not known here stay in the raw details beside them. `t` is the root translator.
 */
export function auditSummary(
  details: Record<string, unknown> | null,
  t: T,
  words: Words,
): { label: string; value: string }[] {
  if (!details) return [];
  const lines: { label: string; value: string }[] = [];
  const add = (label: string, value: string | null) => {
    if (value) lines.push({ label: t(`audit.detail.${label}`), value });
  };
  const word = (prefix: string, value: unknown) => {
    const v = text(value);
    if (!v) return null;
    return t.has(`${prefix}.${v}`) ? t(`${prefix}.${v}`) : v;
  };
  add("reason", word("queue.reason", details.reason));
  add("outcome", word("queue.outcomes", details.outcome) ?? null);
  add("note", text(details.note));
  if (details.from !== undefined && details.to !== undefined && details.email)
    add("role", `${word("roles", details.from)} → ${word("roles", details.to)}`);
  add("rule", text(details.code) ? errorWords(t, String(details.code)) : null);
  add("permission", text(details.permission));
  add("status", text(details.status) ? words.status(String(details.status)) : null);
  add("amount", typeof details.priceSatang === "number" ? formatSatang(details.priceSatang) : null);
  add("reissue", text(details.reissueRefId));
  add("count", text(details.count));
  add("email", text(details.email));
  return lines;
}

/** A refusal's rule in words (its message when it needs no values), with its code. */
function errorWords(t: T, code: string): string {
  const key = `errors.${code}`;
  const raw = t.has(key) ? t.raw(key) : null;
  return typeof raw === "string" && !raw.includes("{") ? `${raw} (${code})` : code;
}
