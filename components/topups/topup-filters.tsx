"use client";

import { useTranslations } from "next-intl";

import { FilterField, SelectFilter } from "@/components/list-kit/filter-fields";
import { OrderFilterForm } from "@/components/list-kit/filter-form";
import { ui } from "@/components/ui/styles";
import { TOPUP_STATUSES } from "@/db/enums";
import { wordsOf } from "@/lib/i18n/words";

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
  const words = wordsOf(t);
  const value = (key: string) => params.get(key) ?? "";
  const labelOf = (options: Option[], id: string) =>
    options.find((o) => String(o.id) === id)?.label;
  return (
    <OrderFilterForm
      params={params}
      error={error}
      onApply={onApply}
      moreKeys={["packageId", "createdBy", "reason"]}
      fromLabel={t("topups.from")}
      placeholder={t("topups.searchPlaceholder")}
      statuses={TOPUP_STATUSES}
      chips={{
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
      }}
      sorts={[
        { value: "created_desc", label: t("topups.sortCreatedDesc") },
        { value: "created_asc", label: t("topups.sortCreatedAsc") },
        { value: "updated_desc", label: t("topups.sortUpdatedDesc") },
      ]}
      more={
        <>
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
        </>
      }
    />
  );
}
