"use client";

import { useTranslations } from "next-intl";

import { ui } from "@/components/ui/styles";
import { wordsOf } from "@/lib/i18n/words";

/** How a list names its filters on chips: each key's label and, where a code needs them, words. */
export type ChipWords = {
  labels: Record<string, string>;
  describe?: (key: string, value: string) => string | undefined;
};

/** An hour of the day as the filters name it: "09:00–09:59". */
export const hourLabel = (hour: string | number) => {
  const h = String(hour).padStart(2, "0");
  return `${h}:00–${h}:59`;
};

/**
 * Chip words for an order list: what every order list filters on (text, status, days, hour,
 * "needs review"), and the list's own keys (`own`), which win.
 */
export function useOrderChipWords(fromLabel: string, own: ChipWords): ChipWords {
  const t = useTranslations();
  const words = wordsOf(t);
  return {
    labels: {
      q: t("orders.search"),
      status: t("orders.filterStatus"),
      from: fromLabel,
      to: t("orders.rangeTo"),
      hour: t("orders.hour"),
      review: t("orders.needsReview"),
      ...own.labels,
    },
    describe: (key, value) =>
      own.describe?.(key, value) ??
      (key === "status"
        ? value.split(",").map(words.status).join(" + ")
        : key === "hour"
          ? hourLabel(value)
          : key === "review"
            ? t("orders.yes")
            : undefined),
  };
}

/** Keys that shape the page rather than filter it: no chip. */
const NOT_FILTERS = new Set(["sort", "cursor", "limit"]);

/**
 * The filters in force, one removable chip each ("Status: Failed ×"): removing one shows the
 * list without it and keeps the others.
 */
export function FilterChips({
  params,
  words,
  onApply,
}: {
  params: URLSearchParams;
  words: ChipWords;
  onApply: (next: URLSearchParams) => void;
}) {
  const t = useTranslations("orders");
  const active = [...params.entries()].filter(([key, v]) => !NOT_FILTERS.has(key) && v !== "");
  if (active.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-2" aria-label={t("activeFilters")} data-testid="filter-chips">
      {active.map(([key, value]) => {
        const label = words.labels[key] ?? key;
        const said = words.describe?.(key, value) ?? value;
        return (
          <li key={key}>
            <button
              type="button"
              className={ui.chip}
              aria-label={t("removeFilter", { filter: `${label}: ${said}` })}
              data-chip={key}
              onClick={() => {
                const next = new URLSearchParams(params);
                next.delete(key);
                // An hour belongs to its day: without the day it means nothing.
                if (key === "from") next.delete("hour");
                onApply(next);
              }}
            >
              <span>
                <span className="text-indigo-700">{label}:</span> {said}
              </span>
              <span aria-hidden className="text-base leading-none">
                ×
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
