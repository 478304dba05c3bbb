"use client";

import { useTranslations } from "next-intl";

import { REVIEW_ITEM_REASONS } from "@/db/enums";

/** The queue's tabs: every item, then one per reason, each with its live count. */
export function ReasonTabs({
  reason,
  counts,
  onChoose,
}: {
  reason: string | null;
  counts: Partial<Record<string, number>>;
  onChoose: (reason: string | null) => void;
}) {
  const t = useTranslations("queue");
  const total = Object.values(counts).reduce<number>((a, b) => a + (b ?? 0), 0);
  return (
    <div role="tablist" aria-label={t("reasons")} className="flex flex-wrap gap-1">
      {[null, ...REVIEW_ITEM_REASONS].map((r) => (
        <button
          key={r ?? "all"}
          type="button"
          role="tab"
          aria-selected={reason === r}
          data-reason={r ?? "all"}
          onClick={() => onChoose(r)}
          className={`rounded-md px-3 py-1.5 text-sm font-medium ${
            reason === r
              ? "bg-indigo-600 text-white"
              : "bg-white text-slate-700 ring-1 ring-slate-300"
          }`}
        >
          {r ? t(`reason.${r}`) : t("all")}{" "}
          <span className="tabular-nums" data-testid={`count-${r ?? "all"}`}>
            {r ? (counts[r] ?? 0) : total}
          </span>
        </button>
      ))}
    </div>
  );
}
