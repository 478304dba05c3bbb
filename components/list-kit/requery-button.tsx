"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import type { ActionResult } from "@/lib/actions/authorized-action";
import { Button } from "@/components/ui/button";

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
      <Button
        type="button"
        variant="secondary"
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
      </Button>
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
