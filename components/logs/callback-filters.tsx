"use client";

import { useTranslations } from "next-intl";

import { FilterField, FilterForm, FilterSelect } from "@/components/orders/filter-form";
import { ui } from "@/components/ui/styles";
import { CALLBACK_RESULTS, FAILED_GROUP, UPSTREAMS, VERIFICATIONS } from "@/lib/callbacks/results";

/** The callbacks log's filters; what they submit becomes the page URL. */
export function CallbackFilters({
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
          placeholder={t("searchCallbacks")}
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
      <FilterField label={t("receivedFrom")}>
        <input type="date" name="from" defaultValue={value("from")} className={ui.input} />
      </FilterField>
      <FilterField label={t("rangeTo")}>
        <input type="date" name="to" defaultValue={value("to")} className={ui.input} />
      </FilterField>
    </FilterForm>
  );
}
