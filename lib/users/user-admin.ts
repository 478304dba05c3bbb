import "server-only";

import type { Db } from "@/db/client";
import { type Person as Actor, recordAudit } from "@/lib/audit/record-audit";

import {
  countActiveAdmins,
  findUserByEmail,
  findUserById,
  insertUser,
  updateUser,
} from "@/db/queries/users";
import { clearSignInFailures } from "@/db/queries/sign-in-failures";
import type { UserRow } from "@/db/schema";
import { hashPassword, MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/roles";
import { AppError, notFoundError } from "@/lib/errors";
import type { AuditAction } from "@/lib/audit/audit-events";

/* The rules for managing users; each change is audited with who did it and from where. */

function checkPassword(password: string) {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    throw new AppError("PASSWORD_TOO_SHORT", 400, { min: MIN_PASSWORD_LENGTH });
  }
}

async function loadTarget(db: Db, actor: Actor, userId: number, selfAllowed: boolean) {
  const target = await findUserById(db, userId);
  if (!target) throw notFoundError();
  if (!selfAllowed && target.id === actor.id) throw new AppError("SELF_CHANGE", 400);
  return target;
}

/** Demoting or disabling the last active admin would lock everyone out of administration. */
async function keepAnAdmin(db: Db, target: UserRow) {
  if (target.role === "admin" && !target.disabledAt && (await countActiveAdmins(db)) <= 1) {
    throw new AppError("LAST_ADMIN", 400);
  }
}

async function record(db: Db, actor: Actor, action: AuditAction, target: UserRow, details: object) {
  await recordAudit(db, actor, action, {
    targetType: "user",
    targetId: String(target.id),
    details: { email: target.email, ...details },
    ip: actor.ip,
  });
}

export async function createUser(
  db: Db,
  actor: Actor,
  input: { email: string; name: string; role: Role; password: string },
): Promise<UserRow> {
  checkPassword(input.password);
  if (await findUserByEmail(db, input.email)) throw new AppError("EMAIL_TAKEN", 409);
  const user = await insertUser(db, {
    email: input.email,
    name: input.name,
    role: input.role,
    passwordHash: await hashPassword(input.password),
  });
  await record(db, actor, "user.create", user, { role: user.role });
  return user;
}

export async function changeRole(
  db: Db,
  actor: Actor,
  userId: number,
  role: Role,
): Promise<UserRow> {
  const target = await loadTarget(db, actor, userId, false);
  if (target.role === role) return target;
  if (role !== "admin") await keepAnAdmin(db, target);
  const updated = (await updateUser(db, userId, { role })) ?? target;
  await record(db, actor, "user.role_change", target, { from: target.role, to: role });
  return updated;
}

/**
 * Lifts a sign-in lockout at once (instead of waiting out the window): the account's
 * recent failures are forgotten. Audited; the password is unchanged.
 */
export async function unlockUser(db: Db, actor: Actor, userId: number): Promise<UserRow> {
  const target = await loadTarget(db, actor, userId, true);
  await clearSignInFailures(db, target.email);
  await record(db, actor, "user.unlock", target, {});
  return target;
}

export async function setDisabled(
  db: Db,
  actor: Actor,
  userId: number,
  disabled: boolean,
): Promise<UserRow> {
  const target = await loadTarget(db, actor, userId, false);
  if (Boolean(target.disabledAt) === disabled) return target;
  if (disabled) await keepAnAdmin(db, target);
  const updated =
    (await updateUser(db, userId, { disabledAt: disabled ? new Date() : null })) ?? target;
  await record(db, actor, disabled ? "user.disable" : "user.enable", target, {});
  return updated;
}

export async function resetPassword(
  db: Db,
  actor: Actor,
  userId: number,
  password: string,
): Promise<UserRow> {
  checkPassword(password);
  const target = await loadTarget(db, actor, userId, true);
  const updated =
    (await updateUser(db, userId, { passwordHash: await hashPassword(password) })) ?? target;
  await record(db, actor, "user.password_reset", target, {});
  return updated;
}
