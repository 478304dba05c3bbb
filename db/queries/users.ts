import { and, asc, count, eq, inArray, isNull, sql } from "drizzle-orm";

import type { Role } from "../enums";

import { type Db, type Tx, withTx } from "../client";
import { rowBy } from "../prepared";
import { type UserRow, users } from "../schema";

export type NewUser = { email: string; name: string; role: Role; passwordHash: string };

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(eq(users.email, email.trim().toLowerCase()))
    .limit(1);
  return row;
}

/** On every signed-in request (the session check). */
export async function findUserById(db: Db, id: number): Promise<UserRow | undefined> {
  return rowBy(db, users, users.id, id);
}

export async function listUsers(db: Db): Promise<UserRow[]> {
  return db.select().from(users).orderBy(asc(users.email));
}

export async function insertUser(db: Db, user: NewUser): Promise<UserRow> {
  const [row] = await withTx(db, (tx) =>
    tx
      .insert(users)
      .values({ ...user, email: user.email.trim().toLowerCase() })
      .returning(),
  );
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** Creates the user, or resets role, name and password of an existing one and enables it. */
export async function upsertUser(db: Db, user: NewUser): Promise<UserRow> {
  const [row] = await withTx(db, (tx) =>
    tx
      .insert(users)
      .values({ ...user, email: user.email.trim().toLowerCase() })
      .onConflictDoUpdate({
        target: users.email,
        set: {
          name: user.name,
          role: user.role,
          passwordHash: user.passwordHash,
          disabledAt: null,
          sessionVersion: sql`${users.sessionVersion} + 1`,
          updatedAt: new Date(),
        },
      })
      .returning(),
  );
  if (!row) throw new Error("upsert returned no row");
  return row;
}

type UserChange = Partial<Pick<UserRow, "role" | "passwordHash" | "disabledAt" | "name">>;

/** Any change to a user ends their existing sessions (session version bump). */
export async function updateUser(
  db: Db,
  id: number,
  change: UserChange,
): Promise<UserRow | undefined> {
  const [row] = await withTx(db, (tx) =>
    tx
      .update(users)
      .set({ ...change, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, id))
      .returning(),
  );
  return row;
}

/** A successful sign-in: its time only (it ends no session). */
export async function recordSignIn(db: Db, id: number, at: Date): Promise<void> {
  await withTx(db, (tx) => tx.update(users).set({ lastSignInAt: at }).where(eq(users.id, id)));
}

export async function countActiveAdmins(db: Db): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, "admin"), isNull(users.disabledAt)));
  return row?.n ?? 0;
}

/** A person's display name, read inside a transaction (who holds a claim). */
export async function userNameIn(tx: Tx | Db, id: number): Promise<string> {
  const [row] = await tx.select({ name: users.name }).from(users).where(eq(users.id, id));
  return row?.name ?? `#${id}`;
}

/** Display names of the given users, for lists that show who did something. */
export async function userNames(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}
