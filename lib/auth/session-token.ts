import "server-only";

import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";

import { getEnv } from "@/lib/env";

import { sessionCookieName } from "./session-cookie";

/** What a session token carries: only identifiers (see the callbacks in options.ts). */
export type SessionClaims = { uid?: number; sv?: number };

/**
 * Tokens already decrypted, by their text: a person's next request does not derive the key
 * and decrypt the same token again. A token's content never changes; its expiry is checked
 * on every read. Who the person is now (disabled, role, session version) is still read from
 * the database on every request (session-user.ts); this only skips repeated cryptography.
 */
const known = new Map<string, { claims: SessionClaims; expiresAt: number; secret: string }>();
const KNOWN_MAX = 1_000;

/** A token's identifiers, or null when it does not decrypt, carries none or has expired. */
export async function claimsOf(token: string, secret: string): Promise<SessionClaims | null> {
  const hit = known.get(token);
  if (hit && hit.secret === secret) {
    if (hit.expiresAt > Date.now()) return hit.claims;
    known.delete(token);
    return null;
  }
  const payload = await decode({ token, secret }).catch(() => null);
  if (!payload || typeof payload.exp !== "number") return null;
  const expiresAt = payload.exp * 1000;
  if (expiresAt <= Date.now()) return null;
  const claims: SessionClaims = {
    uid: typeof payload.uid === "number" ? payload.uid : undefined,
    sv: typeof payload.sv === "number" ? payload.sv : undefined,
  };
  if (known.size >= KNOWN_MAX) known.delete(known.keys().next().value ?? "");
  known.set(token, { claims, expiresAt, secret });
  return claims;
}

/**
 * The request's session token as next-auth wrote it: one cookie, or `name.0`, `name.1`, …
 * when it had to be split.
 */
function sessionToken(all: { name: string; value: string }[], name: string): string | null {
  const whole = all.find((cookie) => cookie.name === name);
  if (whole) return whole.value;
  const chunks = all
    .filter((cookie) => cookie.name.startsWith(`${name}.`))
    .map((cookie) => ({ index: Number(cookie.name.slice(name.length + 1)), value: cookie.value }))
    .filter((chunk) => Number.isInteger(chunk.index))
    .sort((a, b) => a.index - b.index);
  return chunks.length > 0 ? chunks.map((chunk) => chunk.value).join("") : null;
}

/**
 * The signed-in session's identifiers on this request, read straight from the cookie: what
 * next-auth's getServerSession returns here, without its per-call set-up (options, a CSRF
 * token, re-encrypting a refreshed token that a server component cannot send anyway).
 */
export async function readSession(): Promise<SessionClaims | null> {
  const env = getEnv();
  const token = sessionToken((await cookies()).getAll(), sessionCookieName(env.NEXTAUTH_URL));
  return token ? claimsOf(token, env.NEXTAUTH_SECRET) : null;
}
