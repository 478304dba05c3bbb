import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { z } from "zod";

import { getAuthOptions } from "@/lib/auth/options";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { errorBody, localeOf } from "@/lib/i18n/translate";
import { otherMethods, route } from "@/lib/api/route";

type Segments = { nextauth: string[] };
const segments = z.object({ nextauth: z.array(z.string()) });

const handler = (request: Request, params: Segments) =>
  (
    NextAuth(getAuthOptions()) as (
      r: Request,
      c: { params: Promise<Segments> },
    ) => Promise<Response>
  )(request, { params: Promise.resolve(params) });

/** The error next-auth sends the browser back with (`?error=` of its JSON url or redirect). */
async function signInError(response: Response): Promise<string | null> {
  const body = (await response
    .clone()
    .json()
    .catch(() => null)) as { url?: unknown } | null;
  const target = typeof body?.url === "string" ? body.url : response.headers.get("location");
  if (!target) return null;
  return new URL(target, "http://localhost").searchParams.get("error");
}

/** Sign-in, sign-out and the session: next-auth's own handler, which checks its CSRF token. */
export const GET = route("public", segments, (request, { params }) => handler(request, params));

/**
 * The lockout itself is decided in `authenticate` (lib/auth/sign-in.ts). When it refused an
 * attempt, this answers HTTP 429 instead of next-auth's 200; the body still carries the
 * `url` next-auth's client reads, so `signIn()` reports the code.
 */
export const POST = route("public", segments, async (request, { params }) => {
  const response = await handler(request, params);
  if (params.nextauth.join("/") !== "callback/credentials") return response;
  if ((await signInError(response)) !== "RATE_LIMITED") return response;
  const url = new URL("/sign-in?error=RATE_LIMITED", getEnv().NEXTAUTH_URL).toString();
  const refused = NextResponse.json(
    { url, ...errorBody(new AppError("RATE_LIMITED", 429), localeOf(request)) },
    { status: 429, headers: { "Retry-After": "900" } },
  );
  // Keep next-auth's cookies (its CSRF and callback cookies) on the answer.
  for (const cookie of response.headers.getSetCookie())
    refused.headers.append("set-cookie", cookie);
  return refused;
});

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");
