import { createTranslator } from "next-intl";

import type { AppError } from "@/lib/errors";

import { type Locale, LOCALE_COOKIE, pickLocale } from "./config";
import en from "./messages/en.json";
import th from "./messages/th.json";

const MESSAGES = { en, th };

/** The language a request asked for: the page's choice (cookie), the browser's, else Thai. */
export function localeOf(request: Request): Locale {
  const cookie = request.headers
    .get("cookie")
    ?.split(";")
    .map((part) => part.trim().split("="))
    .find(([name]) => name === LOCALE_COOKIE)?.[1];
  return pickLocale(cookie, request.headers.get("accept-language"));
}

/** An error's message in a language; a code without a message of its own says its code. */
export function translateErrorIn(locale: Locale, error: AppError): string {
  // Codes are data (upstreams add their own), so the catalog is looked up by a plain string.
  const t = createTranslator({ locale, messages: MESSAGES[locale].errors }) as unknown as {
    (key: string, values?: Record<string, string | number>): string;
    has: (key: string) => boolean;
  };
  return t.has(error.code) ? t(error.code, error.params) : t("UNKNOWN_CODE", { code: error.code });
}

/** `{"error":{"code","message","details"?}}`, the one error shape of every answer. */
export function errorBody(error: AppError, locale: Locale) {
  const details = Object.keys(error.params).length > 0 ? { details: error.params } : {};
  return { error: { code: error.code, message: translateErrorIn(locale, error), ...details } };
}
