"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useQueryStates } from "nuqs";
import { useMemo } from "react";

import { type Change, useLiveChanges } from "@/components/live-changes";
import { getJson, retryUnlessRefused } from "@/lib/api/client";
import type { ListName } from "@/lib/orders/list-keys";
import { type InitialPage, LIST_PARSERS, listQuery } from "@/lib/orders/list-url";

export type Page<T> = { items: T[]; nextCursor: string | null };

/**
 * A list whose filters live in the URL (nuqs keeps them there, so a reload or a shared link
 * keeps them), fetched from the JSON API with react-query and refetched whenever an order of
 * its kind changes anywhere.
 */
export function useOrderList<T, P extends Page<T> = Page<T>>(
  endpoint: string,
  type: Change["type"],
  options: {
    /** Which list's URL keys (`LIST_KEYS`) the page keeps. */
    keys: ListName;
    /** Another kind of order whose changes also refresh this list (the review queue: both). */
    alsoType?: Change["type"];
    /** Also refetch this often while the tab is visible (logs that grow without order changes). */
    refetchMs?: number;
    /** The first page as the server rendered it, for the query it answered (`listQuery`). */
    initial?: InitialPage<P>;
  },
) {
  const { alsoType, keys } = options;
  const parsers = LIST_PARSERS[keys];
  const [state, setState] = useQueryStates(parsers, { history: "push" });
  const query = listQuery(keys, state);
  const params = useMemo(() => new URLSearchParams(query), [query]);
  const client = useQueryClient();
  const offline = useTranslations("errors")("NETWORK");
  const result = useQuery({
    queryKey: [type, "list", endpoint, query],
    // A refused filter (400) is shown at once beside its field, not retried.
    queryFn: () => getJson<P>(`${endpoint}?${query}`, offline),
    retry: retryUnlessRefused,
    placeholderData: (previous) => previous,
    // The server's page is shown at once but counts as stale: the browser reads it again
    // when it mounts, so a change between the server's read and the start of the live feed
    // (which only reports what happens after it starts) is not missed.
    ...(options.initial?.query === query
      ? { initialData: options.initial.data, initialDataUpdatedAt: 0 }
      : {}),
    refetchInterval: options.refetchMs,
  });
  const refresh = () => void client.invalidateQueries({ queryKey: [type, "list"] });
  useLiveChanges(alsoType ? [type, alsoType] : type, refresh);

  const filters = new URLSearchParams(params);
  filters.delete("cursor");
  /** Show the page these parameters describe: every key of the list is set or cleared. */
  const navigate = (next: URLSearchParams) =>
    void setState(Object.fromEntries(Object.keys(parsers).map((key) => [key, next.get(key)])));
  return { ...result, params, filters, navigate, refresh };
}
