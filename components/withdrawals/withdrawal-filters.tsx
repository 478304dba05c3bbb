"use client";

import { useTranslations } from "next-intl";
import type { FormEvent } from "react";

import { ui } from "@/components/ui/styles";
import { WITHDRAWAL_STATUSES } from "@/db/schema";

/** The withdrawal filters; what they submit becomes the page URL. */
export function WithdrawalFilters({
  params,
  banks,
  onApply,
}: {
  params: URLSearchParams;
  banks: string[];
  onApply: (next: URLSearchParams) => void;
}) {
  const t = useTranslations();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const [key, value] of new FormData(event.currentTarget).entries()) {
      if (typeof value === "string" && value.trim() !== "") next.set(key, value.trim());
    }
    onApply(next);
  }
  const value = (key: string) => params.get(key) ?? "";
  return (
    <form
      key={params.toString()}
      onSubmit={submit}
      aria-label={t("topups.filters")}
      className={`${ui.card} grid gap-3 p-4 sm:grid-cols-2 lg:grid-cols-4 xl:grid-cols-8`}
    >
      <label className="space-y-1 xl:col-span-2">
        <span className={ui.label}>{t("topups.search")}</span>
        <input
          name="q"
          defaultValue={value("q")}
          placeholder={t("withdrawals.searchPlaceholder")}
          className={ui.input}
        />
      </label>
      <label className="space-y-1">
        <span className={ui.label}>{t("withdrawals.status")}</span>
        <select name="status" defaultValue={value("status")} className={ui.input}>
          <option value="">{t("topups.anyStatus")}</option>
          {WITHDRAWAL_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="space-y-1">
        <span className={ui.label}>{t("withdrawals.orderedFrom")}</span>
        <input type="date" name="from" defaultValue={value("from")} className={ui.input} />
      </label>
      <label className="space-y-1">
        <span className={ui.label}>{t("topups.to")}</span>
        <input type="date" name="to" defaultValue={value("to")} className={ui.input} />
      </label>
      <label className="space-y-1">
        <span className={ui.label}>{t("withdrawals.bank")}</span>
        <select name="bank" defaultValue={value("bank")} className={ui.input}>
          <option value="">{t("withdrawals.anyBank")}</option>
          {banks.map((b) => (
            <option key={b} value={b}>
              {b}
            </option>
          ))}
        </select>
      </label>
      <label className="space-y-1">
        <span className={ui.label}>{t("withdrawals.min")}</span>
        <input name="min" inputMode="decimal" defaultValue={value("min")} className={ui.input} />
      </label>
      <label className="space-y-1">
        <span className={ui.label}>{t("withdrawals.max")}</span>
        <input name="max" inputMode="decimal" defaultValue={value("max")} className={ui.input} />
      </label>
      <label className="space-y-1">
        <span className={ui.label}>{t("topups.sort")}</span>
        <select name="sort" defaultValue={value("sort") || "ordered_desc"} className={ui.input}>
          <option value="ordered_desc">{t("withdrawals.sortOrderedDesc")}</option>
          <option value="ordered_asc">{t("withdrawals.sortOrderedAsc")}</option>
          <option value="updated_desc">{t("topups.sortUpdatedDesc")}</option>
        </select>
      </label>
      <div className="flex items-end gap-2 xl:col-span-7">
        <button type="submit" className={ui.button}>
          {t("topups.apply")}
        </button>
        <button
          type="button"
          className={ui.buttonSecondary}
          onClick={() => onApply(new URLSearchParams())}
        >
          {t("topups.clear")}
        </button>
      </div>
    </form>
  );
}
