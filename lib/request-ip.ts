type HeaderGetter = (name: string) => string | null | undefined;

/**
 * The client address as the nearest proxy reports it. The dashboard is meant to sit
 * behind one reverse proxy that sets X-Forwarded-For; the first entry is the client.
 */
export function clientIp(get: HeaderGetter): string {
  const forwarded = get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || get("x-real-ip")?.trim() || "unknown";
}
