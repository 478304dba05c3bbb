"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";

import { useLiveChanges } from "@/components/live-changes";
import type { OverviewJson } from "@/lib/overview/overview";

/** After a change, the overview refreshes at most this often (a busy hour is many changes). */
const MIN_GAP_MS = 3_000;
/** Ages and silence move with the clock alone: refresh this often even when nothing changes. */
const IDLE_REFRESH_MS = 30_000;

export class OverviewError extends Error {
  constructor(message: string) {
    super(message);
  }
}

/**
 * The overview's figures for a range, live: any order's change refreshes them (throttled,
 * leading and trailing edge), and the server shares one computation among every tab.
 */
export function useOverview(from: string, to: string) {
  const client = useQueryClient();
  const queryKey = ["overview", from, to];
  const result = useQuery({
    queryKey,
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

  const last = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  useLiveChanges(["topup", "withdrawal"], () => {
    const refresh = () => {
      last.current = Date.now();
      timer.current = null;
      void client.invalidateQueries({ queryKey: ["overview"] });
    };
    const wait = last.current + MIN_GAP_MS - Date.now();
    if (wait <= 0) refresh();
    else if (!timer.current) timer.current = setTimeout(refresh, wait);
  });
  return result;
}
