import "server-only";

import { AppError } from "@/lib/errors";
import type { ListName } from "@/lib/orders/list-keys";
import { type InitialPage, listQuery, loadListState } from "@/lib/orders/list-url";

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * A list's first page, read on the server for the HTML (the browser then keeps it live as
 * before). A filter the API would refuse renders no page: the browser asks, and shows the
 * refusal beside its field as it always has.
 */
export async function firstPage<P>(
  name: ListName,
  searchParams: SearchParams,
  read: (params: URLSearchParams) => Promise<P>,
): Promise<InitialPage<P> | undefined> {
  const query = listQuery(name, loadListState(name, await searchParams));
  try {
    return { query, data: await read(new URLSearchParams(query)) };
  } catch (error) {
    if (error instanceof AppError && error.status < 500) return undefined;
    throw error;
  }
}
