import { beforeEach, describe, expect, it } from "vitest";

import type { Db } from "@/db/client";
import { updateUser } from "@/db/queries/users";
import type { UserRow } from "@/db/schema";
import { tempDb } from "@/db/testing/temp-db";
import { seedUser } from "@/lib/testing/fixtures";

import { checkSession } from "./session-user";

let db: Db;
let user: UserRow;

beforeEach(async () => {
  db = tempDb();
  user = await seedUser(db, "finance", "fin@example.com", "Fin");
});

describe("checkSession (the guard's view of a session)", () => {
  it("returns the user as the database knows them", async () => {
    expect(await checkSession(db, { uid: user.id, sv: user.sessionVersion })).toEqual({
      ok: true,
      user: { id: user.id, email: "fin@example.com", name: "Fin", role: "finance" },
    });
  });

  it("refuses no session, an unknown user and a disabled one", async () => {
    expect(await checkSession(db, null)).toMatchObject({ ok: false, reason: "no_session" });
    expect(await checkSession(db, { uid: 999, sv: 1 })).toMatchObject({
      ok: false,
      reason: "no_user",
    });
    const disabled = await updateUser(db, user.id, { disabledAt: new Date() });
    expect(await checkSession(db, { uid: user.id, sv: disabled?.sessionVersion })).toMatchObject({
      ok: false,
      reason: "disabled",
    });
  });

  it("ends sessions issued before a role change", async () => {
    const changed = await updateUser(db, user.id, { role: "manager" });
    expect(await checkSession(db, { uid: user.id, sv: user.sessionVersion })).toMatchObject({
      ok: false,
      reason: "stale_session",
    });
    expect(await checkSession(db, { uid: user.id, sv: changed?.sessionVersion })).toMatchObject({
      ok: true,
      user: { role: "manager" },
    });
  });
});
