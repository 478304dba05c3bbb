"use client";

import { useTranslations } from "next-intl";
import { createContext, type FormEvent, type ReactNode, useContext, useState } from "react";

import { type ChipWords, FilterChips, hourLabel } from "@/components/list-kit/filter-chips";
import { problemsOf } from "@/lib/api/client";
import { ui } from "@/components/ui/styles";
import { Button } from "@/components/ui/button";

/** The list's refusal of a filter value, by field name, for the field to show beside it. */
const Problems = createContext<Record<string, { code: string; message: string }>>({});

/**
 * A list's filters as one compact line: the fields people use most (`children`), a "More
 * filters" button that opens a second line (`more`, opened by itself when one of `moreKeys`
 * is set or refused), Apply and Clear; below them a removable chip for each filter in force.
 * What the fields submit becomes the page URL (so a reload keeps it); `params` re-keys the
 * form when the URL changes.
 */
export function FilterForm({
  params,
  error,
  onApply,
  more,
  moreKeys = [],
  chips,
  children,
}: {
  params: URLSearchParams;
  /** The list's failure: a refused value is shown beside its field. */
  error?: unknown;
  onApply: (next: URLSearchParams) => void;
  more?: ReactNode;
  moreKeys?: readonly string[];
  /** The active filters' chips, each removable; without it, none. */
  chips?: ChipWords;
  children: ReactNode;
}) {
  const t = useTranslations("orders");
  const problems = problemsOf(error);
  const moreInUse = moreKeys.some((key) => params.has(key) || key in problems);
  const [opened, setOpened] = useState(false);
  const showMore = opened || moreInUse;
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
      className={`${ui.card} space-y-3 px-4 py-3`}
    >
      <Problems.Provider value={problems}>
        <div className="flex flex-wrap items-end gap-x-3 gap-y-2">
          {children}
          <div className="flex items-end gap-2">
            {more && (
              <Button
                type="button"
                variant="secondary"
                aria-expanded={showMore}
                aria-controls="more-filters"
                disabled={moreInUse}
                onClick={() => setOpened(!opened)}
              >
                {t("moreFilters")}
              </Button>
            )}
            <Button type="submit">{t("apply")}</Button>
            <Button
              type="button"
              variant="secondary"
              onClick={() => onApply(new URLSearchParams())}
            >
              {t("clear")}
            </Button>
          </div>
        </div>
        {more && (
          <div
            id="more-filters"
            hidden={!showMore}
            className="flex flex-wrap items-end gap-x-3 gap-y-2 border-t border-slate-100 pt-3"
          >
            {more}
          </div>
        )}
        {chips && <FilterChips params={params} words={chips} onApply={onApply} />}
      </Problems.Provider>
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
    <label className={`space-y-1 ${wide ? "min-w-0 flex-1 basis-80 sm:min-w-80" : "shrink-0"}`}>
      <span className="block text-xs font-medium text-slate-600">{label}</span>
      {children}
      {problem && (
        <span role="alert" className="block text-xs text-red-700" data-problem={name}>
          {said.has(problem.code) ? said(problem.code as "VALIDATION") : problem.message}
        </span>
      )}
    </label>
  );
}

/** A select whose first option means "any"; as wide as its longest option. */
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
    <select name={name} defaultValue={value} className={`${ui.inputAuto} pr-8`}>
      {any !== undefined && <option value="">{any}</option>}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

/** A Bangkok day. */
export function DayInput({ name, value }: { name: string; value: string }) {
  return <input type="date" name={name} defaultValue={value} className={`${ui.field} w-40`} />;
}

/** The fields every order list shows first: free text, status, and a range of Bangkok days. */
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
        <DayInput name="from" value={value("from")} />
      </FilterField>
      <FilterField label={t("orders.rangeTo")} name="to">
        <DayInput name="to" value={value("to")} />
      </FilterField>
      {/* "Needs review" comes from links (the overview): Apply keeps it; its chip removes it. */}
      {params.has("review") && <input type="hidden" name="review" value="1" />}
    </>
  );
}

/** The order of a list: `choices` by value and words, the first when the URL says none. */
export function SortField({
  params,
  choices,
}: {
  params: URLSearchParams;
  choices: { value: string; label: string }[];
}) {
  const t = useTranslations("topups");
  return (
    <FilterField label={t("sort")}>
      <FilterSelect
        name="sort"
        value={params.get("sort") || (choices[0]?.value ?? "")}
        options={choices}
      />
    </FilterField>
  );
}

/** One hour of the day `from` (the overview's hourly bars open a list on one). */
export function HourField({ params }: { params: URLSearchParams }) {
  const t = useTranslations("orders");
  return (
    <FilterField label={t("hour")} name="hour">
      <FilterSelect
        name="hour"
        value={params.get("hour") ?? ""}
        any={t("anyHour")}
        options={Array.from({ length: 24 }, (_, h) => ({ value: h, label: hourLabel(h) }))}
      />
    </FilterField>
  );
}
