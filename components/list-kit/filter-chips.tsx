"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";

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
  const active = [...params.entries()].filter(([key, v]) => !NOT_FILTERS.has(key) && v !== "");
  return (
    <ChipList
      chips={active.map(([key, value]) => ({
        key,
        label: words.labels[key] ?? key,
        said: words.describe?.(key, value) ?? value,
      }))}
      remove={(key) => {
        const next = new URLSearchParams(params);
        next.delete(key);
        // An hour belongs to its day: without the day it means nothing.
        if (key === "from") next.delete("hour");
        onApply(next);
      }}
    />
  );
}

/** A filter in force as a chip shows: its key, its label and the value in words. */
export type Chip = { key: string; label: string; said: string; href?: string };

/**
 * The chips themselves, for a list in the browser (`remove`) or a page rendered on the
 * server, whose chips are links to the page without each (`href`).
 */
export function ChipList({ chips, remove }: { chips: Chip[]; remove?: (key: string) => void }) {
  const t = useTranslations("orders");
  if (chips.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-2" aria-label={t("activeFilters")} data-testid="filter-chips">
      {chips.map(({ key, label, said, href }) => {
        const content = (
          <>
            <span>
              <span className="text-indigo-700">{label}:</span> {said}
            </span>
            <span aria-hidden className="text-base leading-none">
              ×
            </span>
          </>
        );
        const common = {
          className: ui.chip,
          "aria-label": t("removeFilter", { filter: `${label}: ${said}` }),
          "data-chip": key,
        };
        return (
          <li key={key}>
            {href ? (
              <Link href={href} {...common}>
                {content}
              </Link>
            ) : (
              <button type="button" {...common} onClick={() => remove?.(key)}>
                {content}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
