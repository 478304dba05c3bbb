import "server-only";

import { getLocale } from "next-intl/server";
import { NextResponse } from "next/server";
import { ZodError } from "zod";

import { markedCrossSite } from "@/lib/cross-site";
import { isLocale } from "@/lib/i18n/config";
import { errorBody, localeOf, translateErrorIn } from "@/lib/i18n/translate";
import { getEnv } from "@/lib/env";
import { AppError, fromZod } from "@/lib/errors";
import { logger } from "@/lib/logger";

/** An error's message in the language of the request being served (actions, pages). */
export async function translateError(error: AppError): Promise<string> {
  const locale = await getLocale();
  return translateErrorIn(isLocale(locale) ? locale : "th", error);
}

/** What a person may be told about anything thrown; the rest is logged, not shown. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) return fromZod(error);
  logger.error("unhandled error", { error });
  return new AppError("INTERNAL", 500);
}

/** Turns anything thrown into `{"error":{"code","message"}}` in the request's language. */
function errorResponse(error: unknown, request: Request): NextResponse {
  const appError = toAppError(error);
  return NextResponse.json(errorBody(appError, localeOf(request)), { status: appError.status });
}

type Handler<C> = (request: Request, context: C) => Promise<Response>;

const SAFE_METHODS = ["GET", "HEAD", "OPTIONS"];

/**
 * A request that changes something must come from our own pages or from a script, never
 * from another site's page carrying the person's cookie: a browser says where a request
 * comes from (`Sec-Fetch-Site`, `Origin`), and a body must be JSON, which a foreign page
 * cannot send without asking first (a plain form or `text/plain` post can).
 */
function refuseCrossSite(request: Request): AppError | null {
  if (SAFE_METHODS.includes(request.method)) return null;
  const origin = request.headers.get("origin");
  const ours = [new URL(request.url).origin, new URL(getEnv().NEXTAUTH_URL).origin];
  if (markedCrossSite(request.headers) || (origin && !ours.includes(origin)))
    return new AppError("CROSS_SITE", 403);
  const hasBody =
    Number(request.headers.get("content-length") ?? 0) > 0 ||
    request.headers.has("transfer-encoding");
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (hasBody && type !== "application/json") return new AppError("JSON_REQUIRED", 403);
  return null;
}

/**
 * Wraps a route handler: a cross-site or non-JSON mutating request is refused before it
 * runs, and every failure becomes a proper error body.
 */
export function route<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      const refused = refuseCrossSite(request);
      if (refused) throw refused;
      return await handler(request, context);
    } catch (error) {
      return errorResponse(error, request);
    }
  };
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];

/**
 * Handlers for the methods a route lacks. Next answers those 405 with an empty body; these
 * answer in the API's error shape, and OPTIONS names only the methods the route has.
 * Usage: `export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");`
 */
export function otherMethods(
  ...allowed: Method[]
): Record<Method | "OPTIONS", (request: Request) => Promise<Response>> {
  const allow = [...allowed, ...(allowed.includes("GET") ? ["HEAD"] : []), "OPTIONS"].join(", ");
  const refuse = async (request: Request) => {
    const response = errorResponse(new AppError("METHOD_NOT_ALLOWED", 405, { allow }), request);
    response.headers.set("Allow", allow);
    return response;
  };
  const options = async () => new Response(null, { status: 204, headers: { Allow: allow } });
  return {
    ...(Object.fromEntries(METHODS.map((method) => [method, refuse])) as Record<
      Method,
      typeof refuse
    >),
    OPTIONS: options,
  };
}

/** Reads a JSON body of bounded size; a bad one is a 400, a huge one a 413. */
export async function readJson(request: Request, maxBytes = 64 * 1024): Promise<unknown> {
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE", 413);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("BAD_JSON", 400);
  }
}
