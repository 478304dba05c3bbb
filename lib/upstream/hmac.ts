import { createHmac, timingSafeEqual } from "node:crypto";

/** Lowercase hex HMAC-SHA256, the signature form both upstreams use. */
export function hmacHex(key: string, message: string | Buffer): string {
  return createHmac("sha256", key).update(message).digest("hex");
}

/** Constant-time comparison of two hex signatures; anything malformed is simply unequal. */
export function safeEqualHex(expected: string, actual: string | null | undefined): boolean {
  if (typeof actual !== "string" || !/^[0-9a-f]+$/i.test(actual)) return false;
  const a = Buffer.from(expected.toLowerCase(), "hex");
  const b = Buffer.from(actual.toLowerCase(), "hex");
  return a.length === b.length && a.length > 0 && timingSafeEqual(a, b);
}
