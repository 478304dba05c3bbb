"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

import { getJson } from "@/lib/api/client";

/** Fetches one log entry when its row is opened; shows loading and failure in words. */
export function useLogEntry<T>(path: string, key: string) {
  const offline = useTranslations("errors")("NETWORK");
  return useQuery({
    queryKey: ["log-entry", path],
    queryFn: async (): Promise<T> => {
      return (await getJson<Record<string, T>>(path, offline))[key] as T;
    },
  });
}

export function EntryState({ pending, error }: { pending: boolean; error: Error | null }) {
  const t = useTranslations("orders");
  if (pending) return <p className="text-sm text-slate-500">{t("loading")}</p>;
  if (error)
    return (
      <p role="alert" className="text-sm text-red-700">
        {error.message}
      </p>
    );
  return null;
}

/** A stored body, pretty-printed, or why it is not there. */
export function BodyBlock({
  title,
  body,
  prunedAt,
  testId,
}: {
  title: string;
  body: string | null;
  prunedAt: string | null;
  testId?: string;
}) {
  const t = useTranslations("logs");
  return (
    <div className="space-y-1">
      <h4 className="text-xs font-semibold text-slate-600 uppercase">{title}</h4>
      {body === null || (prunedAt && body === "") ? (
        <p className="text-sm text-slate-500">{prunedAt ? t("bodyPruned") : t("noBody")}</p>
      ) : (
        <pre
          data-testid={testId}
          className="max-h-96 overflow-auto rounded bg-slate-50 p-3 font-mono text-xs whitespace-pre-wrap"
        >
          {body}
        </pre>
      )}
    </div>
  );
}

/** Label–value pairs of an opened entry. */
export function Facts({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
      {items.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-500">{label}</dt>
          <dd className="text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
