import { hmacHex, safeEqualHex } from "@/lib/upstream/hmac";

/**
 * P2W callbacks carry no signature of their own (docs/upstreams.md, P2W), so each order's hookURL carries
 * `?token=` = HMAC-SHA256(WEBHOOK_SECRET, refID); a callback must match its body's refID.
 */
export function hookToken(webhookSecret: string, refId: string): string {
  return hmacHex(webhookSecret, refId);
}

export function verifyHookToken(
  webhookSecret: string,
  refId: string,
  token: string | null,
): boolean {
  return safeEqualHex(hookToken(webhookSecret, refId), token);
}

export function hookUrl(callbackUrl: string, webhookSecret: string, refId: string): string {
  const url = new URL("/api/webhooks/p2w", callbackUrl);
  url.searchParams.set("token", hookToken(webhookSecret, refId));
  return url.toString();
}
