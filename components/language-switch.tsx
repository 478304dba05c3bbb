"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";

import { LOCALES } from "@/lib/i18n/config";
import { setLocale } from "@/lib/i18n/actions";

export function LanguageSwitch() {
  const current = useLocale();
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div
      role="group"
      aria-label={t("common.language")}
      className="inline-flex rounded-md ring-1 ring-slate-300"
    >
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          disabled={pending}
          aria-pressed={current === locale}
          onClick={() =>
            startTransition(async () => {
              await setLocale(locale);
              router.refresh();
            })
          }
          className={`px-3 py-1 text-sm first:rounded-l-md last:rounded-r-md ${
            current === locale
              ? "bg-slate-800 text-white"
              : "bg-white text-slate-700 hover:bg-slate-100"
          }`}
        >
          {t(`locale.${locale}`)}
        </button>
      ))}
    </div>
  );
}
