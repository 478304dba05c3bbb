"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

import { TextLink } from "@/components/ui/button";
import { formatDateTime } from "@/lib/format";
import type { CallbackDetailJson } from "@/lib/logs/log-view";

import { formatDuration, ResultBadge, VerificationBadge } from "./log-badges";
import { BodyBlock, EntryState, Facts, useLogEntry } from "./log-detail";

/** An opened callback: why it was refused or what processing did, its headers and body. */
export function CallbackDetail({ id, version }: { id: number; version: string }) {
  const t = useTranslations("logs");
  const entry = useLogEntry<CallbackDetailJson>(`/api/callbacks/${id}?v=${version}`, "callback");
  const c = entry.data;
  if (!c) return <EntryState pending={entry.isPending} error={entry.error} />;
  const signature = c.headers ? t(`signature.${c.headers.signature}`) : t("notRecorded");
  return (
    <div className="grid gap-4 lg:grid-cols-2" data-testid="callback-detail">
      <div className="space-y-3">
        <p className="text-sm" data-testid="callback-why">
          {c.verification === "ok" ? (
            <>
              <ResultBadge result={c.result} />{" "}
              {t.has(`resultHelp.${c.result}`) ? t(`resultHelp.${c.result}`) : ""}
            </>
          ) : (
            <>
              <VerificationBadge verification={c.verification} />{" "}
              {t(`verificationHelp.${c.verification}`)}
            </>
          )}
        </p>
        <Facts
          items={[
            [t("receivedAt"), formatDateTime(new Date(c.receivedAt))],
            [
              t("sourceIp"),
              <span key="ip" className="font-mono text-xs">
                {c.ip ?? "—"}
              </span>,
            ],
            [t("signatureLabel"), signature],
            [t("contentType"), c.headers?.contentType ?? "—"],
            [t("userAgent"), c.headers?.userAgent ?? "—"],
            [t("detail"), c.detail ?? "—"],
            [t("attempts"), c.attempts],
            [t("processingTime"), formatDuration(c.processingMs)],
            [
              t("order"),
              c.orderHref ? (
                <TextLink key="order" href={c.orderHref} mono size="xs">
                  {c.entityId}
                </TextLink>
              ) : (
                "—"
              ),
            ],
            // The gateway's callbacks name the order by its platform id only (above).
            ...(c.upstream === "p2w"
              ? [
                  [
                    t("upstreamOrderId"),
                    <span key="orderId" className="font-mono text-xs">
                      {c.orderId ?? "—"}
                    </span>,
                  ] as [string, ReactNode],
                ]
              : []),
          ]}
        />
      </div>
      <div className="space-y-2">
        <BodyBlock title={t("body")} body={c.body} prunedAt={c.prunedAt} testId="callback-body" />
        {c.masked && c.upstream === "payout" && (
          <p className="text-xs text-slate-500">{t("maskedNote")}</p>
        )}
      </div>
    </div>
  );
}
