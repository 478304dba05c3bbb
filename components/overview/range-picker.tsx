"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, useSyncExternalStore } from "react";

import { ui } from "@/components/ui/styles";
import { presetDays, presetOf, RANGE_PRESETS } from "@/lib/overview/range";
import { Button } from "@/components/ui/button";

const subscribe = () => () => undefined;

/**
 * Today (the default), yesterday, the last seven days, or any Bangkok days: the choice lives
 * in the URL, so a reload or a shared link shows the same range.
 */
export function RangePicker({
  from,
  to,
  onChange,
}: {
  from: string;
  to: string;
  onChange: (range: { from: string; to: string } | null) => void;
}) {
  const t = useTranslations("overview.range");
  // The clock is read on the client only, after hydration (the server's day may differ).
  const now = useSyncExternalStore(
    subscribe,
    () => Math.floor(Date.now() / 60_000),
    () => null,
  );
  const today = now === null ? null : new Date(now * 60_000);
  const active = today && from ? presetOf({ from, to }, today) : from ? null : "today";
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const f = String(data.get("from") ?? "");
    const l = String(data.get("to") ?? "") || f;
    // No start day: back to today (the browser's own "required" bubble would speak its language).
    onChange(f ? { from: f, to: l } : null);
  }
  return (
    <div className="flex flex-wrap items-end gap-3">
      <div role="group" aria-label={t("label")} className="inline-flex rounded-md shadow-sm">
        {RANGE_PRESETS.map((preset, i) => (
          <button
            key={preset}
            type="button"
            aria-pressed={active === preset}
            onClick={() => today && onChange(preset === "today" ? null : presetDays(preset, today))}
            className={`px-3 py-2 text-sm font-medium ring-1 ring-slate-300 ring-inset ${
              i === 0
                ? "rounded-l-md"
                : i === RANGE_PRESETS.length - 1
                  ? "-ml-px rounded-r-md"
                  : "-ml-px"
            } ${active === preset ? "bg-indigo-600 text-white" : "bg-white text-slate-700 hover:bg-slate-50"}`}
          >
            {t(preset)}
          </button>
        ))}
      </div>
      <form
        key={`${from}|${to}`}
        onSubmit={submit}
        className="flex flex-wrap items-end gap-2"
        noValidate
      >
        <label className="space-y-1">
          <span className={ui.label}>{t("from")}</span>
          <input type="date" name="from" defaultValue={from} className={ui.input} />
        </label>
        <label className="space-y-1">
          <span className={ui.label}>{t("to")}</span>
          <input type="date" name="to" defaultValue={to} className={ui.input} />
        </label>
        <Button type="submit" variant="secondary">
          {t("apply")}
        </Button>
      </form>
    </div>
  );
}
