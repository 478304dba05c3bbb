import type { Db } from "@/db/client";
import { insertCallback, type ReceivedCallback } from "@/db/queries/callbacks";
import type { CallbackHeaders } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { errorBody, localeOf } from "@/lib/i18n/translate";
import { getEnv } from "@/lib/env";
import { clientIp } from "@/lib/request-ip";

import type { CallbackWorker } from "./worker";

/**
 * What verifying a callback came to: a verified row to store (and then answer 200), or a
 * refusal (stored whole while under the flood bound, `callbackId` null when only counted).
 */
export type Verdict =
  | { status: 200; row: ReceivedCallback }
  | { status: 400 | 401; code: string; callbackId: number | null; field?: string };

/** One upstream's callback: how it is verified, and how a stored one is applied. */
export type WebhookSource<D extends { db: Db }> = {
  receive: (deps: D, request: Request, input: { rawBody: string; ip: string }) => Promise<Verdict>;
  process: (deps: D, callbackId: number) => Promise<string>;
};

/**
 * Where a verified callback goes: `store` resolves with the row's id once it is committed
 * (only then may the webhook answer 2xx) and sees that the worker will take it.
 */
export type CallbackIntake = { store: (row: ReceivedCallback) => Promise<number> };

/** Intake on this thread's own connection, waking a worker in this thread (tests). */
export function localIntake(db: () => Db, worker: Pick<CallbackWorker, "wake">): CallbackIntake {
  return {
    store: async (row) => {
      const id = await insertCallback(db(), row);
      worker.wake();
      return id;
    },
  };
}

/** Callback bodies larger than this are refused (413) before anything is stored. */
const MAX_CALLBACK_BYTES = 16 * 1024;

/**
 * The one shape of both webhook routes: read the raw body (bounded), verify it, store it and
 * answer 2xx only once the row is committed; the worker takes the row from the database
 * (nothing waits in memory). A refusal is answered in the API's error shape, translated,
 * with `success: false` for the gateway.
 */
export function webhookHandler<D extends { db: Db }>(
  source: WebhookSource<D>,
  deps: () => D,
  intake: () => CallbackIntake,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const rawBody = await readRawBody(request, MAX_CALLBACK_BYTES);
    if (rawBody === null) return refusal(request, new AppError("PAYLOAD_TOO_LARGE", 413));
    const verdict = await source.receive(deps(), request, {
      rawBody,
      ip: clientIp((name) => request.headers.get(name), getEnv().TRUSTED_PROXIES),
    });
    if (verdict.status !== 200) {
      // A body that is JSON but not the callback's shape: the field at fault, else the body.
      const params: Record<string, string> =
        verdict.code === "VALIDATION" ? { field: verdict.field ?? "body" } : {};
      return refusal(request, new AppError(verdict.code, verdict.status, params));
    }
    await intake().store(verdict.row);
    return Response.json({ success: true });
  };
}

/** What is kept of a callback's request headers: never a credential's value. */
export function callbackHeaders(request: Request, credential: string | null): CallbackHeaders {
  const clip = (value: string | null) => (value === null ? null : value.slice(0, 200));
  return {
    contentType: clip(request.headers.get("content-type")),
    userAgent: clip(request.headers.get("user-agent")),
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
