import "server-only";

import type { CallRecorder } from "@/lib/upstream/call-log";
import {
  UpstreamBadResponseError,
  UpstreamRateLimitedError,
  UpstreamServerError,
  UpstreamUnauthorizedError,
} from "@/lib/upstream/errors";
import { type CallContext, exchange } from "@/lib/upstream/exchange";
import { type HttpResponse, retryAfterMs } from "@/lib/upstream/http";
import { READ_RETRY, type RetryPolicy, withRetry } from "@/lib/upstream/retry";

import { payoutRejection } from "./errors";
import { isPlatformOrderId } from "./platform-order-id";
import { payoutEnvelopeSchema, withdrawDataSchema } from "./schemas";
import { payoutSignature, withdrawQueryBody } from "./signing";
import { type PayoutWithdrawal, toWithdrawal } from "./transform";

export type PayoutConfig = {
  baseUrl: string;
  merchantId: string;
  token: string;
  secret: string;
  timeoutMs: number;
  readRetry?: RetryPolicy;
  /** Unix seconds; injectable for tests of the time window. */
  clock?: () => number;
};

export class InvalidPlatformOrderIdError extends Error {
  override name = "InvalidPlatformOrderIdError";
  readonly code = "INVALID_PLATFORM_ORDER_ID";
}

function interpret(response: HttpResponse): PayoutWithdrawal {
  const { status } = response;
  let json: unknown;
  try {
    json = JSON.parse(response.text);
  } catch {
    if (status >= 500) throw new UpstreamServerError("payout", status);
    throw new UpstreamBadResponseError("payout", status, "body is not JSON");
  }
  const envelope = payoutEnvelopeSchema.safeParse(json);
  if (!envelope.success) {
    if (status >= 500) throw new UpstreamServerError("payout", status);
    throw new UpstreamBadResponseError("payout", status, "body is not the gateway envelope");
  }
  const { code, message = "", success, data } = envelope.data;
  if (status === 401 || code === 401)
    throw new UpstreamUnauthorizedError("payout", status, message || "unauthorized");
  if (status === 429) throw new UpstreamRateLimitedError("payout", retryAfterMs(response.headers));
  if (status >= 500) throw new UpstreamServerError("payout", status, message);
  if (!success || status >= 400)
    throw payoutRejection(message, status, json as Record<string, unknown>);
  const parsed = withdrawDataSchema.safeParse(data);
  if (!parsed.success)
    throw new UpstreamBadResponseError("payout", status, "withdraw data is missing fields");
  return toWithdrawal(parsed.data, status);
}

export class PayoutClient {
  readonly #config: PayoutConfig;
  readonly #recorder: CallRecorder;

  constructor(config: PayoutConfig, recorder: CallRecorder) {
    this.#config = config;
    this.#recorder = recorder;
  }

  /** POST /withdraw/query, a signed read retried on transient failures. */
  async queryWithdrawal(platformOrderId: string, context: CallContext): Promise<PayoutWithdrawal> {
    if (!isPlatformOrderId(platformOrderId)) throw new InvalidPlatformOrderIdError(platformOrderId);
    const url = new URL(`${this.#config.baseUrl.replace(/\/+$/, "")}/withdraw/query`);
    const clock = this.#config.clock ?? (() => Math.floor(Date.now() / 1000));
    return withRetry((attempt) => {
      // A fresh `time` (and so a fresh signature) on every attempt: the window is 300 s.
      const body = withdrawQueryBody({
        merchantId: this.#config.merchantId,
        token: this.#config.token,
        time: clock(),
        platformOrderId,
      });
      return exchange({
        upstream: "payout",
        operation: "withdraw_query",
        targetId: platformOrderId,
        request: {
          method: "POST",
          url: url.toString(),
          headers: {
            "content-type": "application/json",
            "x-signature": payoutSignature(this.#config.secret, body),
          },
          body,
          timeoutMs: this.#config.timeoutMs,
        },
        interpret: (response) => {
          const withdrawal = interpret(response);
          if (withdrawal.platformOrderId !== platformOrderId) {
            throw new UpstreamBadResponseError(
              "payout",
              response.status,
              "answer is for another order",
            );
          }
          return withdrawal;
        },
        attempt,
        context,
        recorder: this.#recorder,
        secrets: [this.#config.secret, this.#config.token],
      });
    }, this.#config.readRetry ?? READ_RETRY);
  }
}
