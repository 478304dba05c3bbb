import { type NextRequest, NextResponse } from "next/server";

import { SECURE_SESSION_COOKIE, SESSION_COOKIE } from "@/lib/auth/session-cookie";
import { markedCrossSite } from "@/lib/cross-site";
import { AppError } from "@/lib/errors";
import { errorBody, localeOf } from "@/lib/i18n/translate";

/**
 * Sets a Content-Security-Policy with a fresh nonce on every page (Next.js puts the nonce on
 * its own scripts), and sends visitors without a session cookie to the sign-in page.
 * The cookie check is a courtesy: every page, action and handler checks the session itself.
 */
const SESSION_COOKIES = [SESSION_COOKIE, SECURE_SESSION_COOKIE];
const PUBLIC_PATHS = ["/sign-in"];

export function buildCsp(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React writes style attributes; inline styles cannot run code, so this is accepted.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A path whose percent-encoding does not decode (`/api/topups/%E0%A4%A`) names nothing. */
function isMalformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

/**
 * A malformed path would make the router throw (a 500); it is the client's mistake: the API
 * answers 400 in its usual error shape, a page shows the not-found page.
 */
function refuseMalformedPath(request: NextRequest, api: boolean): NextResponse {
  if (!api) {
    const url = request.nextUrl.clone();
    url.pathname = "/malformed-address";
    return NextResponse.rewrite(url, { status: 404 });
  }
  return NextResponse.json(errorBody(new AppError("BAD_URL", 400), localeOf(request)), {
    status: 400,
  });
}

/**
 * A server action posted by another site's page: Next.js refuses it too, but as a 500. It is
 * the client's fault, so it is answered 403 in the API's error shape. The rule is Next.js's
 * own (the Origin's host must be the host the request was sent to), plus the browser's
 * `Sec-Fetch-Site`, as for the API's mutating routes.
 */
function isForeignAction(request: NextRequest): boolean {
  if (request.method !== "POST" || !request.headers.has("next-action")) return false;
  if (markedCrossSite(request.headers)) return true;
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const api = pathname.startsWith("/api/");
  if (isMalformedPath(pathname)) return refuseMalformedPath(request, api);
  if (isForeignAction(request)) {
    const body = errorBody(new AppError("CROSS_SITE", 403), localeOf(request));
    return NextResponse.json(body, { status: 403 });
  }
  // API routes answer their own 401 and need no CSP nonce.
  if (api) return NextResponse.next();
  const signedIn = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!signedIn && !PUBLIC_PATHS.includes(pathname)) {
    const url = request.nextUrl.clone();
    url.pathname = "/sign-in";
    url.search = pathname === "/" ? "" : `?callbackUrl=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(url);
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = buildCsp(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Pages, and the API paths holding a `%` (only those can be malformed; a malformed one must
  // not reach the router). The other API paths answer their own 401 and need no nonce, so
  // they skip this step: it cost an API request ~0.6 ms at the median and ~1 ms at p95
  // (`npm run bench`). Static files are left alone too.
  matcher: [
    {
      source: "/((?!api/[^%]*$|_next/static|_next/image|favicon.ico|icons/|robots.txt).*)",
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
  ],
};
