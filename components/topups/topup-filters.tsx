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
import { TOPUP_STATUSES } from "@/db/enums";
import { wordsOf } from "@/lib/i18n/words";

type Option = { id: string | number; label: string };

/** Filters in the second line, opened by "More filters" (and by itself when one is set). */
const MORE = ["hour", "packageId", "createdBy", "reason", "sort"] as const;

export function TopupFilters({
  params,
  packages,
  users,
  error,
  onApply,
}: {
  error?: unknown;
  params: URLSearchParams;
  packages: Option[];
  users: Option[];
  onApply: (next: URLSearchParams) => void;
}) {
  const t = useTranslations();
  const words = wordsOf(t);
  const value = (key: string) => params.get(key) ?? "";
  const labelOf = (options: Option[], id: string) =>
    options.find((o) => String(o.id) === id)?.label;
  return (
    <FilterForm
      params={params}
      error={error}
      onApply={onApply}
      moreKeys={MORE.filter((key) => key !== "sort")}
      chips={useOrderChipWords(t("topups.from"), {
        labels: {
          packageId: t("topups.package"),
          createdBy: t("topups.createdBy"),
          reason: t("topups.failureReason"),
        },
        describe: (key, v) =>
          key === "packageId"
            ? labelOf(packages, v)
            : key === "createdBy"
              ? labelOf(users, v)
              : key === "reason"
                ? words.reason(v)
                : undefined,
      })}
      more={
        <>
          <HourField params={params} />
          {[
            {
              name: "packageId",
              label: t("topups.package"),
              any: t("topups.anyPackage"),
              of: packages,
            },
            { name: "createdBy", label: t("topups.createdBy"), any: t("topups.anyone"), of: users },
          ].map(({ of, ...field }) => (
            <SelectFilter
              key={field.name}
              params={params}
              {...field}
              options={of.map((o) => ({ value: o.id, label: o.label }))}
            />
          ))}
          {params.has("reason") && (
            <FilterField label={t("topups.failureReason")} name="reason">
              <input name="reason" defaultValue={value("reason")} className={ui.input} />
            </FilterField>
          )}
          <SortField
            params={params}
            choices={[
              { value: "created_desc", label: t("topups.sortCreatedDesc") },
              { value: "created_asc", label: t("topups.sortCreatedAsc") },
              { value: "updated_desc", label: t("topups.sortUpdatedDesc") },
            ]}
          />
        </>
      }
    >
      <CommonFilterFields
        params={params}
        placeholder={t("topups.searchPlaceholder")}
        statuses={TOPUP_STATUSES}
        fromLabel={t("topups.from")}
      />
    </FilterForm>
  );
}
