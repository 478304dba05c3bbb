"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

import { DayInput, FilterField, FilterForm, FilterSelect } from "@/components/list-kit/filter-form";
import { ui } from "@/components/ui/styles";
import {
  CALLBACK_RESULTS,
  CALL_OUTCOMES,
  FAILED_GROUP,
  OPERATIONS,
  UPSTREAMS,
  VERIFICATIONS,
} from "@/lib/callbacks/results";

type Props = { params: URLSearchParams; onApply: (next: URLSearchParams) => void };

/** What both logs filter on: an order reference, the upstream, a range of Bangkok days. */
function LogFilters({
  params,
  onApply,
  placeholder,
  fromLabel,
  children,
}: Props & { placeholder: string; fromLabel: string; children: ReactNode }) {
  const t = useTranslations("logs");
  const value = (key: string) => params.get(key) ?? "";
  return (
    <FilterForm params={params} onApply={onApply}>
      <FilterField label={t("search")} wide>
        <input name="q" defaultValue={value("q")} placeholder={placeholder} className={ui.input} />
      </FilterField>
      <FilterField label={t("upstream")}>
        <FilterSelect
          name="upstream"
          value={value("upstream")}
          any={t("anyUpstream")}
          options={UPSTREAMS.map((u) => ({ value: u, label: t(`upstreamName.${u}`) }))}
        />
      </FilterField>
      {children}
      <FilterField label={fromLabel}>
        <DayInput name="from" value={value("from")} />
      </FilterField>
      <FilterField label={t("rangeTo")}>
        <DayInput name="to" value={value("to")} />
      </FilterField>
    </FilterForm>
  );
}

/** The callbacks log's filters: besides the shared ones, verification and processing result. */
export function CallbackFilters(props: Props) {
  const t = useTranslations("logs");
  const value = (key: string) => props.params.get(key) ?? "";
  return (
    <LogFilters {...props} placeholder={t("searchCallbacks")} fromLabel={t("receivedFrom")}>
      <FilterField label={t("verificationLabel")}>
        <FilterSelect
          name="verification"
          value={value("verification")}
          any={t("anyVerification")}
          options={[
            { value: "refused", label: t("refusedAny") },
            ...VERIFICATIONS.map((v) => ({ value: v, label: t(`verification.${v}`) })),
          ]}
        />
      </FilterField>
      <FilterField label={t("resultLabel")}>
        <FilterSelect
          name="result"
          value={value("result")}
          any={t("anyResult")}
          options={[
            { value: FAILED_GROUP, label: t("failedGroup") },
            ...CALLBACK_RESULTS.map((r) => ({ value: r, label: t(`result.${r}`) })),
          ]}
        />
      </FilterField>
    </LogFilters>
  );
}

/** The upstream calls log's filters: besides the shared ones, operation and outcome. */
export function CallFilters(props: Props) {
  const t = useTranslations("logs");
  const value = (key: string) => props.params.get(key) ?? "";
  return (
    <LogFilters {...props} placeholder={t("searchCalls")} fromLabel={t("calledFrom")}>
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
    </LogFilters>
  );
}
