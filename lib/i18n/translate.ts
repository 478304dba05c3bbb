import { createTranslator } from "use-intl/core";

import { type AppError, InvalidInput } from "@/lib/errors";

import { isLocale, type Locale, LOCALE_COOKIE, pickLocale, UI_LOCALE_HEADER } from "./config";
import en from "./messages/en.json";
import th from "./messages/th.json";

const MESSAGES = { en, th };

/**
 * The language a request asked for: the page's own (a page's request says which language it
 * is shown in), else the person's choice (cookie), the browser's, else Thai.
 */
export function localeOf(request: Request): Locale {
  const shown = request.headers.get(UI_LOCALE_HEADER);
  if (isLocale(shown)) return shown;
  const cookie = request.headers
    .get("cookie")
    ?.split(";")
    .map((part) => part.trim().split("="))
    .find(([name]) => name === LOCALE_COOKIE)?.[1];
  return pickLocale(cookie, request.headers.get("accept-language"));
}

export type Lookup = {
  (key: string, values?: Record<string, string | number>): string;
  has: (key: string) => boolean;
};

/**
 * The catalog's words in a language outside a page (an error's message, an alert sent to
 * Slack), looked up by plain strings; `namespace` narrows it (`"alerts"`).
 */
export function lookupIn(locale: Locale, namespace?: keyof typeof en): Lookup {
  return createTranslator({
    locale,
    messages: MESSAGES[locale],
    ...(namespace ? { namespace } : {}),
  }) as unknown as Lookup;
}

/**
 * A code's message in a language; a code without a message of its own says its code. A
 * refused field is named by its label, never by its query key (`max` → "Amount up to"), and
 * a field with a message of its own for this code says what it expects instead
 * (`fieldProblems.max.VALIDATION`: "Enter an amount in figures, e.g. 1,000 or ฿500").
 */
export function translateCodeIn(
  locale: Locale,
  code: string,
  params: Record<string, string | number> = {},
): string {
  // Codes are data (upstreams add their own), so the catalog is looked up by a plain string.
  const t = lookupIn(locale);
  const field = typeof params.field === "string" ? params.field : undefined;
  const values =
    field && t.has(`fieldNames.${field}`) ? { ...params, field: t(`fieldNames.${field}`) } : params;
  if (field && t.has(`fieldProblems.${field}.${code}`))
    return t(`fieldProblems.${field}.${code}`, values);
  return t.has(`errors.${code}`) ? t(`errors.${code}`, values) : t("errors.UNKNOWN_CODE", { code });
}

/** An error's message in a language. */
export function translateErrorIn(locale: Locale, error: AppError): string {
  return translateCodeIn(locale, error.code, error.params);
}

/**
 * `{"error":{"code","message","details"?}}`, the one error shape of every answer. Refused
 * input also lists each problem with its field and message: `details.problems`.
 */
export function errorBody(error: AppError, locale: Locale) {
  const params = Object.keys(error.params).length > 0 ? error.params : null;
  const problems =
    error instanceof InvalidInput
      ? error.problems.map((p) => ({ ...p, message: translateCodeIn(locale, p.code, p.params) }))
      : null;
  const facts = Object.keys(error.facts).length > 0 ? error.facts : null;
  const details =
    params || problems || facts
      ? { details: { ...params, ...facts, ...(problems && { problems }) } }
      : {};
  return { error: { code: error.code, message: translateErrorIn(locale, error), ...details } };
}
