import NextAuth from "next-auth";
import { NextResponse } from "next/server";

import { getDb } from "@/lib/db";
import { insertAudit } from "@/db/queries/audit";
import { translateError } from "@/lib/api/respond";
import { getAuthOptions } from "@/lib/auth/options";
import { isLockedOut, normalizeEmail } from "@/lib/auth/sign-in";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { clientIp } from "@/lib/request-ip";

type Context = { params: Promise<{ nextauth: string[] }> };

const handler = (request: Request, context: Context) =>
  (NextAuth(getAuthOptions()) as (r: Request, c: Context) => Promise<Response>)(request, context);

/**
 * A locked account or address gets HTTP 429 before next-auth sees the attempt. The body
 * also carries the `url` next-auth's client reads, so `signIn()` reports the code.
 */
async function POST(request: Request, context: Context): Promise<Response> {
  const { nextauth } = await context.params;
  if (nextauth.join("/") === "callback/credentials") {
    const form = await request.clone().formData();
    const email = normalizeEmail(String(form.get("email") ?? ""));
    const ip = clientIp((name) => request.headers.get(name));
    if (await isLockedOut(getDb(), email, ip)) {
      await insertAudit(getDb(), { action: "auth.sign_in_blocked", details: { email }, ip });
      const error = new AppError("RATE_LIMITED", 429);
      const url = new URL("/sign-in?error=RATE_LIMITED", getEnv().NEXTAUTH_URL).toString();
      return NextResponse.json(
        { url, error: { code: error.code, message: await translateError(error) } },
        { status: 429, headers: { "Retry-After": "900" } },
      );
    }
  }
  return handler(request, context);
}

export { handler as GET, POST };
