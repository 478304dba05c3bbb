import { createLoader, createSerializer, parseAsString } from "nuqs/server";

import { LIST_KEYS, type ListName } from "./list-keys";

/** Each list's URL keys as nuqs parsers: values stay text; the API's schema judges them. */
export const LIST_PARSERS = Object.fromEntries(
  Object.entries(LIST_KEYS).map(([name, keys]) => [
    name,
    Object.fromEntries(keys.map((key) => [key, parseAsString])),
  ]),
) as Record<ListName, Record<string, typeof parseAsString>>;

export type ListState = Record<string, string | null>;

/** A list's first page rendered on the server: the query it answered and its data. */
export type InitialPage<P> = { query: string; data: P };

/**
 * The query string a list sends its API for the state its page URL holds — the same text on
 * the server (the first page rendered with the HTML) and in the browser (react-query's key),
 * so the browser takes the server's page as its own.
 */
export function listQuery(name: ListName, state: ListState): string {
  return createSerializer(LIST_PARSERS[name])(state).replace(/^\?/, "");
}

/** A page's `searchParams` as the list's state (unknown keys dropped). */
export function loadListState(
  name: ListName,
  searchParams: Record<string, string | string[] | undefined>,
): ListState {
  return createLoader(LIST_PARSERS[name])(searchParams);
}
