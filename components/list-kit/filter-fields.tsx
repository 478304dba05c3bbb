"use client";

import { useTranslations } from "next-intl";
import { createContext, type ReactNode, useContext } from "react";

import { hourLabel } from "@/components/list-kit/filter-chips";
import { Options } from "@/components/ui/field";
import { ui } from "@/components/ui/styles";

/** The list's refusal of a filter value, by field name, for the field to show beside it. */
export const Problems = createContext<Record<string, { code: string; message: string }>>({});

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
  return (
    <label
      className={`max-w-full space-y-1 ${wide ? "min-w-0 flex-1 basis-80 sm:min-w-80" : "shrink-0"}`}
    >
      <span className="block text-xs font-medium text-slate-600">{label}</span>
      {children}
      {problem && (
        <span role="alert" className="block text-xs text-red-700" data-problem={name}>
          {problem.message}
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
    // As wide as its longest option, but never wider than a phone's screen.
    <select name={name} defaultValue={value} className={`${ui.inputAuto} max-w-full pr-8`}>
      <Options options={options} empty={any} />
    </select>
  );
}

/** A Bangkok day. */
export function DayInput({ name, value }: { name: string; value: string }) {
  return <input type="date" name={name} defaultValue={value} className={`${ui.field} w-40`} />;
}

/** A filter that picks one of `options`, or any: its label, its query key, its choices. */
export function SelectFilter({
  params,
  name,
  label,
  any,
  options,
}: {
  params: URLSearchParams;
  name: string;
  label: string;
  any: string;
  options: { value: string | number; label: string }[];
}) {
  return (
    <FilterField label={label} name={name}>
      <FilterSelect name={name} value={params.get(name) ?? ""} any={any} options={options} />
    </FilterField>
  );
}

/** The free-text search, as wide as the line allows. */
export function SearchField({
  params,
  label,
  placeholder,
}: {
  params: URLSearchParams;
  label: string;
  placeholder: string;
}) {
  return (
    <FilterField label={label} name="q" wide>
      <input
        name="q"
        defaultValue={params.get("q") ?? ""}
        placeholder={placeholder}
        className={ui.input}
      />
    </FilterField>
  );
}

/** A range of Bangkok days, `from` to `to`, both inclusive. */
export function DayRangeFields({
  params,
  fromLabel,
  toLabel,
}: {
  params: URLSearchParams;
  fromLabel: string;
  toLabel: string;
}) {
  return (
    <>
      <FilterField label={fromLabel} name="from">
        <DayInput name="from" value={params.get("from") ?? ""} />
      </FilterField>
      <FilterField label={toLabel} name="to">
        <DayInput name="to" value={params.get("to") ?? ""} />
      </FilterField>
    </>
  );
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
      <SearchField params={params} label={t("orders.search")} placeholder={placeholder} />
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
      <DayRangeFields params={params} fromLabel={fromLabel} toLabel={t("orders.rangeTo")} />
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
    <SelectFilter
      params={params}
      name="hour"
      label={t("hour")}
      any={t("anyHour")}
      options={Array.from({ length: 24 }, (_, h) => ({ value: h, label: hourLabel(h) }))}
    />
  );
}
