import type { Db } from "@/db/client";
import {
  insertCallback,
  type ReceivedCallback,
  storeRefusedCallback,
} from "@/db/queries/callbacks";
import type { CallbackHeaders } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { errorBody, localeOf } from "@/lib/i18n/translate";
import { getEnv } from "@/lib/env";
import { instruments } from "@/lib/metrics/instruments";
import { clientIp } from "@/lib/request-ip";

import type { UpstreamName } from "./results";

/** The request headers a callback's verification or its log may read (lower case). */
const DELIVERY_HEADERS = ["content-type", "user-agent", "x-signature"] as const;

/**
 * One callback as it arrived, in plain data (it crosses to the callback thread): the
 * address it was posted to (P2W's token is in the query), the headers above, the raw body
 * and the sender's address.
 */
export type CallbackDelivery = {
  url: string;
  headers: Partial<Record<(typeof DELIVERY_HEADERS)[number], string>>;
  rawBody: string;
  ip: string;
};

/**
 * What verifying a callback came to: a verified row to store (and then answer 200), or a
 * refusal (stored whole while under the flood bound, `callbackId` null when only counted).
 */
export type Verdict =
  | { status: 200; row: ReceivedCallback }
  | { status: 400 | 401; code: string; callbackId: number | null; field?: string };

/** What both upstreams' verifications keep of a delivery, accepted or refused. */
export type DeliveryRow = {
  upstream: UpstreamName;
  rawBody: string;
  ip: string;
  headers: CallbackHeaders;
};

/**
 * How both upstreams refuse a delivery, in one shape: stored as refused (while under the
 * flood bound) with the ids it named and, for a body that is not the callback's shape, the
 * field at fault, which the answer names too.
 */
export function refuseDelivery(db: Db, row: DeliveryRow) {
  return async (
    status: 400 | 401,
    code: string,
    verification: string,
    named: { entityId?: string; orderId?: string; field?: string } = {},
  ): Promise<Verdict> => {
    const { field, ...ids } = named;
    return {
      status,
      code,
      field,
      callbackId: await storeRefusedCallback(db, {
        ...row,
        ...ids,
        verification,
        result: "rejected",
        detail: field ? `invalid ${field}` : null,
      }),
    };
  };
}

/** The field a body that is not the callback's shape got wrong first (`body` for none). */
export const badField = (error: { issues: { path: PropertyKey[] }[] }) =>
  error.issues[0]?.path.map(String).join(".") || "body";

/** One upstream's callback: how it is verified, and how a stored one is applied. */
export type WebhookSource<D extends { db: Db }> = {
  receive: (deps: D, delivery: CallbackDelivery) => Promise<Verdict>;
  process: (deps: D, callbackId: number) => Promise<string>;
};

/** What the webhook answers: 200 once the row is committed, or the refusal's code. */
export type Outcome = { status: 200 } | { status: 400 | 401; code: string; field?: string };

/** Where a delivery goes to be verified and stored (the callback thread; tests: this one). */
export type CallbackIntake = {
  deliver: (upstream: UpstreamName, delivery: CallbackDelivery) => Promise<Outcome>;
};

/**
 * Verifies one delivery and stores it: a refusal as such, a verified callback as `received`
 * (committed before this resolves, with those that arrive together), after which `stored`
 * wakes the worker. What the callback thread does with each delivery, and the tests too.
 */
export async function receiveDelivery<D extends { db: Db }>(
  source: WebhookSource<D>,
  deps: D,
  delivery: CallbackDelivery,
  stored: () => void,
): Promise<Outcome> {
  const verdict = await source.receive(deps, delivery);
  if (verdict.status !== 200)
    return { status: verdict.status, code: verdict.code, field: verdict.field };
  await insertCallback(deps.db, verdict.row);
  stored();
  return { status: 200 };
}

/** One upstream's receiving end: verifies and stores a delivery with its source and deps. */
export type Receiver = (delivery: CallbackDelivery, stored: () => void) => Promise<Outcome>;

export function receiver<D extends { db: Db }>(source: WebhookSource<D>, deps: () => D): Receiver {
  return (delivery, stored) => receiveDelivery(source, deps(), delivery, stored);
}

/** Intake on this thread (tests): each upstream's receiver, waking this worker. */
export function localIntake(
  receivers: Partial<Record<UpstreamName, Receiver>>,
  worker: { wake(): void },
): CallbackIntake {
  return {
    deliver: async (upstream, delivery) => {
      const receive = receivers[upstream];
      if (!receive) throw new Error(`no receiver for ${upstream}`);
      return receive(delivery, () => worker.wake());
    },
  };
}

/** Callback bodies larger than this are refused (413) before anything is stored. */
export const MAX_CALLBACK_BYTES = 16 * 1024;

/**
 * The one shape of both webhook routes: read the raw body (bounded) and hand it to the
 * intake, which verifies it and stores it; answer 2xx only once the row is committed (the
 * worker then takes it from the database: nothing waits in memory). A refusal is answered
 * in the API's error shape, in the sender's language, with `success: false` for the gateway.
 */
export function webhookHandler(
  upstream: UpstreamName,
  intake: () => CallbackIntake,
): (request: Request) => Promise<Response> {
  const { callbacksReceived } = instruments();
  return async (request) => {
    const rawBody = await readRawBody(request, MAX_CALLBACK_BYTES);
    if (rawBody === null) {
      callbacksReceived.inc({ upstream, outcome: "refused", reason: "payload_too_large" });
      return refusal(request, new AppError("PAYLOAD_TOO_LARGE", 413));
    }
    const headers: CallbackDelivery["headers"] = {};
    for (const name of DELIVERY_HEADERS) {
      const value = request.headers.get(name);
      if (value !== null) headers[name] = value;
    }
    const outcome = await intake()
      .deliver(upstream, {
        url: request.url,
        headers,
        rawBody,
        ip: clientIp((name) => request.headers.get(name), getEnv().TRUSTED_PROXIES),
      })
      .catch((error: unknown) => {
        callbacksReceived.inc({ upstream, outcome: "error", reason: "" });
        throw error;
      });
    callbacksReceived.inc(
      outcome.status === 200
        ? { upstream, outcome: "accepted", reason: "" }
        : { upstream, outcome: "refused", reason: outcome.code.toLowerCase() },
    );
    if (outcome.status !== 200) {
      // A body that is JSON but not the callback's shape: the field at fault, else the body.
      const params: Record<string, string> =
        outcome.code === "VALIDATION" ? { field: outcome.field ?? "body" } : {};
      return refusal(request, new AppError(outcome.code, outcome.status, params));
    }
    return Response.json({ success: true });
  };
}

/** What is kept of a callback's request headers: never a credential's value. */
export function callbackHeaders(
  delivery: CallbackDelivery,
  credential: string | null,
): CallbackHeaders {
  const clip = (value: string | undefined) => (value === undefined ? null : value.slice(0, 200));
  return {
    contentType: clip(delivery.headers["content-type"]),
    userAgent: clip(delivery.headers["user-agent"]),
    signature: credential ? "present" : "missing",
  };
}

/** The raw body, or null when it is larger than allowed (answered 413). */
async function readRawBody(request: Request, maxBytes: number): Promise<string | null> {
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) return null;
  const text = await request.text();
  return Buffer.byteLength(text) > maxBytes ? null : text;
}

function refusal(request: Request, error: AppError): Response {
  return Response.json(
    { success: false, ...errorBody(error, localeOf(request)) },
    { status: error.status },
  );
}
