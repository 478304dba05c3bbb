"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

import { DayRangeFields, SearchField, SelectFilter } from "@/components/list-kit/filter-fields";
import { FilterForm } from "@/components/list-kit/filter-form";
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
  return (
    <FilterForm params={params} onApply={onApply}>
      <SearchField params={params} label={t("search")} placeholder={placeholder} />
      <SelectFilter
        params={params}
        name="upstream"
        label={t("upstream")}
        any={t("anyUpstream")}
        options={UPSTREAMS.map((u) => ({ value: u, label: t(`upstreamName.${u}`) }))}
      />
      {children}
      <DayRangeFields params={params} fromLabel={fromLabel} toLabel={t("rangeTo")} />
    </FilterForm>
  );
}

/** The callbacks log's filters: besides the shared ones, verification and processing result. */
export function CallbackFilters(props: Props) {
  const t = useTranslations("logs");
  return (
    <LogFilters {...props} placeholder={t("searchCallbacks")} fromLabel={t("receivedFrom")}>
      <SelectFilter
        params={props.params}
        name="verification"
        label={t("verificationLabel")}
        any={t("anyVerification")}
        options={[
          { value: "refused", label: t("refusedAny") },
          ...VERIFICATIONS.map((v) => ({ value: v, label: t(`verification.${v}`) })),
        ]}
      />
      <SelectFilter
        params={props.params}
        name="result"
        label={t("resultLabel")}
        any={t("anyResult")}
        options={[
          { value: FAILED_GROUP, label: t("failedGroup") },
          ...CALLBACK_RESULTS.map((r) => ({ value: r, label: t(`result.${r}`) })),
        ]}
      />
    </LogFilters>
  );
}

/** The upstream calls log's filters: besides the shared ones, operation and outcome. */
export function CallFilters(props: Props) {
  const t = useTranslations("logs");
  return (
    <LogFilters {...props} placeholder={t("searchCalls")} fromLabel={t("calledFrom")}>
      <SelectFilter
        params={props.params}
        name="operation"
        label={t("operation")}
        any={t("anyOperation")}
        options={UPSTREAMS.flatMap((u) =>
          OPERATIONS[u].map((op) => ({ value: op, label: t(`operationName.${op}`) })),
        )}
      />
      <SelectFilter
        params={props.params}
        name="outcome"
        label={t("outcomeLabel")}
        any={t("anyOutcome")}
        options={CALL_OUTCOMES.map((o) => ({ value: o, label: t(`outcome.${o}`) }))}
      />
    </LogFilters>
  );
}
