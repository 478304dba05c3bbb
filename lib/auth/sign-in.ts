import "server-only";

import type { Db } from "@/db/client";

import {
  clearSignInFailures,
  pruneSignInFailures,
  reserveSignInAttempt,
} from "@/db/queries/sign-in-failures";
import { findUserByEmail, recordSignIn } from "@/db/queries/users";
import type { UserRow } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";

import { burnPasswordCheck, verifyPassword } from "./password";

export const LOCKOUT = {
  windowMs: 15 * 60 * 1000,
  /** Failures per account within the window before it is locked. */
  perAccount: 5,
  /** Failures per address within the window; higher, as an office shares one address. */
  perIp: 20,
} as const;

export type SignInResult =
  { ok: true; user: UserRow } | { ok: false; code: "INVALID_CREDENTIALS" | "RATE_LIMITED" };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** When an account with these recent failures is unlocked again, or null when it is not locked. */
export function lockedUntil(failures: { n: number; oldest: Date } | undefined): Date | null {
  if (!failures || failures.n < LOCKOUT.perAccount) return null;
  return new Date(failures.oldest.getTime() + LOCKOUT.windowMs);
}

/**
 * Checks a sign-in attempt; the one place the lockout is checked (the sign-in route turns
 * RATE_LIMITED into its 429). The attempt is counted as a failure before its password is
 * checked, in the same transaction as the count (`reserveSignInAttempt`): the sixth of six
 * attempts at once is refused like the sixth in a row; a success clears the count. An unknown
 * e-mail, a wrong password and a disabled account all answer INVALID_CREDENTIALS (the audit
 * log keeps the real reason).
 */
export async function authenticate(
  db: Db,
  input: { email: string; password: string; ip: string },
  now = new Date(),
): Promise<SignInResult> {
  const email = normalizeEmail(input.email);
  const { ip } = input;
  const counted = await reserveSignInAttempt(
    db,
    { email, ip, at: now },
    {
      since: new Date(now.getTime() - LOCKOUT.windowMs),
      perEmail: LOCKOUT.perAccount,
      perIp: LOCKOUT.perIp,
    },
  );
  if (!counted) {
    await recordAudit(db, null, "auth.sign_in_blocked", { details: { email }, ip });
    return { ok: false, code: "RATE_LIMITED" };
  }

  const user = email ? await findUserByEmail(db, email) : undefined;
  let reason: string | null = null;
  if (!user) {
    await burnPasswordCheck(input.password);
    reason = "unknown_user";
  } else if (!(await verifyPassword(user.passwordHash, input.password))) {
    reason = "wrong_password";
  } else if (user.disabledAt) {
    reason = "disabled";
  }

  if (reason || !user) {
    await recordAudit(db, { id: user?.id ?? null, email }, "auth.sign_in_failed", {
      details: { reason },
      ip,
    });
    await pruneSignInFailures(db, new Date(now.getTime() - 24 * LOCKOUT.windowMs));
    return { ok: false, code: "INVALID_CREDENTIALS" };
  }

  await clearSignInFailures(db, email);
  await recordSignIn(db, user.id, now);
  await recordAudit(db, user, "auth.sign_in", { ip });
  return { ok: true, user };
}
