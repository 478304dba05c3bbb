"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from "react";

import { type ChipWords, FilterChips, useOrderChipWords } from "@/components/list-kit/filter-chips";
import { Button } from "@/components/ui/button";
import { ui } from "@/components/ui/styles";
import { problemsOf } from "@/lib/api/client";

import { CommonFilterFields, HourField, Problems, SortField } from "./filter-fields";

/**
 * A list's filters as one compact line: the fields people use most (`children`), a "More
 * filters" button that opens a second line (`more`, opened by itself when one of `moreKeys`
 * is set or refused), Apply and Clear; below them a removable chip for each filter in force.
 * What the fields submit becomes the page URL (so a reload keeps it); `params` re-keys the
 * form when the URL changes.
 */
export function FilterForm({
  params,
  error,
  onApply,
  more,
  moreKeys = [],
  chips,
  children,
}: {
  params: URLSearchParams;
  /** The list's failure: a refused value is shown beside its field. */
  error?: unknown;
  onApply: (next: URLSearchParams) => void;
  more?: ReactNode;
  moreKeys?: readonly string[];
  /** The active filters' chips, each removable; without it, none. */
  chips?: ChipWords;
  children: ReactNode;
}) {
  const t = useTranslations("orders");
  const problems = problemsOf(error);
  const moreInUse = moreKeys.some((key) => params.has(key) || key in problems);
  const [opened, setOpened] = useState(false);
  const showMore = opened || moreInUse;
  // The form is made anew for each URL (its fields show the new values); the person's place
  // is kept: the field (or button) they applied from has the focus again, not the page.
  const form = useRef<HTMLFormElement>(null);
  const refocus = useRef<string | null>(null);
  const applied = params.toString();
  useEffect(() => {
    if (!refocus.current) return;
    form.current?.querySelector<HTMLElement>(refocus.current)?.focus();
    refocus.current = null;
  }, [applied]);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const from = document.activeElement;
    refocus.current =
      from instanceof HTMLInputElement && from.name ? `[name="${from.name}"]` : "[type=submit]";
    const next = new URLSearchParams();
    for (const [key, value] of new FormData(event.currentTarget).entries()) {
      if (typeof value === "string" && value.trim() !== "") next.set(key, value.trim());
    }
    onApply(next);
  }
  return (
    <form
      key={applied}
      ref={form}
      onSubmit={submit}
      aria-label={t("filters")}
      className={`${ui.card} space-y-3 px-4 py-3`}
    >
      <Problems.Provider value={problems}>
        <div className="flex flex-wrap items-end gap-x-3 gap-y-2">
          {children}
          <div className="flex items-end gap-2">
            {more && (
              <Button
                type="button"
                variant="secondary"
                aria-expanded={showMore}
                aria-controls="more-filters"
                disabled={moreInUse}
                onClick={() => setOpened(!opened)}
              >
                {t("moreFilters")}
              </Button>
            )}
            <Button type="submit">{t("apply")}</Button>
            <Button
              type="button"
              variant="secondary"
              onClick={() => onApply(new URLSearchParams())}
            >
              {t("clear")}
            </Button>
          </div>
        </div>
        {more && (
          <div
            id="more-filters"
            hidden={!showMore}
            className="flex flex-wrap items-end gap-x-3 gap-y-2 border-t border-slate-100 pt-3"
          >
            {more}
          </div>
        )}
        {chips && <FilterChips params={params} words={chips} onApply={onApply} />}
      </Problems.Provider>
    </form>
  );
}

/**
 * An order list's filters: the common first line (text, status, days), and behind "More
 * filters" the hour, the list's own fields (`more`) and its order (`sorts`, the first the
 * default). The chips name the common keys and the list's own (`chips`).
 */
export function OrderFilterForm({
  params,
  error,
  onApply,
  moreKeys,
  chips,
  more,
  sorts,
  statuses,
  placeholder,
  fromLabel,
}: {
  params: URLSearchParams;
  error?: unknown;
  onApply: (next: URLSearchParams) => void;
  moreKeys: readonly string[];
  chips: ChipWords;
  more: ReactNode;
  sorts: { value: string; label: string }[];
  statuses: readonly string[];
  placeholder: string;
  fromLabel: string;
}) {
  return (
    <FilterForm
      params={params}
      error={error}
      onApply={onApply}
      moreKeys={["hour", ...moreKeys]}
      chips={useOrderChipWords(fromLabel, chips)}
      more={
        <>
          <HourField params={params} />
          {more}
          <SortField params={params} choices={sorts} />
        </>
      }
    >
      <CommonFilterFields
        params={params}
        placeholder={placeholder}
        statuses={statuses}
        fromLabel={fromLabel}
      />
    </FilterForm>
  );
}
