import "server-only";

import { getLocale } from "next-intl/server";
import { NextResponse } from "next/server";
import { ZodError, type z } from "zod";

import { auditDenial, type Caller, requirePermission, requireUser } from "@/lib/auth/guard";
import type { Permission } from "@/lib/auth/permissions";
import { markedCrossSite } from "@/lib/cross-site";
import { isLocale } from "@/lib/i18n/config";
import { errorBody, localeOf, translateErrorIn } from "@/lib/i18n/translate";
import { getEnv } from "@/lib/env";
import { AppError, fromZod } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { clientIp } from "@/lib/request-ip";

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

/**
 * Who may call a route: a permission of the table (the person is read from the database on
 * this request), any signed-in person (`"signed-in"`), or anyone (`"public"`: health, the
 * upstreams' callbacks, sign-in and unknown API paths, which read no session).
 */
export type Access = Permission | "signed-in" | "public";

type Context<A extends Access, P> = { params: P } & (A extends "public" ? unknown : Caller);

/** What Next calls: the request and the path's segments. */
export type RouteHandler = (
  request: Request,
  context: { params: Promise<unknown> },
) => Promise<Response>;

/** Set on every handler `route` and `otherMethods` build; a test finds any route without it. */
export const BUILT_BY_ROUTE = Symbol.for("topup-ops.route");

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

/** The person behind a session-bearing request, or a 401/403 (denials audited by the guard). */
async function signedInCaller(
  access: Exclude<Access, "public">,
  request: Request,
): Promise<Caller> {
  const user = access === "signed-in" ? await requireUser() : await requirePermission(access);
  const ip = clientIp((name) => request.headers.get(name), getEnv().TRUSTED_PROXIES);
  return { user, person: { id: user.id, email: user.email, ip } };
}

type AnyHandler = (request: Request, context: never) => Promise<Response>;

function built<F extends object>(handler: F): F {
  Object.defineProperty(handler, BUILT_BY_ROUTE, { value: true });
  return handler;
}

/**
 * The one way to write a route handler, with who may call it declared first:
 * `route("review:act", idSchema, async (request, { params, user, person }) => …)`.
 * Before the handler runs, a session-bearing route refuses a cross-site or non-JSON mutating
 * request, checks the session and the permission (401, 403) and parses the path's segments
 * with the schema (400); the handler gets the parsed segments, the user as the database
 * knows them now, and the person as the audit log records them. Anything thrown becomes
 * `{"error":{"code","message"}}` in the request's language.
 */
export function route<A extends Access>(
  access: A,
  handler: (request: Request, context: Context<A, Promise<unknown>>) => Promise<Response>,
): RouteHandler;
export function route<A extends Access, S extends z.ZodType>(
  access: A,
  params: S,
  handler: (request: Request, context: Context<A, z.output<S>>) => Promise<Response>,
): RouteHandler;
export function route(
  access: Access,
  ...rest: [AnyHandler] | [z.ZodType, AnyHandler]
): RouteHandler {
  const [schema, typed] = rest.length === 1 ? [null, rest[0]] : rest;
  // The overloads above tie the context's type to the access and the schema.
  const handler = typed as (request: Request, context: object) => Promise<Response>;
  return built(async (request: Request, context: { params: Promise<unknown> }) => {
    let caller: Caller | null = null;
    try {
      if (access !== "public") {
        const refused = refuseCrossSite(request);
        if (refused) throw refused;
        caller = await signedInCaller(access, request);
      }
      const params = schema ? schema.parse(await context.params) : context.params;
      return await handler(request, { ...caller, params });
    } catch (error) {
      if (access !== "public")
        await auditDenial(
          caller?.person ?? null,
          error,
          clientIp((name) => request.headers.get(name), getEnv().TRUSTED_PROXIES),
        );
      return errorResponse(error, request);
    }
  });
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
    ...(Object.fromEntries(METHODS.map((method) => [method, built(refuse)])) as Record<
      Method,
      typeof refuse
    >),
    OPTIONS: built(options),
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
