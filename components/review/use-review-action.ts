"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { ApiRefusal, sendJson } from "@/lib/api/client";

/**
 * Sends one review action to the JSON API and, once it is answered, refreshes whatever shows
 * review state (the queue, the badge, a server-rendered detail page). Keeps the refusal's
 * message, in the person's language, for the form to show.
 */
export function useReviewAction<T = unknown>() {
  const t = useTranslations("queue");
  const client = useQueryClient();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function send(url: string, body: unknown = {}): Promise<T | null> {
    setBusy(true);
    setError(null);
    try {
      const result = await sendJson<T>("POST", url, body, t("offline"));
      return result;
    } catch (caught) {
      setError(caught instanceof ApiRefusal ? caught.message : t("offline"));
      return null;
    } finally {
      setBusy(false);
      void client.invalidateQueries({ queryKey: ["topup", "list"] });
      void client.invalidateQueries({ queryKey: ["review"] });
      router.refresh();
    }
  }
  return { send, busy, error, setError };
}
