import type { UpstreamName } from "./names";

/** The two upstreams, named once in `lib/callbacks/results.ts`. */
export type Upstream = UpstreamName;

/**
 * Every way an upstream call can fail, as types the domain can branch on. `code` is stable
 * and is what the dashboard shows a person (translated), e.g. `INSUFFICIENT_BALANCE`.
 */
export abstract class UpstreamError extends Error {
  abstract readonly kind:
    | "rejected"
    | "unauthorized"
    | "rate_limited"
    | "server_error"
    | "timeout"
    | "network"
    | "bad_response"
    | "outcome_unknown";

  constructor(
    readonly upstream: Upstream,
    readonly code: string,
    message: string,
    readonly httpStatus: number | null = null,
  ) {
    super(message);
  }

  /** Worth another try for a read: the same request may well succeed in a moment. */
  get transient(): boolean {
    return ["rate_limited", "server_error", "timeout", "network", "bad_response"].includes(
      this.kind,
    );
  }
}

/** The upstream answered with an error code of its own (a 4xx with an envelope). */
export class UpstreamRejectedError extends UpstreamError {
  readonly kind = "rejected";
  override name = "UpstreamRejectedError";
  constructor(
    upstream: Upstream,
    code: string,
    message: string,
    httpStatus: number,
    readonly body: Record<string, unknown> = {},
  ) {
    super(upstream, code, message, httpStatus);
  }
}

export class UpstreamUnauthorizedError extends UpstreamError {
  readonly kind = "unauthorized";
  override name = "UpstreamUnauthorizedError";
  constructor(upstream: Upstream, httpStatus: number, upstreamCode = "UNAUTHORIZED") {
    super(
      upstream,
      "UPSTREAM_UNAUTHORIZED",
      `${upstream} refused our credentials (${upstreamCode})`,
      httpStatus,
    );
  }
}

export class UpstreamRateLimitedError extends UpstreamError {
  readonly kind = "rate_limited";
  override name = "UpstreamRateLimitedError";
  constructor(
    upstream: Upstream,
    readonly retryAfterMs: number | null,
  ) {
    super(upstream, "UPSTREAM_RATE_LIMITED", `${upstream} asked us to slow down`, 429);
  }
}

export class UpstreamServerError extends UpstreamError {
  readonly kind = "server_error";
  override name = "UpstreamServerError";
  constructor(upstream: Upstream, httpStatus: number, upstreamCode?: string) {
    super(
      upstream,
      "UPSTREAM_SERVER_ERROR",
      `${upstream} failed with HTTP ${httpStatus} ${upstreamCode ?? ""}`.trim(),
      httpStatus,
    );
  }
}

export class UpstreamTimeoutError extends UpstreamError {
  readonly kind = "timeout";
  override name = "UpstreamTimeoutError";
  constructor(
    upstream: Upstream,
    readonly timeoutMs: number,
  ) {
    super(upstream, "UPSTREAM_TIMEOUT", `${upstream} did not answer within ${timeoutMs} ms`);
  }
}

export class UpstreamNetworkError extends UpstreamError {
  readonly kind = "network";
  override name = "UpstreamNetworkError";
  constructor(
    upstream: Upstream,
    /** False when the request certainly never left (connection refused, no such host). */
    readonly requestSent: boolean,
    detail: string,
  ) {
    super(upstream, "UPSTREAM_NETWORK", `${upstream} unreachable: ${detail}`);
  }
}

export class UpstreamBadResponseError extends UpstreamError {
  readonly kind = "bad_response";
  override name = "UpstreamBadResponseError";
  constructor(upstream: Upstream, httpStatus: number | null, detail: string) {
    super(
      upstream,
      "UPSTREAM_BAD_RESPONSE",
      `${upstream} answered something we cannot read: ${detail}`,
      httpStatus,
    );
  }
}

/**
 * A create whose fate we cannot know: it may have been committed upstream (timeout after
 * sending, connection reset, 5xx, unreadable success). It is never re-sent automatically.
 */
export class OutcomeUnknownError extends UpstreamError {
  readonly kind = "outcome_unknown";
  override name = "OutcomeUnknownError";
  constructor(readonly underlying: UpstreamError) {
    super(
      underlying.upstream,
      "OUTCOME_UNKNOWN",
      `outcome unknown: ${underlying.message}`,
      underlying.httpStatus,
    );
  }
}
