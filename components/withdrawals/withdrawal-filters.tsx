"use client";

import { useTranslations } from "next-intl";

import {
  CommonFilterFields,
  FilterField,
  FilterForm,
  FilterSelect,
} from "@/components/orders/filter-form";
import { ui } from "@/components/ui/styles";
import { WITHDRAWAL_STATUSES } from "@/db/enums";
import { wordsOf } from "@/lib/i18n/words";

export function WithdrawalFilters({
  params,
  banks,
  error,
  onApply,
}: {
  params: URLSearchParams;
  error?: unknown;
  banks: string[];
  onApply: (next: URLSearchParams) => void;
}) {
  const t = useTranslations();
  const value = (key: string) => params.get(key) ?? "";
  return (
    <FilterForm params={params} error={error} onApply={onApply}>
      <CommonFilterFields
        params={params}
        placeholder={t("withdrawals.searchPlaceholder")}
        statuses={WITHDRAWAL_STATUSES}
        fromLabel={t("withdrawals.orderedFrom")}
      />
      <FilterField label={t("withdrawals.bank")}>
        <FilterSelect
          name="bank"
          value={value("bank")}
          any={t("withdrawals.anyBank")}
          options={banks.map((b) => ({
            value: b,
            label: wordsOf(t).bank(b),
          }))}
        />
      </FilterField>
      <FilterField label={t("withdrawals.min")} name="min">
        <input name="min" inputMode="decimal" defaultValue={value("min")} className={ui.input} />
      </FilterField>
      <FilterField label={t("withdrawals.max")} name="max">
        <input name="max" inputMode="decimal" defaultValue={value("max")} className={ui.input} />
      </FilterField>
      <FilterField label={t("topups.sort")}>
        <FilterSelect
          name="sort"
          value={value("sort") || "ordered_desc"}
          options={[
            { value: "ordered_desc", label: t("withdrawals.sortOrderedDesc") },
            { value: "ordered_asc", label: t("withdrawals.sortOrderedAsc") },
            { value: "updated_desc", label: t("topups.sortUpdatedDesc") },
          ]}
        />
      </FilterField>
    </FilterForm>
  );
}
