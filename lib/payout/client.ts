import "server-only";

import type { z } from "zod";

import type { CallRecorder } from "@/lib/upstream/call-log";
import { type EnvelopeRules, interpretEnvelope } from "@/lib/upstream/envelope";
import { UpstreamBadResponseError } from "@/lib/upstream/errors";
import { type CallContext, exchange } from "@/lib/upstream/exchange";
import type { HttpResponse } from "@/lib/upstream/http";
import { readPolicy, type RetryPolicy, withRetry } from "@/lib/upstream/retry";

import { payoutRejection } from "./errors";
import { isPlatformOrderId } from "./platform-order-id";
import { payoutEnvelopeSchema, payoutWithdrawalSchema } from "./schemas";
import { payoutSignature, withdrawQueryBody } from "./signing";
import { type PayoutWithdrawal, toPayoutWithdrawal } from "./transform";

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

/** The gateway's envelope (docs/upstreams.md, gateway): `code` 401 means our credentials were refused. */
const PAYOUT_ENVELOPE: EnvelopeRules<z.infer<typeof payoutEnvelopeSchema>> = {
  name: "the gateway envelope",
  unauthorized: (e) => e.code === 401,
  detail: (e) => e.message || (e.code === 401 ? "unauthorized" : undefined),
  success: (e) => e.success,
  reject: (e, status, json) => payoutRejection(e.message ?? "", status, json),
};

function interpret(response: HttpResponse): PayoutWithdrawal {
  const { data } = interpretEnvelope("payout", response, payoutEnvelopeSchema, PAYOUT_ENVELOPE);
  const parsed = payoutWithdrawalSchema.safeParse(data);
  if (!parsed.success)
    throw new UpstreamBadResponseError(
      "payout",
      response.status,
      "withdraw data is missing fields",
    );
  return toPayoutWithdrawal(parsed.data, response.status);
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
    return withRetry(
      (attempt) => {
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
      },
      readPolicy(this.#config.readRetry, context.once),
    );
  }
}
