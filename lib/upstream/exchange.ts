import { logger } from "@/lib/logger";
import { instruments } from "@/lib/metrics/instruments";

import { type CallRecorder, redact } from "./call-log";
import { type Upstream, UpstreamError } from "./errors";
import { type HttpRequest, type HttpResponse, send } from "./http";

export type CallContext = {
  /** Who caused the call: `user:12`, `system:reconciler`, `system:callback`, `check:user:3`. */
  actor: string;
  /** One attempt, no retries: a connectivity check wants to see the first answer. */
  once?: boolean;
};

export type Exchange<T> = {
  upstream: Upstream;
  operation: string;
  targetId: string | null;
  request: HttpRequest;
  /** Turns the answer into a value, or throws the matching UpstreamError. */
  interpret: (response: HttpResponse) => T;
  attempt: number;
  context: CallContext;
  recorder: CallRecorder;
  /** Values to blank out of the recorded request and response. */
  secrets: readonly string[];
};

/** Sends one request, interprets the answer, and records the exchange, whatever happened. */
export async function exchange<T>(x: Exchange<T>): Promise<T> {
  const started = performance.now();
  let response: HttpResponse | undefined;
  let failure: unknown;
  try {
    response = await send(x.upstream, x.request);
    return x.interpret(response);
  } catch (error) {
    failure = error;
    throw error;
  } finally {
    const path = new URL(x.request.url).pathname;
    const durationMs = performance.now() - started;
    instruments().upstreamDuration.observe(
      { upstream: x.upstream, operation: x.operation, outcome: failure ? "error" : "ok" },
      durationMs / 1000,
    );
    try {
      await x.recorder({
        upstream: x.upstream,
        operation: x.operation,
        targetId: x.targetId,
        actor: x.context.actor,
        attempt: x.attempt,
        httpStatus: response?.status ?? null,
        durationMs: Math.round(durationMs),
        outcome: failure ? "error" : "ok",
        errorCode: failure
          ? failure instanceof UpstreamError
            ? failure.code
            : "UNEXPECTED"
          : null,
        request: redact(
          `${x.request.method} ${path}${x.request.body ? `\n${x.request.body}` : ""}`,
          x.secrets,
        ),
        response: redact(response?.text, x.secrets),
      });
    } catch (error) {
      // The call itself must not fail because its record could not be written.
      logger.error("could not record an upstream call", {
        upstream: x.upstream,
        operation: x.operation,
        error,
      });
    }
  }
}
