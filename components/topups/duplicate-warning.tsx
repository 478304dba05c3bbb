"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

import { StatusBadge } from "@/components/status-badge";
import { TextLink } from "@/components/ui/button";
import { earlierTopupAction } from "@/lib/actions/topups";
import { formatDateTime } from "@/lib/format";
import type { EarlierTopup } from "@/lib/topups/earlier-topup";

import type { Draft } from "./new-topup-types";

/**
 * Asks the server, once the confirm step opens, whether this player was topped up with this
 * package within the duplicate-submit window. `clear` is false while an earlier order is
 * shown and the person has not said they checked it.
 */
export function useEarlierTopup(draft: Draft) {
  const [earlier, setEarlier] = useState<EarlierTopup | null>(null);
  const [checked, setChecked] = useState(false);
  const [answered, setAnswered] = useState(false);
  const { packageId, info, key } = draft;
  useEffect(() => {
    let current = true;
    void earlierTopupAction({
      packageId,
      topupInfo: info,
      ...(key ? { idempotencyKey: key } : {}),
    }).then((answer) => {
      // A failed question never blocks a send: the warning is a help, not a gate.
      if (!current) return;
      setEarlier(answer.ok ? answer.data : null);
      setAnswered(true);
    });
    return () => {
      current = false;
    };
  }, [packageId, info, key]);
  return { earlier, answered, checked, setChecked, clear: earlier === null || checked };
}

export function DuplicateWarning({
  earlier,
  checked,
  onChecked,
}: {
  earlier: EarlierTopup;
  checked: boolean;
  onChecked: (checked: boolean) => void;
}) {
  const t = useTranslations("newTopup");
  return (
    <div
      role="alert"
      className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
      data-testid="duplicate-warning"
    >
      <p>
        {t("duplicateWarning", {
          minutes: earlier.windowMinutes,
          time: formatDateTime(earlier.createdAt),
          by: earlier.createdBy ?? "—",
        })}{" "}
        <StatusBadge status={earlier.status} />
      </p>
      <TextLink href={`/topups/${earlier.refId}`} target="_blank" tone="underlined" mono>
        {t("duplicateOpen", { refId: earlier.refId })}
      </TextLink>
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={checked} onChange={(e) => onChecked(e.target.checked)} />
        {t("duplicateConfirm")}
      </label>
    </div>
  );
}
