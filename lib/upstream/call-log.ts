import type { Upstream } from "./errors";

/** One upstream exchange as recorded in the upstream-calls table (already redacted). */
export type UpstreamCall = {
  upstream: Upstream;
  operation: string;
  targetId: string | null;
  actor: string;
  attempt: number;
  httpStatus: number | null;
  durationMs: number;
  outcome: "ok" | "error";
  errorCode: string | null;
  request: string | null;
  response: string | null;
};

export type CallRecorder = (call: UpstreamCall) => Promise<void>;

const MAX_RECORDED = 4_000;

/**
 * Removes every secret from text about to be stored: the given secret values wherever they
 * appear, JSON fields named like credentials, and `token=` query parameters (hookURLs).
 */
export function redact(text: string | null | undefined, secrets: readonly string[]): string | null {
  if (text === null || text === undefined) return null;
  let out = text;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join("[redacted]");
  out = out
    .replace(
      /("(?:token|secret|password|signature|x-signature)"\s*:\s*)"[^"]*"/gi,
      '$1"[redacted]"',
    )
    .replace(/([?&]token=)[^&"\s]*/gi, "$1[redacted]");
  return out.length > MAX_RECORDED ? `${out.slice(0, MAX_RECORDED)}…[truncated]` : out;
}
