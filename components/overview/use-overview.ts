"use client";

import { useQuery } from "@tanstack/react-query";

import { useThrottledLiveRefresh } from "@/components/live-changes";
import type { OverviewJson } from "@/lib/overview/overview";

/** After a change, the overview refreshes at most this often (a busy hour is many changes). */
const MIN_GAP_MS = 3_000;
/** Ages and silence move with the clock alone: refresh this often even when nothing changes. */
const IDLE_REFRESH_MS = 30_000;

/** The server refused the range (its message is already in the person's language). */
export class OverviewError extends Error {}

/**
 * The overview's figures for a range, live: any order's change refreshes them (throttled,
 * leading and trailing edge), and the server shares one computation among every tab.
 */
export function useOverview(from: string, to: string) {
  const result = useQuery({
    queryKey: ["overview", from, to],
    queryFn: async (): Promise<OverviewJson> => {
      const search = new URLSearchParams();
      if (from) search.set("from", from);
      if (to) search.set("to", to);
      const res = await fetch(`/api/overview?${search.toString()}`, { cache: "no-store" });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as {
          error?: { message?: string };
        } | null;
        throw new OverviewError(body?.error?.message ?? String(res.status));
      }
      return (await res.json()) as OverviewJson;
    },
    placeholderData: (previous) => previous,
    refetchInterval: IDLE_REFRESH_MS,
    retry: (count, error) => !(error instanceof OverviewError) && count < 2,
  });

  useThrottledLiveRefresh(["topup", "withdrawal"], ["overview"], MIN_GAP_MS);
  return result;
}
