"use client";

import { useTranslations } from "next-intl";

import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/lib/format";
import type { ReviewItemJson } from "@/lib/review/review-view";

import { useReviewAction } from "./use-review-action";

/**
 * Who is on an item: "Claim" when no one is, "Release" when it is me, the holder and since
 * when otherwise (a claim older than the timeout may be taken over: the server decides).
 */
export function ClaimControl({
  item,
  me,
  canAct,
}: {
  item: ReviewItemJson;
  me: number;
  canAct: boolean;
}) {
  const t = useTranslations("queue");
  const action = useReviewAction();
  if (item.resolvedAt) return null;
  const holder = item.claimedBy;
  const mine = holder?.id === me;
  return (
    <div className="flex flex-col items-start gap-1" data-testid={`claim-${item.id}`}>
      {holder && !mine && (
        <span className="text-xs text-amber-800" data-claimed-by={holder.name}>
          {t("heldBy", { name: holder.name, since: formatDateTime(item.claimedAt) })}
        </span>
      )}
      {mine && <span className="text-xs text-emerald-800">{t("heldByMe")}</span>}
      {canAct && (
        <Button
          type="button"
          variant="secondary"
          disabled={action.busy}
          onClick={() => void action.send(`/api/review/${item.id}/${mine ? "release" : "claim"}`)}
        >
          {mine ? t("release") : holder ? t("takeOver") : t("claim")}
        </Button>
      )}
      {action.error && (
        <p role="alert" className="max-w-xs text-xs whitespace-normal text-red-700">
          {action.error}
        </p>
      )}
    </div>
  );
}
