"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { useThrottledLiveRefresh } from "@/components/live-changes";
import { getJson, retryUnlessRefused } from "@/lib/api/client";
import type { OverviewJson } from "@/lib/overview/overview";

/** After a change, the overview refreshes at most this often (a busy hour is many changes). */
const MIN_GAP_MS = 3_000;
/** Ages and silence move with the clock alone: refresh this often even when nothing changes. */
const IDLE_REFRESH_MS = 30_000;

/**
 * The overview's figures for a range, live: any order's change refreshes them (throttled,
 * leading and trailing edge), and the server shares one computation among every tab.
 */
export function useOverview(from: string, to: string) {
  const offline = useTranslations("errors")("NETWORK");
  const result = useQuery({
    queryKey: ["overview", from, to],
    queryFn: async (): Promise<OverviewJson> => {
      const search = new URLSearchParams();
      if (from) search.set("from", from);
      if (to) search.set("to", to);
      // A refused range comes back with its message already in the person's language.
      return getJson<OverviewJson>(`/api/overview?${search.toString()}`, offline);
    },
    placeholderData: (previous) => previous,
    refetchInterval: IDLE_REFRESH_MS,
    retry: retryUnlessRefused,
  });

  useThrottledLiveRefresh(["topup", "withdrawal"], ["overview"], MIN_GAP_MS);
  return result;
}
