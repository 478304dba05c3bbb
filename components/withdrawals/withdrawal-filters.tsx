"use client";

import { useTranslations } from "next-intl";

import {
  CommonFilterFields,
  FilterField,
  HourField,
  SelectFilter,
  SortField,
} from "@/components/list-kit/filter-fields";
import { FilterForm } from "@/components/list-kit/filter-form";
import { useOrderChipWords } from "@/components/list-kit/filter-chips";
import { ui } from "@/components/ui/styles";
import { WITHDRAWAL_STATUSES } from "@/db/enums";
import { wordsOf } from "@/lib/i18n/words";

/** Filters in the second line, opened by "More filters" (and by itself when one is set). */
const MORE = ["hour", "bank", "min", "max"] as const;

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
    <FilterForm
      params={params}
      error={error}
      onApply={onApply}
      moreKeys={MORE}
      chips={useOrderChipWords(t("withdrawals.orderedFrom"), {
        labels: {
          bank: t("withdrawals.bank"),
          min: t("withdrawals.min"),
          max: t("withdrawals.max"),
        },
        describe: (key, v) => (key === "bank" ? words.bank(v) : undefined),
      })}
      more={
        <>
          <HourField params={params} />
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
          <SortField
            params={params}
            choices={[
              { value: "ordered_desc", label: t("withdrawals.sortOrderedDesc") },
              { value: "ordered_asc", label: t("withdrawals.sortOrderedAsc") },
              { value: "updated_desc", label: t("topups.sortUpdatedDesc") },
            ]}
          />
        </>
      }
    >
      <CommonFilterFields
        params={params}
        placeholder={t("withdrawals.searchPlaceholder")}
        statuses={WITHDRAWAL_STATUSES}
        fromLabel={t("withdrawals.orderedFrom")}
      />
    </FilterForm>
  );
}
