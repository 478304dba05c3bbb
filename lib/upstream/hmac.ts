import { createHmac, timingSafeEqual } from "node:crypto";

/** Lowercase hex HMAC-SHA256, the signature form both upstreams use. */
export function hmacHex(key: string, message: string | Buffer): string {
  return createHmac("sha256", key).update(message).digest("hex");
}

/**
 * The only form a signature or token is accepted in: exactly 64 lower-case hex characters,
 * as the contract writes them. Upper case, a stray extra character or any other spelling is
 * refused before comparing (decoding first would let `…0` or `…ABC` through).
 */
const CANONICAL_HEX = /^[0-9a-f]{64}$/;

/** Constant-time comparison of a received signature with the expected one. */
export function safeEqualHex(expected: string, actual: string | null | undefined): boolean {
  if (typeof actual !== "string" || !CANONICAL_HEX.test(actual)) return false;
  return timingSafeEqual(Buffer.from(expected, "latin1"), Buffer.from(actual, "latin1"));
}
