"use client";

import { useTranslations } from "next-intl";

import { FilterField, FilterForm, FilterSelect } from "@/components/orders/filter-form";
import { ui } from "@/components/ui/styles";
import { CALL_OUTCOMES, OPERATIONS, UPSTREAMS } from "@/lib/callbacks/results";

/** The upstream-calls log's filters; what they submit becomes the page URL. */
export function CallFilters({
  params,
  onApply,
}: {
  params: URLSearchParams;
  onApply: (next: URLSearchParams) => void;
}) {
  const t = useTranslations("logs");
  const value = (key: string) => params.get(key) ?? "";
  return (
    <FilterForm params={params} onApply={onApply}>
      <FilterField label={t("search")} wide>
        <input
          name="q"
          defaultValue={value("q")}
          placeholder={t("searchCalls")}
          className={ui.input}
        />
      </FilterField>
      <FilterField label={t("upstream")}>
        <FilterSelect
          name="upstream"
          value={value("upstream")}
          any={t("anyUpstream")}
          options={UPSTREAMS.map((u) => ({ value: u, label: t(`upstreamName.${u}`) }))}
        />
      </FilterField>
      <FilterField label={t("operation")}>
        <FilterSelect
          name="operation"
          value={value("operation")}
          any={t("anyOperation")}
          options={UPSTREAMS.flatMap((u) =>
            OPERATIONS[u].map((op) => ({ value: op, label: t(`operationName.${op}`) })),
          )}
        />
      </FilterField>
      <FilterField label={t("outcomeLabel")}>
        <FilterSelect
          name="outcome"
          value={value("outcome")}
          any={t("anyOutcome")}
          options={CALL_OUTCOMES.map((o) => ({ value: o, label: t(`outcome.${o}`) }))}
        />
      </FilterField>
      <FilterField label={t("calledFrom")}>
        <input type="date" name="from" defaultValue={value("from")} className={ui.input} />
      </FilterField>
      <FilterField label={t("rangeTo")}>
        <input type="date" name="to" defaultValue={value("to")} className={ui.input} />
      </FilterField>
    </FilterForm>
  );
}
