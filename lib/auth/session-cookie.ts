/**
 * The session cookie's name: next-auth prefixes it `__Secure-` when the dashboard is served
 * over HTTPS (NEXTAUTH_URL). The proxy only looks for either; the guard reads the one in use.
 */
export const SESSION_COOKIE = "next-auth.session-token";
export const SECURE_SESSION_COOKIE = `__Secure-${SESSION_COOKIE}`;

export function sessionCookieName(dashboardUrl: string): string {
  return dashboardUrl.startsWith("https://") ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}
