"use client";

import { useTranslations } from "next-intl";

import type { UpstreamCallJson } from "@/lib/logs/log-view";

import { BodyBlock, EntryState, useLogEntry } from "./log-detail";

type CallDetailJson = UpstreamCallJson & {
  request: string | null;
  response: string | null;
  masked: boolean;
};

/** An opened upstream call: its request and response as recorded (secrets redacted). */
export function CallDetail({ id }: { id: number }) {
  const t = useTranslations("logs");
  const entry = useLogEntry<CallDetailJson>(`/api/upstream-calls/${id}`, "call");
  const c = entry.data;
  if (!c) return <EntryState pending={entry.isPending} error={entry.error} />;
  return (
    <div className="space-y-2" data-testid="call-detail">
      <div className="grid gap-4 lg:grid-cols-2">
        <BodyBlock title={t("request")} body={c.request} prunedAt={c.prunedAt} />
        <BodyBlock title={t("response")} body={c.response} prunedAt={c.prunedAt} />
      </div>
      <p className="text-xs text-slate-500">
        {t("redactedNote")} {c.masked && c.upstream === "payout" ? t("maskedNote") : ""}
      </p>
    </div>
  );
}
