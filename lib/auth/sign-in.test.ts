import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";

import { type Db, withTx } from "@/db/client";
import { upsertUser } from "@/db/queries/users";
import { auditLog, users } from "@/db/schema";
import { openDb } from "@/db/client";
import { tempDb, tempDbLocation } from "@/db/testing/temp-db";

import { hashPassword } from "./password";
import { authenticate, LOCKOUT } from "./sign-in";

let db: Db;
const password = "the-right-password";

beforeEach(async () => {
  db = tempDb();
  await upsertUser(db, {
    email: "Staff@Example.com",
    name: "Staff",
    role: "support",
    passwordHash: await hashPassword(password),
  });
});

const attempt = (email: string, pw: string, ip = "10.0.0.1", now?: Date) =>
  authenticate(db, { email, password: pw, ip }, now);

describe("authenticate", () => {
  it("accepts the right password, case-insensitively on the e-mail, and audits it", async () => {
    const result = await attempt(" staff@example.COM ", password);
    expect(result.ok).toBe(true);
    const rows = await db.select().from(auditLog);
    expect(rows.map((r) => r.action)).toEqual(["auth.sign_in"]);
  });

  it("answers the same for an unknown user, a wrong password and a disabled account", async () => {
    expect(await attempt("nobody@example.com", password)).toEqual({
      ok: false,
      code: "INVALID_CREDENTIALS",
    });
    expect(await attempt("staff@example.com", "wrong")).toEqual({
      ok: false,
      code: "INVALID_CREDENTIALS",
    });
    await withTx(db, (tx) =>
      tx
        .update(users)
        .set({ disabledAt: new Date(1) })
        .where(eq(users.email, "staff@example.com")),
    );
    expect(await attempt("staff@example.com", password)).toEqual({
      ok: false,
      code: "INVALID_CREDENTIALS",
    });
    const reasons = (await db.select().from(auditLog)).map((r) => r.details?.reason);
    expect(reasons).toEqual(["unknown_user", "wrong_password", "disabled"]);
  });

  it(`locks an account after ${LOCKOUT.perAccount} failures, even for the right password, from any address`, async () => {
    for (let i = 0; i < LOCKOUT.perAccount; i++)
      await attempt("staff@example.com", "wrong", `10.0.0.${i}`);
    expect(await attempt("staff@example.com", password, "10.9.9.9")).toEqual({
      ok: false,
      code: "RATE_LIMITED",
    });
  });

  it("locks an address that tries many accounts", async () => {
    for (let i = 0; i < LOCKOUT.perIp; i++)
      await attempt(`guess${i}@example.com`, "wrong", "10.6.6.6");
    expect(await attempt("staff@example.com", password, "10.6.6.6")).toEqual({
      ok: false,
      code: "RATE_LIMITED",
    });
    expect((await attempt("staff@example.com", password, "10.0.0.2")).ok).toBe(true);
  });

  it("unlocks once the window has passed", async () => {
    const start = new Date("2026-11-22T01:00:00Z");
    for (let i = 0; i < LOCKOUT.perAccount; i++)
      await attempt("staff@example.com", "wrong", "10.0.0.1", start);
    const later = new Date(start.getTime() + LOCKOUT.windowMs + 1000);
    expect((await attempt("staff@example.com", password, "10.0.0.1", later)).ok).toBe(true);
  });

  it("forgets earlier failures after a successful sign-in", async () => {
    for (let i = 0; i < LOCKOUT.perAccount - 1; i++) await attempt("staff@example.com", "wrong");
    expect((await attempt("staff@example.com", password)).ok).toBe(true);
    for (let i = 0; i < LOCKOUT.perAccount - 1; i++) await attempt("staff@example.com", "wrong");
    expect((await attempt("staff@example.com", password)).ok).toBe(true);
  });

  it("counts attempts made at once on two instances: no more than the limit get a password check", async () => {
    // Two handles on one database, as two instances behind a load balancer have.
    const location = await tempDbLocation();
    const [one, two] = [openDb(location), openDb(location)];
    await upsertUser(one, {
      email: "staff@example.com",
      name: "Staff",
      role: "support",
      passwordHash: await hashPassword(password),
    });
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        authenticate(i % 2 ? one : two, {
          email: "staff@example.com",
          password: "wrong",
          ip: `10.1.0.${i}`,
        }),
      ),
    );
    const codes = results.map((r) => (r.ok ? "ok" : r.code)).sort();
    expect(codes).toEqual([
      ...Array.from({ length: LOCKOUT.perAccount }, () => "INVALID_CREDENTIALS"),
      ...Array.from({ length: 12 - LOCKOUT.perAccount }, () => "RATE_LIMITED"),
    ]);
    expect(
      (await authenticate(two, { email: "staff@example.com", password, ip: "10.1.1.1" })).ok,
    ).toBe(false);
    one.$store.close();
    two.$store.close();
  });
});
