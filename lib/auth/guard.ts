import "server-only";

import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";

import { getDb } from "@/lib/db";
import { type Person, recordAudit } from "@/lib/audit/record-audit";
import { AppError, forbiddenError, unauthenticated } from "@/lib/errors";
import { getEnv } from "@/lib/env";
import { clientIp } from "@/lib/request-ip";

import { can, type Permission } from "./permissions";
import { checkSession, type CurrentUser } from "./session-user";
import { readSession } from "./session-token";

export type { CurrentUser };

/** The signed-in person an action runs for, and the same person as the audit log records them. */
export type Caller = { user: CurrentUser; person: Person };

/** The caller of a page or action, with the address of the request being served. */
export async function callerOf(user: CurrentUser): Promise<Caller> {
  return { user, person: { id: user.id, email: user.email, ip: await requestIp() } };
}

export async function requestIp(): Promise<string> {
  const h = await headers();
  return clientIp((name) => h.get(name), getEnv().TRUSTED_PROXIES);
}

/**
 * The signed-in person as the database knows them on this request (cached per request).
 * A disabled user, a deleted one, or a session older than the user's last change
 * (role, password, disable) is no one.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await readSession();
  const check = await checkSession(getDb(), session);
  if (check.ok) return check.user;
  if (check.reason !== "no_session") {
    const actor = check.email && check.userId ? { id: check.userId, email: check.email } : null;
    await recordAudit(getDb(), actor, "access.session_rejected", {
      details: { reason: check.reason },
      ip: await requestIp(),
    });
  }
  return null;
});

export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw unauthenticated();
  return user;
}

/** The guard every action, route handler and protected page calls. Denials are audited. */
export async function requirePermission(permission: Permission): Promise<CurrentUser> {
  const user = await requireUser();
  if (!can(user.role, permission)) {
    await recordAudit(getDb(), user, "access.denied", {
      details: { permission },
      ip: await requestIp(),
    });
    throw forbiddenError();
  }
  return user;
}

/**
 * A refusal by one of our rules about who may do what (403: approving one's own request,
 * a cross-site change…), audited like a missing permission is (`access.denied`, with the
 * rule's code). A missing permission itself was audited by `requirePermission`.
 */
export async function auditDenial(
  person: { id: number; email: string } | null,
  error: unknown,
  ip: string | null,
): Promise<void> {
  if (!(error instanceof AppError) || error.status !== 403 || error.code === "FORBIDDEN") return;
  await recordAudit(getDb(), person, "access.denied", {
    details: { code: error.code, ...error.params },
    ip,
  });
}

/** For pages: no session → the sign-in page; a role that may not → the 403 page. */
export async function requirePageUser(permission?: Permission): Promise<CurrentUser> {
  try {
    return permission ? await requirePermission(permission) : await requireUser();
  } catch (error) {
    if (error instanceof AppError && error.status === 401) redirect("/sign-in");
    if (error instanceof AppError && error.status === 403) forbidden();
    throw error;
  }
}
