import { type Upstream, UpstreamNetworkError, UpstreamTimeoutError } from "./errors";

export type HttpRequest = {
  method: "GET" | "POST";
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
};

export type HttpResponse = { status: number; headers: Headers; text: string };

/** Connection errors that prove the request never reached the upstream. */
const NOT_SENT = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "ERR_INVALID_URL",
]);

function causeCode(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } }).cause;
  return typeof cause?.code === "string" ? cause.code : "UNKNOWN";
}

/**
 * One HTTP exchange with an explicit timeout covering the whole answer, body included.
 * Throws only UpstreamTimeoutError or UpstreamNetworkError; any status is returned.
 */
export async function send(upstream: Upstream, request: HttpRequest): Promise<HttpResponse> {
  const signal = AbortSignal.timeout(request.timeoutMs);
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal,
      redirect: "error",
      cache: "no-store",
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text };
  } catch (error) {
    if (signal.aborted) throw new UpstreamTimeoutError(upstream, request.timeoutMs);
    const code = causeCode(error);
    throw new UpstreamNetworkError(upstream, !NOT_SENT.has(code), code);
  }
}

/** Retry-After in milliseconds (seconds or an HTTP date), or null. */
export function retryAfterMs(headers: Headers, now = Date.now()): number | null {
  const value = headers.get("retry-after");
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
