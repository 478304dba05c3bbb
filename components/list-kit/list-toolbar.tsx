"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

import { Button } from "@/components/ui/button";
import { buttonVariants } from "@/components/ui/button";
import { ui } from "@/components/ui/styles";
import { ApiRefusal } from "@/lib/api/client";

import type { BulkProgress, RunFailure } from "./use-requery-runner";

/** What the bulk button does: re-query orders, or replay callbacks (the callbacks log). */
const BULK_WORDS = {
  requery: {
    run: "orders.requerySelected",
    progress: "orders.bulkProgress",
    failures: "orders.runFailures",
  },
  replay: {
    run: "logs.replaySelected",
    progress: "logs.replayProgress",
    failures: "logs.replayFailures",
  },
} as const;

/** Bulk re-query (or replay), its progress, the export link and the live indicator, above a list. */
export function ListToolbar({
  selectedCount,
  busy,
  progress,
  onRequerySelected,
  exportHref,
  bulk = "requery",
  extra,
}: {
  /** More controls beside export (the column chooser). */
  extra?: ReactNode;
  selectedCount: number | null;
  busy: boolean;
  progress: BulkProgress | null;
  onRequerySelected: () => void;
  exportHref: string | null;
  bulk?: keyof typeof BULK_WORDS;
}) {
  const t = useTranslations();
  const words = BULK_WORDS[bulk];
  return (
    <div className="flex flex-wrap items-center gap-3">
      {selectedCount !== null && (
        <Button
          type="button"
          variant="secondary"
          disabled={selectedCount === 0 || busy}
          onClick={onRequerySelected}
        >
          {t(words.run, { count: selectedCount })}
        </Button>
      )}
      {progress && (
        <span role="status" className="text-sm text-slate-600" data-testid="bulk-progress">
          {t(words.progress, progress)}
        </span>
      )}
      <span className="ml-auto" />
      {extra}
      {exportHref && (
        <a href={exportHref} className={buttonVariants({ variant: "secondary" })} download>
          {t("orders.export")}
        </a>
      )}
      <span className="inline-flex items-center gap-1 text-xs text-emerald-700">
        <span className="h-2 w-2 animate-pulse rounded-full bg-emerald-500" aria-hidden />
        {t("orders.live")}
      </span>
    </div>
  );
}

export function Pager({
  hasCursor,
  nextCursor,
  filters,
  navigate,
}: {
  hasCursor: boolean;
  nextCursor: string | null | undefined;
  filters: URLSearchParams;
  navigate: (next: URLSearchParams) => void;
}) {
  const t = useTranslations();
  return (
    <div className="flex gap-2">
      {hasCursor && (
        <Button type="button" variant="secondary" onClick={() => navigate(filters)}>
          {t("orders.firstPage")}
        </Button>
      )}
      {nextCursor && (
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            const next = new URLSearchParams(filters);
            next.set("cursor", nextCursor);
            navigate(next);
          }}
        >
          {t("common.next")}
        </Button>
      )}
    </div>
  );
}

/**
 * Every order a run could not re-query (or replay), each with its reason; with `leftOut`,
 * those it did not ask because they cannot be asked yet (a note, not an error).
 */
export function RunFailures({
  failures,
  bulk = "requery",
  leftOut = false,
}: {
  failures: RunFailure[];
  bulk?: keyof typeof BULK_WORDS;
  leftOut?: boolean;
}) {
  const t = useTranslations();
  if (failures.length === 0) return null;
  return (
    <div
      role={leftOut ? "status" : "alert"}
      className={
        leftOut
          ? "rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700 ring-1 ring-slate-200"
          : ui.error
      }
      data-testid={leftOut ? "run-left-out" : "run-failures"}
    >
      <p className="font-medium">
        {leftOut
          ? t("orders.runLeftOut", { count: failures.length })
          : t(BULK_WORDS[bulk].failures, { count: failures.length })}
      </p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {failures.map((f) => (
          <li key={f.id} data-code={f.code}>
            <span className="font-mono">{f.id}</span>: {f.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Loading, failure and empty rows of a list table. A failure says what the API said and
 * offers a retry; empty names what the list holds, and says "yet" when nothing is filtered.
 */
export function TableStates({
  pending,
  error,
  empty,
  filtered,
  noun,
  columns,
  onRetry,
}: {
  pending: boolean;
  error: Error | null;
  empty: boolean;
  filtered: boolean;
  noun: string;
  columns: number;
  onRetry: () => void;
}) {
  const t = useTranslations("orders");
  const refused = error instanceof ApiRefusal && error.status >= 400 && error.status < 500;
  if (error)
    return (
      <tr>
        <td className={`${ui.td} whitespace-normal`} colSpan={columns}>
          <div
            role="alert"
            className="flex flex-wrap items-center gap-3 text-red-700"
            data-testid="list-error"
          >
            <span>
              {refused
                ? t("filterRefused", { message: error.message })
                : t("loadFailedBecause", { message: error.message })}
            </span>
            {/* A value the person must change: trying again would only be refused again. */}
            {!refused && (
              <Button type="button" variant="secondary" onClick={onRetry}>
                {t("retry")}
              </Button>
            )}
          </div>
        </td>
      </tr>
    );
  const text = pending
    ? t("loading")
    : empty
      ? filtered
        ? t("emptyFiltered", { noun })
        : t("emptyNone", { noun })
      : null;
  if (!text) return null;
  return (
    <tr>
      <td className={`${ui.td} text-slate-600`} colSpan={columns} data-testid="list-state">
        {text}
      </td>
    </tr>
  );
}
