import type { z } from "zod";

import {
  type Upstream,
  UpstreamBadResponseError,
  UpstreamRateLimitedError,
  UpstreamServerError,
  UpstreamUnauthorizedError,
} from "./errors";
import { type HttpResponse, retryAfterMs } from "./http";

/** What differs between the two vendors' envelopes; the order of the checks does not. */
export type EnvelopeRules<E> = {
  /** Named in the error when a body is not the envelope, e.g. "the vendor envelope". */
  name: string;
  /** Whether the answer says our credentials or signature were refused. */
  unauthorized: (envelope: E, status: number) => boolean;
  /** The upstream's own word for what went wrong, kept on the error. */
  detail: (envelope: E) => string | undefined;
  success: (envelope: E) => boolean;
  /** The typed rejection of a 4xx or `success: false` answer. */
  reject: (envelope: E, status: number, json: Record<string, unknown>) => Error;
};

/**
 * Reads an upstream answer through its envelope and throws the UpstreamError it amounts to:
 * unreadable (5xx → server error, else bad response), credentials refused, rate limited
 * (with Retry-After), server error, or the vendor's rejection. Returns the envelope of a
 * successful answer. Both clients call this; only their rules differ.
 */
export function interpretEnvelope<E>(
  upstream: Upstream,
  response: HttpResponse,
  schema: z.ZodType<E>,
  rules: EnvelopeRules<E>,
): E {
  const { status } = response;
  let json: unknown;
  try {
    json = JSON.parse(response.text);
  } catch {
    if (status >= 500) throw new UpstreamServerError(upstream, status);
    throw new UpstreamBadResponseError(upstream, status, "body is not JSON");
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    if (status >= 500) throw new UpstreamServerError(upstream, status);
    throw new UpstreamBadResponseError(upstream, status, `body is not ${rules.name}`);
  }
  const envelope = parsed.data;
  if (status === 401 || rules.unauthorized(envelope, status))
    throw new UpstreamUnauthorizedError(upstream, status, rules.detail(envelope) || undefined);
  if (status === 429) throw new UpstreamRateLimitedError(upstream, retryAfterMs(response.headers));
  if (status >= 500) throw new UpstreamServerError(upstream, status, rules.detail(envelope));
  if (!rules.success(envelope) || status >= 400)
    throw rules.reject(envelope, status, json as Record<string, unknown>);
  return envelope;
}
