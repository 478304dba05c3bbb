import "server-only";

import type { z } from "zod";

import type { CallRecorder } from "@/lib/upstream/call-log";
import { type EnvelopeRules, interpretEnvelope } from "@/lib/upstream/envelope";
import {
  OutcomeUnknownError,
  UpstreamBadResponseError,
  UpstreamError,
  UpstreamNetworkError,
} from "@/lib/upstream/errors";
import { type CallContext, exchange } from "@/lib/upstream/exchange";
import type { HttpResponse } from "@/lib/upstream/http";
import { readPolicy, type RetryPolicy, withRetry } from "@/lib/upstream/retry";

import { p2wRejection } from "./errors";
import { p2wEnvelopeSchema, p2wOrderSchema } from "./schemas";
import { p2wSignature } from "./signing";
import { type P2wOrder, toP2wOrder } from "./transform";

export type P2wConfig = {
  /** `P2W_API_URL`, e.g. https://vendor.p2wtopup.com/api/v1 */
  baseUrl: string;
  partnerId: string;
  secret: string;
  timeoutMs: number;
  readRetry?: RetryPolicy;
};

export type CreateOrderInput = {
  refId: string;
  packageId: string;
  topupInfo: Record<string, string>;
  hookUrl: string;
};

/** P2W's envelope (p2w-orders-api.txt); INVALID_SIGNATURE means our signature was refused. */
const P2W_ENVELOPE: EnvelopeRules<z.infer<typeof p2wEnvelopeSchema>> = {
  name: "the vendor envelope",
  unauthorized: (e) => e.code === "INVALID_SIGNATURE",
  detail: (e) => e.code,
  success: (e) => e.success,
  reject: (e, status, json) =>
    p2wRejection(e.code ?? `HTTP_${status}`, e.message ?? "", status, json),
};

function interpret(response: HttpResponse): unknown {
  return interpretEnvelope("p2w", response, p2wEnvelopeSchema, P2W_ENVELOPE).data;
}

function parseOrder(data: unknown, status: number): P2wOrder {
  const parsed = p2wOrderSchema.safeParse(data);
  if (!parsed.success)
    throw new UpstreamBadResponseError("p2w", status, "order data is missing fields");
  return toP2wOrder(parsed.data);
}

/** Failures after which a create may or may not exist upstream. */
function isAmbiguous(error: unknown): error is UpstreamError {
  if (!(error instanceof UpstreamError)) return false;
  if (error instanceof UpstreamNetworkError) return error.requestSent;
  return error.kind === "timeout" || error.kind === "server_error" || error.kind === "bad_response";
}

export class P2wClient {
  readonly #config: P2wConfig;
  readonly #recorder: CallRecorder;

  constructor(config: P2wConfig, recorder: CallRecorder) {
    this.#config = config;
    this.#recorder = recorder;
  }

  #url(path: string): URL {
    return new URL(`${this.#config.baseUrl.replace(/\/+$/, "")}${path}`);
  }

  #headers(signature: string): Record<string, string> {
    return {
      "content-type": "application/json",
      "x-partner-id": this.#config.partnerId,
      "x-signature": signature,
    };
  }

  /**
   * POST /orders, sent exactly once. The body is serialized once and those bytes are signed
   * and sent. An ambiguous failure becomes OutcomeUnknownError; nothing here retries it.
   */
  async createOrder(input: CreateOrderInput, context: CallContext): Promise<P2wOrder> {
    const body = JSON.stringify({
      refID: input.refId,
      packageID: input.packageId,
      topupInfo: input.topupInfo,
      hookURL: input.hookUrl,
    });
    const url = this.#url("/orders");
    try {
      return await exchange({
        upstream: "p2w",
        operation: "create_order",
        targetId: input.refId,
        request: {
          method: "POST",
          url: url.toString(),
          headers: this.#headers(
            p2wSignature(this.#config.secret, { method: "POST", path: url.pathname, body }),
          ),
          body,
          timeoutMs: this.#config.timeoutMs,
        },
        interpret: (response) => {
          const order = parseOrder(interpret(response), response.status);
          if (order.refId !== input.refId) {
            throw new UpstreamBadResponseError(
              "p2w",
              response.status,
              "answer is for another refID",
            );
          }
          return order;
        },
        attempt: 1,
        context,
        recorder: this.#recorder,
        secrets: [this.#config.secret],
      });
    } catch (error) {
      if (isAmbiguous(error)) throw new OutcomeUnknownError(error);
      throw error;
    }
  }

  /** GET /orders/{orderID}, a signed read, retried on transient failures. */
  async getOrder(orderId: string, context: CallContext): Promise<P2wOrder> {
    const url = this.#url(`/orders/${encodeURIComponent(orderId)}`);
    const headers = this.#headers(
      p2wSignature(this.#config.secret, { method: "GET", path: url.pathname }),
    );
    return withRetry(
      (attempt) =>
        exchange({
          upstream: "p2w",
          operation: "get_order",
          targetId: orderId,
          request: {
            method: "GET",
            url: url.toString(),
            headers,
            timeoutMs: this.#config.timeoutMs,
          },
          interpret: (response) => {
            const order = parseOrder(interpret(response), response.status);
            if (order.orderId !== orderId) {
              throw new UpstreamBadResponseError(
                "p2w",
                response.status,
                "answer is for another orderID",
              );
            }
            return order;
          },
          attempt,
          context,
          recorder: this.#recorder,
          secrets: [this.#config.secret],
        }),
      readPolicy(this.#config.readRetry, context.once),
    );
  }
}
