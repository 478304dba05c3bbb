import { hmacHex } from "@/lib/upstream/hmac";

/**
 * docs/upstreams.md, P2W "Request signing" (assumed: the vendor's Authentication page is not available).
 * This function is the whole assumption: POST signs the exact body bytes sent, GET signs the
 * URL path as sent (base path prefix included). Change it here when the vendor confirms.
 */
export function p2wSignature(
  secret: string,
  request: { method: "GET" | "POST"; path: string; body?: string },
): string {
  return hmacHex(secret, request.method === "POST" ? (request.body ?? "") : request.path);
}
