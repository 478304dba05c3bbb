import "server-only";

import type { NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";

import { getDb } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { getEnv } from "@/lib/env";
import { clientIp } from "@/lib/request-ip";

import { authenticate } from "./sign-in";

export const SESSION_MAX_AGE_S = 12 * 60 * 60;

/** Built on first use so that `next build` never needs the secret. */
export function getAuthOptions(): NextAuthOptions {
  return {
    secret: getEnv().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
    jwt: { maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      Credentials({
        name: "credentials",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, req) {
          const headers = (req.headers ?? {}) as Record<string, string | undefined>;
          const ip = clientIp((name) => headers[name], getEnv().TRUSTED_PROXIES);
          const result = await authenticate(getDb(), {
            email: String(credentials?.email ?? ""),
            password: String(credentials?.password ?? ""),
            ip,
          });
          if (!result.ok) throw new Error(result.code);
          return { id: String(result.user.id), sv: result.user.sessionVersion };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.uid = Number(user.id);
          token.sv = (user as { sv?: number }).sv ?? 0;
        }
        return token;
      },
      session({ session, token }) {
        // Only identifiers: name, role and the rest come from the database on each request.
        return { expires: session.expires, uid: token.uid, sv: token.sv } as typeof session;
      },
    },
    events: {
      async signOut({ token }) {
        const uid = typeof token?.uid === "number" ? token.uid : null;
        await recordAudit(getDb(), { id: uid, email: null }, "auth.sign_out");
      },
    },
  };
}
