import { hmacHex, safeEqualHex } from "@/lib/upstream/hmac";

/** docs/upstreams.md, gateway (documented): X-SIGNATURE = HMAC-SHA256(PAYOUT_SECRET, the exact body bytes). */
export function payoutSignature(secret: string, body: string | Buffer): string {
  return hmacHex(secret, body);
}

export function verifyPayoutSignature(
  secret: string,
  rawBody: string | Buffer,
  header: string | null,
): boolean {
  return safeEqualHex(payoutSignature(secret, rawBody), header);
}

/** The query body with its fields in the documented order; serialize once, sign, send. */
export function withdrawQueryBody(fields: {
  merchantId: string;
  token: string;
  time: number;
  platformOrderId: string;
}): string {
  return JSON.stringify({
    merchant_id: fields.merchantId,
    token: fields.token,
    time: fields.time,
    platform_order_id: fields.platformOrderId,
  });
}

/** Callbacks and queries more than this far from our clock are refused (docs/upstreams.md, gateway). */
export const PAYOUT_TIME_WINDOW_S = 300;
