"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { usePathname, useRouter, useSearchParams } from "next/navigation";

import { type Change, useLiveChanges } from "@/components/live-changes";
import { getJson, retryUnlessRefused } from "@/components/ui/send-json";

export type Page<T> = { items: T[]; nextCursor: string | null };

/**
 * A list whose filters live in the URL (a reload keeps them), fetched from the JSON API with
 * react-query and refetched whenever an order of its kind changes anywhere.
 */
export function useOrderList<T, P extends Page<T> = Page<T>>(
  endpoint: string,
  type: Change["type"],
  options: {
    /** Another kind of order whose changes also refresh this list (the review queue: both). */
    alsoType?: Change["type"];
    /** Also refetch this often while the tab is visible (logs that grow without order changes). */
    refetchMs?: number;
  } = {},
) {
  const { alsoType } = options;
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
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
  const navigate = (next: URLSearchParams) =>
    router.push(`${pathname}${next.size > 0 ? `?${next.toString()}` : ""}`);
  return { ...result, params, filters, navigate, refresh };
}
