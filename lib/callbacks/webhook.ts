import type { Db } from "@/db/client";
import type { CallbackHeaders } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { errorBody, localeOf } from "@/lib/i18n/translate";
import { getEnv } from "@/lib/env";
import { clientIp } from "@/lib/request-ip";

import type { CallbackWorker } from "./worker";

/**
 * What receiving a callback came to: 200 once the row is committed, else a refusal (stored
 * whole while under the flood bound, `callbackId` null when it was only counted).
 */
export type Receipt =
  | { status: 200; code: "OK"; callbackId: number }
  | { status: 400 | 401; code: string; callbackId: number | null; field?: string };

/** One upstream's callback: how it is verified and stored, and how a stored one is applied. */
export type WebhookSource<D extends { db: Db }> = {
  receive: (deps: D, request: Request, input: { rawBody: string; ip: string }) => Promise<Receipt>;
  process: (deps: D, callbackId: number) => Promise<string>;
};

/** Callback bodies larger than this are refused (413) before anything is stored. */
const MAX_CALLBACK_BYTES = 16 * 1024;

/**
 * The one shape of both webhook routes: read the raw body (bounded), verify and store it,
 * answer 2xx only once the row is committed, then wake the callback worker, which takes the
 * row from the database (nothing waits in memory). A refusal is answered in the API's error
 * shape, translated, with `success: false` for the gateway.
 */
export function webhookHandler<D extends { db: Db }>(
  source: WebhookSource<D>,
  deps: () => D,
  worker: () => Pick<CallbackWorker, "wake">,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const rawBody = await readRawBody(request, MAX_CALLBACK_BYTES);
    if (rawBody === null) return refusal(request, new AppError("PAYLOAD_TOO_LARGE", 413));
    const d = deps();
    const receipt = await source.receive(d, request, {
      rawBody,
      ip: clientIp((name) => request.headers.get(name), getEnv().TRUSTED_PROXIES),
    });
    if (receipt.status !== 200) {
      // A body that is JSON but not the callback's shape: the field at fault, else the body.
      const params: Record<string, string> =
        receipt.code === "VALIDATION" ? { field: receipt.field ?? "body" } : {};
      return refusal(request, new AppError(receipt.code, receipt.status, params));
    }
    worker().wake();
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
