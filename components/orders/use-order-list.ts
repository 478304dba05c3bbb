"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { createSerializer, parseAsString, useQueryStates } from "nuqs";
import { useMemo } from "react";

import { type Change, useLiveChanges } from "@/components/live-changes";
import { getJson, retryUnlessRefused } from "@/components/ui/send-json";
import { LIST_KEYS, type ListName } from "@/lib/orders/list-keys";

export type Page<T> = { items: T[]; nextCursor: string | null };

/** Each list's URL keys as nuqs parsers: values stay text; the API's schema judges them. */
const PARSERS = Object.fromEntries(
  Object.entries(LIST_KEYS).map(([name, keys]) => [
    name,
    Object.fromEntries(keys.map((key) => [key, parseAsString])),
  ]),
) as Record<ListName, Record<string, typeof parseAsString>>;

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
  },
) {
  const { alsoType, keys } = options;
  const parsers = PARSERS[keys];
  const [state, setState] = useQueryStates(parsers, { history: "push" });
  const params = useMemo(
    () => new URLSearchParams(createSerializer(parsers)(state).replace(/^\?/, "")),
    [parsers, state],
  );
  const query = params.toString();
  const client = useQueryClient();
  const offline = useTranslations("errors")("NETWORK");
  const result = useQuery({
    queryKey: [type, "list", endpoint, query],
    // A refused filter (400) is shown at once beside its field, not retried.
    queryFn: () => getJson<P>(`${endpoint}?${query}`, offline),
    retry: retryUnlessRefused,
    placeholderData: (previous) => previous,
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
