"use client";

import { useTranslations } from "next-intl";

import {
  CommonFilterFields,
  FilterField,
  FilterForm,
  FilterSelect,
  HourField,
  SortField,
} from "@/components/list-kit/filter-form";
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
          <FilterField label={t("topups.package")} name="packageId">
            <FilterSelect
              name="packageId"
              value={value("packageId")}
              any={t("topups.anyPackage")}
              options={packages.map((p) => ({ value: p.id, label: p.label }))}
            />
          </FilterField>
          <FilterField label={t("topups.createdBy")} name="createdBy">
            <FilterSelect
              name="createdBy"
              value={value("createdBy")}
              any={t("topups.anyone")}
              options={users.map((u) => ({ value: u.id, label: u.label }))}
            />
          </FilterField>
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
