"use client";

import { useTranslations } from "next-intl";

import { FilterField, SelectFilter } from "@/components/list-kit/filter-fields";
import { OrderFilterForm } from "@/components/list-kit/filter-form";
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
  const words = wordsOf(t);
  const value = (key: string) => params.get(key) ?? "";
  return (
    <OrderFilterForm
      params={params}
      error={error}
      onApply={onApply}
      moreKeys={["bank", "min", "max"]}
      fromLabel={t("withdrawals.orderedFrom")}
      placeholder={t("withdrawals.searchPlaceholder")}
      statuses={WITHDRAWAL_STATUSES}
      chips={{
        labels: {
          bank: t("withdrawals.bank"),
          min: t("withdrawals.min"),
          max: t("withdrawals.max"),
        },
        describe: (key, v) => (key === "bank" ? words.bank(v) : undefined),
      }}
      sorts={[
        { value: "ordered_desc", label: t("withdrawals.sortOrderedDesc") },
        { value: "ordered_asc", label: t("withdrawals.sortOrderedAsc") },
        { value: "updated_desc", label: t("topups.sortUpdatedDesc") },
      ]}
      more={
        <>
          <SelectFilter
            params={params}
            name="bank"
            label={t("withdrawals.bank")}
            any={t("withdrawals.anyBank")}
            options={banks.map((b) => ({ value: b, label: words.bank(b) }))}
          />
          {(["min", "max"] as const).map((key) => (
            <FilterField key={key} label={t(`withdrawals.${key}`)} name={key}>
              <input
                name={key}
                inputMode="decimal"
                defaultValue={value(key)}
                className={`${ui.field} w-32`}
              />
            </FilterField>
          ))}
        </>
      }
    />
  );
}
