/**
 * Whether the browser marks a request as sent from another site's page (`Sec-Fetch-Site`,
 * which a page cannot set). Scripts send no such header and are not marked. One rule for
 * the API's mutating routes (`lib/api/respond.ts`) and for server actions (`proxy.ts`).
 */
export function markedCrossSite(headers: Headers): boolean {
  const site = headers.get("sec-fetch-site");
  return Boolean(site) && site !== "same-origin" && site !== "none";
}
