"use client";

import { useTranslations } from "next-intl";

import {
  CommonFilterFields,
  FilterField,
  FilterForm,
  FilterSelect,
  HourField,
} from "@/components/orders/filter-form";
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
      chips={{
        labels: {
          q: t("orders.search"),
          status: t("orders.filterStatus"),
          from: t("withdrawals.orderedFrom"),
          to: t("orders.rangeTo"),
          hour: t("orders.hour"),
          bank: t("withdrawals.bank"),
          min: t("withdrawals.min"),
          max: t("withdrawals.max"),
          review: t("orders.needsReview"),
        },
        describe: (key, v) =>
          key === "status"
            ? v.split(",").map(words.status).join(" + ")
            : key === "bank"
              ? words.bank(v)
              : key === "hour"
                ? `${v.padStart(2, "0")}:00–${v.padStart(2, "0")}:59`
                : key === "review"
                  ? t("orders.yes")
                  : undefined,
      }}
      more={
        <>
          <HourField params={params} />
          <FilterField label={t("withdrawals.bank")} name="bank">
            <FilterSelect
              name="bank"
              value={value("bank")}
              any={t("withdrawals.anyBank")}
              options={banks.map((b) => ({ value: b, label: words.bank(b) }))}
            />
          </FilterField>
          <FilterField label={t("withdrawals.min")} name="min">
            <input
              name="min"
              inputMode="decimal"
              defaultValue={value("min")}
              className={`${ui.inputAuto} w-32`}
            />
          </FilterField>
          <FilterField label={t("withdrawals.max")} name="max">
            <input
              name="max"
              inputMode="decimal"
              defaultValue={value("max")}
              className={`${ui.inputAuto} w-32`}
            />
          </FilterField>
          {params.has("review") && <input type="hidden" name="review" value="1" />}
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
