"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { useLiveChanges } from "@/components/live-changes";

/**
 * The navigation's count of what waits for a manager (open items and approvals), rendered
 * by the server and kept live: any order's change refetches it.
 */
export function ReviewCountBadge({ initial }: { initial: number }) {
  const t = useTranslations("queue");
  const client = useQueryClient();
  const { data } = useQuery({
    queryKey: ["review", "count"],
    queryFn: async () => {
      const res = await fetch("/api/review/count", { cache: "no-store" });
      if (!res.ok) throw new Error(String(res.status));
      return ((await res.json()) as { open: number }).open;
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
