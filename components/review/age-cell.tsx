"use client";

import { useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";

import { ui } from "@/components/ui/styles";
import { formatDateTime } from "@/lib/format";
import { slaLevel } from "@/lib/review/outcomes";

const COLOR = {
  ok: "text-slate-700",
  near: "bg-amber-50 text-amber-900",
  late: "bg-red-50 font-semibold text-red-800",
} as const;

// One clock for every cell: the current minute, ticking once a minute.
const subscribeMinutes = (tick: () => void) => {
  const timer = setInterval(tick, 60_000);
  return () => clearInterval(timer);
};
const minuteOf = (ms: number) => Math.floor(ms / 60_000) * 60_000;
const currentMinute = () => minuteOf(Date.now());

/**
 * How long an item has waited, coloured against the SLA from the settings; ticks each minute.
 * `renderedAt` is the instant the server rendered the page: the HTML and the browser's first
 * render both count from it (so they agree), then the browser's own clock takes over.
 */
export function AgeCell({
  openedAt,
  slaHours,
  renderedAt,
}: {
  openedAt: string;
  slaHours: number;
  renderedAt: number;
}) {
  const t = useTranslations("queue");
  const now = useSyncExternalStore(subscribeMinutes, currentMinute, () => minuteOf(renderedAt));
  const opened = new Date(openedAt);
  const minutes = Math.max(0, Math.floor((now - opened.getTime()) / 60_000));
  const level = slaLevel(opened, new Date(now), slaHours);
  return (
    <td
      className={`${ui.td} tabular-nums ${COLOR[level]}`}
      data-sla={level}
      title={formatDateTime(opened)}
    >
      {t("ageValue", { hours: Math.floor(minutes / 60), minutes: minutes % 60 })}
      {level === "late" && <span className="sr-only"> {t("pastSla")}</span>}
    </td>
  );
}
