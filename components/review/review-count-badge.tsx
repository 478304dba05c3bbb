"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { useLiveChanges } from "@/components/live-changes";
import { getJson } from "@/lib/api/client";

/**
 * The navigation's count of what waits for a manager (open items and approvals), rendered
 * by the server and kept live: any order's change refetches it.
 */
export function ReviewCountBadge({ initial }: { initial: number }) {
  const t = useTranslations("queue");
  const client = useQueryClient();
  const offline = useTranslations("errors")("NETWORK");
  const { data } = useQuery({
    queryKey: ["review", "count"],
    queryFn: async () => {
      return (await getJson<{ open: number }>("/api/review/count", offline)).open;
    },
    initialData: initial,
    staleTime: 5_000,
  });
  const refresh = () => void client.invalidateQueries({ queryKey: ["review", "count"] });
  useLiveChanges(["topup", "withdrawal"], refresh);
  if (!data) return null;
  return (
    <span
      className="rounded-full bg-amber-700 px-2 py-0.5 text-xs font-semibold text-white tabular-nums"
      data-testid="review-count"
      aria-label={t("badge", { count: data })}
    >
      {data}
    </span>
  );
}
