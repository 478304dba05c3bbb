import "server-only";

import { getLocale } from "next-intl/server";
import { NextResponse } from "next/server";
import { ZodError } from "zod";

import { isLocale } from "@/lib/i18n/config";
import { errorBody, localeOf, translateErrorIn } from "@/lib/i18n/translate";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

/** An error's message in the language of the request being served (actions, pages). */
export async function translateError(error: AppError): Promise<string> {
  const locale = await getLocale();
  return translateErrorIn(isLocale(locale) ? locale : "th", error);
}

/** What a person may be told about anything thrown; the rest is logged, not shown. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) {
    return new AppError("VALIDATION", 400, { field: error.issues[0]?.path.join(".") ?? "" });
  }
  logger.error("unhandled error", { error });
  return new AppError("INTERNAL", 500);
}

/** Turns anything thrown into `{"error":{"code","message"}}` in the request's language. */
function errorResponse(error: unknown, request: Request): NextResponse {
  const appError = toAppError(error);
  return NextResponse.json(errorBody(appError, localeOf(request)), { status: appError.status });
}

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/** Wraps a route handler so that every failure becomes a proper error body. */
export function route<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      return errorResponse(error, request);
    }
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
