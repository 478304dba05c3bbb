"use client";

import { useTranslations } from "next-intl";

import { ui } from "@/components/ui/styles";

/** Bulk replay of the selected callbacks with its progress, and the live indicator. */
export function LogToolbar({
  selectedCount,
  busy,
  progress,
  onRunSelected,
}: {
  selectedCount: number | null;
  busy: boolean;
  progress: { done: number; failed: number; total: number } | null;
  onRunSelected: () => void;
}) {
  const t = useTranslations();
  return (
    <div className="flex flex-wrap items-center gap-3">
      {selectedCount !== null && (
        <button
          type="button"
          className={ui.buttonSecondary}
          disabled={selectedCount === 0 || busy}
          onClick={onRunSelected}
        >
          {t("logs.replaySelected", { count: selectedCount })}
        </button>
      )}
      {progress && (
        <span role="status" className="text-sm text-slate-600" data-testid="bulk-progress">
          {t("logs.replayProgress", progress)}
        </span>
      )}
      <span className="ml-auto inline-flex items-center gap-1 text-xs text-emerald-700">
        <span className="h-2 w-2 animate-pulse rounded-full bg-emerald-500" aria-hidden />
        {t("orders.live")}
      </span>
    </div>
  );
}
