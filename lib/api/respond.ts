import "server-only";

import { getTranslations } from "next-intl/server";
import { NextResponse } from "next/server";
import { ZodError } from "zod";

import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

export async function translateError(error: AppError): Promise<string> {
  const t = await getTranslations("errors");
  return t.has(error.code) ? t(error.code, error.params) : t("UNKNOWN_CODE", { code: error.code });
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

/** Turns anything thrown into `{"error":{"code","message"}}` with a real status. */
export async function errorResponse(error: unknown): Promise<NextResponse> {
  const appError = toAppError(error);
  const message = await translateError(appError);
  return NextResponse.json(
    { error: { code: appError.code, message, ...detailsOf(appError) } },
    { status: appError.status },
  );
}

function detailsOf(error: AppError) {
  return Object.keys(error.params).length > 0 ? { details: error.params } : {};
}

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/** Wraps a route handler so that every failure becomes a proper error body. */
export function route<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      return errorResponse(error);
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

/** A webhook's raw body, or null when it is larger than allowed (answer 413). */
export async function readRawBody(request: Request, maxBytes: number): Promise<string | null> {
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) return null;
  const text = await request.text();
  return Buffer.byteLength(text) > maxBytes ? null : text;
}

export const payloadTooLarge = () =>
  NextResponse.json(
    { error: { code: "PAYLOAD_TOO_LARGE", message: "body too large" } },
    { status: 413 },
  );
