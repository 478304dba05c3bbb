"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";

import { Button } from "@/components/ui/button";
import { revealAccountAction } from "@/lib/actions/withdrawals";

/**
 * A withdrawal's account, masked as the page opens (it may be on a screen in a public
 * place); a person who may see it asks for the full number and name, and that view is
 * audited on the server.
 */
export function AccountReveal({
  platformOrderId,
  masked,
  canReveal,
}: {
  platformOrderId: string;
  masked: { accountNo: string; accountName: string };
  canReveal: boolean;
}) {
  const t = useTranslations("withdrawals");
  const [pending, start] = useTransition();
  const [full, setFull] = useState<{ accountNo: string; accountName: string } | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const shown = full ?? masked;
  return (
    <span className="inline-flex flex-wrap items-center gap-x-3 gap-y-1" data-testid="account">
      <span className="font-mono" data-testid="account-no">
        {shown.accountNo}
      </span>
      <span data-testid="account-name">{shown.accountName}</span>
      {canReveal && !full && (
        <Button
          type="button"
          variant="secondary"
          size="sm"
          disabled={pending}
          onClick={() =>
            start(async () => {
              const result = await revealAccountAction({ platformOrderId });
              if (result.ok) setFull(result.data);
              else setRefused(result.error.message);
            })
          }
        >
          {t("showAccount")}
        </Button>
      )}
      {full && (
        <span role="status" className="text-xs text-slate-500">
          {t("fullShownNote")}
        </span>
      )}
      {refused && (
        <span role="alert" className="text-sm text-red-700">
          {refused}
        </span>
      )}
    </span>
  );
}
