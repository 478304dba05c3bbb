"use client";

import { useTranslations } from "next-intl";
import { createContext, type FormEvent, type ReactNode, useContext } from "react";

import { problemsOf } from "@/components/ui/send-json";
import { ui } from "@/components/ui/styles";

/** The list's refusal of a filter value, by field name, for the field to show beside it. */
const Problems = createContext<Record<string, { code: string; message: string }>>({});

/**
 * The frame of a list's filters: what the fields submit becomes the page URL (so a reload
 * keeps it); Clear empties it. `params` re-keys the form when the URL changes.
 */
export function FilterForm({
  params,
  error,
  onApply,
  children,
}: {
  params: URLSearchParams;
  /** The list's failure: a refused value is shown beside its field. */
  error?: unknown;
  onApply: (next: URLSearchParams) => void;
  children: ReactNode;
}) {
  const t = useTranslations("orders");
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const [key, value] of new FormData(event.currentTarget).entries()) {
      if (typeof value === "string" && value.trim() !== "") next.set(key, value.trim());
    }
    onApply(next);
  }
  return (
    <form
      key={params.toString()}
      onSubmit={submit}
      aria-label={t("filters")}
      className={`${ui.card} grid gap-3 p-4 sm:grid-cols-2 lg:grid-cols-4 xl:grid-cols-8`}
    >
      <Problems.Provider value={problemsOf(error)}>{children}</Problems.Provider>
      <div className="flex items-end gap-2 xl:col-span-8">
        <button type="submit" className={ui.button}>
          {t("apply")}
        </button>
        <button
          type="button"
          className={ui.buttonSecondary}
          onClick={() => onApply(new URLSearchParams())}
        >
          {t("clear")}
        </button>
      </div>
    </form>
  );
}

/** One labelled filter field; `name` (its query key) shows the list's refusal of its value. */
export function FilterField({
  label,
  name,
  wide,
  children,
}: {
  label: string;
  name?: string;
  wide?: boolean;
  children: ReactNode;
}) {
  const problem = useContext(Problems)[name ?? ""];
  const said = useTranslations("orders.problems");
  return (
    <label className={`space-y-1 ${wide ? "xl:col-span-2" : ""}`}>
      <span className={ui.label}>{label}</span>
      {children}
      {problem && (
        <span role="alert" className="block text-xs text-red-700" data-problem={name}>
          {said.has(problem.code) ? said(problem.code as "VALIDATION") : problem.message}
        </span>
      )}
    </label>
  );
}

/** A select whose first option means "any". */
export function FilterSelect({
  name,
  value,
  any,
  options,
}: {
  name: string;
  value: string;
  any?: string;
  options: { value: string | number; label: string }[];
}) {
  return (
    <select name={name} defaultValue={value} className={ui.input}>
      {any !== undefined && <option value="">{any}</option>}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

/** The fields every order list has: free text, status, and a range of Bangkok days. */
export function CommonFilterFields({
  params,
  placeholder,
  statuses,
  fromLabel,
}: {
  params: URLSearchParams;
  placeholder: string;
  statuses: readonly string[];
  fromLabel: string;
}) {
  const t = useTranslations();
  const value = (key: string) => params.get(key) ?? "";
  return (
    <>
      <FilterField label={t("orders.search")} name="q" wide>
        <input name="q" defaultValue={value("q")} placeholder={placeholder} className={ui.input} />
      </FilterField>
      <FilterField label={t("orders.filterStatus")} name="status">
        <FilterSelect
          name="status"
          value={value("status")}
          any={t("orders.anyStatus")}
          options={[
            ...statuses.map((s) => ({ value: s, label: t(`status.${s}`) })),
            // Several statuses at once come from links (the overview's "waiting"): keep them.
            ...(value("status").includes(",")
              ? [
                  {
                    value: value("status"),
                    label: value("status")
                      .split(",")
                      .map((s) => (statuses.includes(s) ? t(`status.${s}`) : s))
                      .join(" + "),
                  },
                ]
              : []),
          ]}
        />
      </FilterField>
      <FilterField label={fromLabel} name="from">
        <input type="date" name="from" defaultValue={value("from")} className={ui.input} />
      </FilterField>
      <FilterField label={t("orders.rangeTo")} name="to">
        <input type="date" name="to" defaultValue={value("to")} className={ui.input} />
      </FilterField>
      <FilterField label={t("orders.hour")} name="hour">
        <FilterSelect
          name="hour"
          value={value("hour")}
          any={t("orders.anyHour")}
          options={Array.from({ length: 24 }, (_, h) => ({
            value: h,
            label: `${String(h).padStart(2, "0")}:00–${String(h).padStart(2, "0")}:59`,
          }))}
        />
      </FilterField>
    </>
  );
}
