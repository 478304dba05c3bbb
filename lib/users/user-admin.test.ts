import { beforeEach, describe, expect, it } from "vitest";

import type { Db } from "@/db/client";
import { findUserById, upsertUser } from "@/db/queries/users";
import { auditLog, type UserRow } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { tempDb } from "@/db/testing/temp-db";
import { seedUser } from "@/lib/testing/fixtures";

import { changeRole, createUser, resetPassword, setDisabled } from "./user-admin";

let db: Db;
let admin: UserRow;
const actor = () => ({ id: admin.id, email: admin.email, ip: "10.1.1.1" });

beforeEach(async () => {
  db = tempDb();
  admin = await seedUser(db, "admin", "admin@example.com", "Admin");
});

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "none";
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
}

describe("user administration", () => {
  it("creates a user with a hashed password and audits it without the password", async () => {
    const user = await createUser(db, actor(), {
      email: "New@Example.com",
      name: "New",
      role: "support",
      password: "a-long-password",
    });
    expect(user.email).toBe("new@example.com");
    expect(await verifyPassword(user.passwordHash, "a-long-password")).toBe(true);
    const [row] = await db.select().from(auditLog);
    expect(row).toMatchObject({
      action: "user.create",
      actorId: admin.id,
      targetId: String(user.id),
      ip: "10.1.1.1",
    });
    expect(JSON.stringify(row)).not.toContain("a-long-password");
  });

  it("refuses a short password and a taken e-mail, changing nothing", async () => {
    const create = (email: string, password: string) =>
      code(createUser(db, actor(), { email, name: "A", role: "support", password }));
    expect(await create("a@example.com", "short")).toBe("PASSWORD_TOO_SHORT");
    expect(await create("ADMIN@example.com", "a-long-password")).toBe("EMAIL_TAKEN");
    expect(await db.select().from(auditLog)).toEqual([]);
  });

  it("does not let an admin demote or disable themselves", async () => {
    expect(await code(changeRole(db, actor(), admin.id, "support"))).toBe("SELF_CHANGE");
    expect(await code(setDisabled(db, actor(), admin.id, true))).toBe("SELF_CHANGE");
  });

  it("keeps at least one active admin", async () => {
    const other = await seedUser(db, "admin", "other@example.com", "O");
    const otherActor = { id: other.id, email: other.email, ip: "10.2.2.2" };
    await changeRole(db, otherActor, admin.id, "manager");
    // `other` is now the only active admin: nobody may demote or disable them.
    expect(await code(changeRole(db, actor(), other.id, "finance"))).toBe("LAST_ADMIN");
    expect(await code(setDisabled(db, actor(), other.id, true))).toBe("LAST_ADMIN");
    expect((await findUserById(db, other.id))?.role).toBe("admin");
  });

  it("changes role, disables, enables and resets passwords, each audited", async () => {
    const user = await createUser(db, actor(), {
      email: "s@example.com",
      name: "S",
      role: "support",
      password: "a-long-password",
    });
    await changeRole(db, actor(), user.id, "finance");
    await setDisabled(db, actor(), user.id, true);
    await setDisabled(db, actor(), user.id, false);
    await resetPassword(db, actor(), user.id, "another-long-password");
    const after = await findUserById(db, user.id);
    expect(after?.role).toBe("finance");
    expect(after?.disabledAt).toBeNull();
    expect(await verifyPassword(after?.passwordHash ?? "", "another-long-password")).toBe(true);
    expect(after?.sessionVersion).toBe(user.sessionVersion + 4);
    const actions = (await db.select().from(auditLog)).map((r) => r.action);
    expect(actions).toEqual([
      "user.create",
      "user.role_change",
      "user.disable",
      "user.enable",
      "user.password_reset",
    ]);
  });
});

describe("sign-in lockout, seen and lifted by an administrator", () => {
  it("shows the lock, lifts it at once with an audit entry, and records the next sign-in", async () => {
    const { authenticate, LOCKOUT, lockedUntil } = await import("@/lib/auth/sign-in");
    const { recentFailuresByEmail } = await import("@/db/queries/sign-in-failures");
    const { unlockUser } = await import("./user-admin");
    const { hashPassword } = await import("@/lib/auth/password");
    const target = await upsertUser(db, {
      email: "locked@example.com",
      name: "Locked",
      role: "support",
      passwordHash: await hashPassword("right-password-2026"),
    });
    const now = new Date("2026-11-23T10:00:00Z");
    const attempt = (password: string) =>
      authenticate(db, { email: target.email, password, ip: "10.9.9.9" }, now);
    for (let i = 0; i < LOCKOUT.perAccount; i++) await attempt("wrong");
    expect(await attempt("right-password-2026")).toEqual({ ok: false, code: "RATE_LIMITED" });
    const since = new Date(now.getTime() - LOCKOUT.windowMs);
    expect(lockedUntil((await recentFailuresByEmail(db, since)).get(target.email))).toEqual(
      new Date(now.getTime() + LOCKOUT.windowMs),
    );

    await unlockUser(db, actor(), target.id);
    expect(lockedUntil((await recentFailuresByEmail(db, since)).get(target.email))).toBeNull();
    const audit = await db.select().from(auditLog);
    expect(audit.filter((a) => a.action === "user.unlock").map((a) => a.targetId)).toEqual([
      String(target.id),
    ]);

    expect((await findUserById(db, target.id))?.lastSignInAt).toBeNull();
    expect((await attempt("right-password-2026")).ok).toBe(true);
    const after = await findUserById(db, target.id);
    expect(after?.lastSignInAt).toEqual(now);
    // Recording the sign-in ends no session.
    expect(after?.sessionVersion).toBe(target.sessionVersion);
  });
});
