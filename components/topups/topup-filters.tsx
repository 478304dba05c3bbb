"use client";

import { useTranslations } from "next-intl";
import { type FormEvent } from "react";

import { ui } from "@/components/ui/styles";
import { TOPUP_STATUSES } from "@/db/schema";

type Option = { id: string | number; label: string };

/** The filter form; what it submits becomes the page's URL, so a reload keeps it. */
export function TopupFilters({
  params,
  packages,
  users,
  onApply,
}: {
  params: URLSearchParams;
  packages: Option[];
  users: Option[];
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
          placeholder={t("topups.searchPlaceholder")}
          className={ui.input}
        />
      </label>
      <label className="space-y-1">
        <span className={ui.label}>{t("topups.filterStatus")}</span>
        <select name="status" defaultValue={value("status")} className={ui.input}>
          <option value="">{t("topups.anyStatus")}</option>
          {TOPUP_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="space-y-1">
        <span className={ui.label}>{t("topups.from")}</span>
        <input type="date" name="from" defaultValue={value("from")} className={ui.input} />
      </label>
      <label className="space-y-1">
        <span className={ui.label}>{t("topups.to")}</span>
        <input type="date" name="to" defaultValue={value("to")} className={ui.input} />
      </label>
      <label className="space-y-1">
        <span className={ui.label}>{t("topups.package")}</span>
        <select name="packageId" defaultValue={value("packageId")} className={ui.input}>
          <option value="">{t("topups.anyPackage")}</option>
          {packages.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      <label className="space-y-1">
        <span className={ui.label}>{t("topups.createdBy")}</span>
        <select name="createdBy" defaultValue={value("createdBy")} className={ui.input}>
          <option value="">{t("topups.anyone")}</option>
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.label}
            </option>
          ))}
        </select>
      </label>
      <label className="space-y-1">
        <span className={ui.label}>{t("topups.sort")}</span>
        <select name="sort" defaultValue={value("sort") || "created_desc"} className={ui.input}>
          <option value="created_desc">{t("topups.sortCreatedDesc")}</option>
          <option value="created_asc">{t("topups.sortCreatedAsc")}</option>
          <option value="updated_desc">{t("topups.sortUpdatedDesc")}</option>
        </select>
      </label>
      <div className="flex items-end gap-2 xl:col-span-8">
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
