"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { ui } from "@/components/ui/styles";
import type { ActionResult } from "@/lib/actions/authorized-action";

/** Re-queries one order through the given server action and refreshes the page. */
export function RequeryButton<I>({
  action,
  input,
}: {
  action: (input: I) => Promise<ActionResult<{ status: string }>>;
  input: I;
}) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        className={ui.buttonSecondary}
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await action(input);
            setMessage(
              result.ok
                ? {
                    ok: true,
                    text: t("orders.requeryDone", { status: t(`status.${result.data.status}`) }),
                  }
                : { ok: false, text: result.error.message },
            );
            router.refresh();
          })
        }
      >
        {pending ? t("orders.requerying") : t("orders.requery")}
      </button>
      {message && (
        <span
          role={message.ok ? "status" : "alert"}
          className={message.ok ? "text-sm text-emerald-700" : "text-sm text-red-700"}
        >
          {message.text}
        </span>
      )}
    </span>
  );
}
