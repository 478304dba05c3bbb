"use client";

import { useTranslations } from "next-intl";

import {
  CommonFilterFields,
  FilterField,
  FilterForm,
  FilterSelect,
} from "@/components/orders/filter-form";
import { ui } from "@/components/ui/styles";
import { TOPUP_STATUSES } from "@/db/enums";

type Option = { id: string | number; label: string };

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
  const value = (key: string) => params.get(key) ?? "";
  return (
    <FilterForm params={params} error={error} onApply={onApply}>
      <CommonFilterFields
        params={params}
        placeholder={t("topups.searchPlaceholder")}
        statuses={TOPUP_STATUSES}
        fromLabel={t("topups.from")}
      />
      <FilterField label={t("topups.package")}>
        <FilterSelect
          name="packageId"
          value={value("packageId")}
          any={t("topups.anyPackage")}
          options={packages.map((p) => ({ value: p.id, label: p.label }))}
        />
      </FilterField>
      {params.has("reason") && (
        <FilterField label={t("topups.failureReason")}>
          <input name="reason" defaultValue={value("reason")} className={ui.input} />
        </FilterField>
      )}
      <FilterField label={t("topups.createdBy")}>
        <FilterSelect
          name="createdBy"
          value={value("createdBy")}
          any={t("topups.anyone")}
          options={users.map((u) => ({ value: u.id, label: u.label }))}
        />
      </FilterField>
      <FilterField label={t("topups.sort")}>
        <FilterSelect
          name="sort"
          value={value("sort") || "created_desc"}
          options={[
            { value: "created_desc", label: t("topups.sortCreatedDesc") },
            { value: "created_asc", label: t("topups.sortCreatedAsc") },
            { value: "updated_desc", label: t("topups.sortUpdatedDesc") },
          ]}
        />
      </FilterField>
    </FilterForm>
  );
}
