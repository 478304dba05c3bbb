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

// One clock for every cell: the current minute, ticking once a minute (none on the server).
const subscribeMinutes = (tick: () => void) => {
  const timer = setInterval(tick, 60_000);
  return () => clearInterval(timer);
};
const currentMinute = () => Math.floor(Date.now() / 60_000) * 60_000;

/** How long an item has waited, coloured against the SLA from the settings; ticks each minute. */
export function AgeCell({ openedAt, slaHours }: { openedAt: string; slaHours: number }) {
  const t = useTranslations("queue");
  const now = useSyncExternalStore(subscribeMinutes, currentMinute, () => null);
  const opened = new Date(openedAt);
  const minutes = now === null ? 0 : Math.max(0, Math.floor((now - opened.getTime()) / 60_000));
  const level = now === null ? "ok" : slaLevel(opened, new Date(now), slaHours);
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
