"use client";

import { useTranslations } from "next-intl";

import { SelectField } from "@/components/ui/field";
import { ENTITY_KINDS } from "@/db/enums";
import { CLAIM_FILTERS } from "@/lib/review/outcomes";

/** Kind, who holds it, and open or decided: each change goes into the URL at once. */
export function QueueFilters({
  params,
  onChange,
}: {
  params: URLSearchParams;
  onChange: (change: Record<string, string | null>) => void;
}) {
  const t = useTranslations("queue");
  return (
    <div className="flex flex-wrap items-end gap-4" data-testid="queue-filters">
      <SelectField
        label={t("kindFilter")}
        value={params.get("kind") ?? ""}
        onChange={(kind) => onChange({ kind: kind || null })}
        empty={t("anyKind")}
        options={ENTITY_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
      />
      <SelectField
        label={t("claimedFilter")}
        value={params.get("claimed") ?? "any"}
        onChange={(claimed) => onChange({ claimed: claimed === "any" ? null : claimed })}
        options={CLAIM_FILTERS.map((c) => ({ value: c, label: t(`claimed.${c}`) }))}
      />
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={params.get("resolved") === "1"}
          onChange={(e) => onChange({ resolved: e.target.checked ? "1" : null })}
        />
        {t("showResolved")}
      </label>
    </div>
  );
}
