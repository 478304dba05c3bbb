"use client";

import { useTranslations } from "next-intl";

import { ui } from "@/components/ui/styles";
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
      <label className="text-sm">
        <span className={ui.label}>{t("kindFilter")}</span>
        <select
          className={ui.input}
          value={params.get("kind") ?? ""}
          onChange={(e) => onChange({ kind: e.target.value || null })}
        >
          <option value="">{t("anyKind")}</option>
          {ENTITY_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        <span className={ui.label}>{t("claimedFilter")}</span>
        <select
          className={ui.input}
          value={params.get("claimed") ?? "any"}
          onChange={(e) => onChange({ claimed: e.target.value === "any" ? null : e.target.value })}
        >
          {CLAIM_FILTERS.map((c) => (
            <option key={c} value={c}>
              {t(`claimed.${c}`)}
            </option>
          ))}
        </select>
      </label>
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
