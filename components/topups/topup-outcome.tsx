"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";

import { useLiveChanges } from "@/components/live-changes";
import { StatusBadge } from "@/components/status-badge";
import { Button, LinkButton } from "@/components/ui/button";
import { ui } from "@/components/ui/styles";
import { getJson } from "@/lib/api/client";
import { isFinal } from "@/lib/orders/status-machine";
import { TOPUP_MACHINE } from "@/lib/topups/topup-status";

import type { Outcome } from "./new-topup-types";

type Current = { status: string; reason: string | null };

/** Until the order is final: every change the live feed reports, and every 5 s besides. */
const FALLBACK_POLL_MS = 5_000;

/**
 * The answer to a sent top-up (accepted and pending, outcome unknown, or an earlier send
 * replayed) and the order's status now, which follows the order until it is final.
 */
export function TopupOutcome({
  outcome,
  onAnother,
}: {
  outcome: Exclude<Outcome, { kind: "rejected" }>;
  onAnother: () => void;
}) {
  const t = useTranslations();
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => panel.current?.focus(), []);
  const { data, refetch } = useQuery({
    queryKey: ["topup-outcome", outcome.refId],
    queryFn: async () =>
      (
        await getJson<{ topup: Current }>(
          `/api/topups/${encodeURIComponent(outcome.refId)}`,
          t("errors.NETWORK"),
        )
      ).topup,
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return isFinal(TOPUP_MACHINE, status) ? false : FALLBACK_POLL_MS;
    },
  });
  useLiveChanges("topup", () => void refetch(), [outcome.refId]);
  const text =
    outcome.kind === "pending"
      ? t("newTopup.resultPending", { refId: outcome.refId })
      : outcome.kind === "unknown"
        ? t("newTopup.resultUnknown", { refId: outcome.refId })
        : t("newTopup.resultReplayed", { refId: outcome.refId });
  return (
    <div
      ref={panel}
      tabIndex={-1}
      className={`${ui.card} outline-none`}
      data-outcome={outcome.kind}
    >
      <p role="status" className={outcome.kind === "unknown" ? ui.error : ui.success}>
        {text}
      </p>
      <p
        className="mt-3 flex items-center gap-2 text-sm"
        data-testid="outcome-status"
        aria-live="polite"
      >
        <span className="text-slate-500">{t("newTopup.statusNow")}</span>
        <StatusBadge status={data?.status ?? null} />
        {data?.reason && <span className="text-slate-600">{data.reason}</span>}
      </p>
      <div className="mt-4 flex gap-2">
        <LinkButton href={`/topups/${outcome.refId}`}>{t("newTopup.openDetail")}</LinkButton>
        <Button type="button" variant="secondary" onClick={onAnother}>
          {t("newTopup.another")}
        </Button>
      </div>
    </div>
  );
}
