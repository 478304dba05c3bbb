import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { withTx } from "./client";
import { dialect } from "./dialect";
import { leases } from "./schema";
import { tempDb } from "./testing/temp-db";

const lease = (name: string) => ({ name, holder: "test", expiresAt: new Date(0) });

/**
 * `one statement` bodies (db/store.ts): on PostgreSQL they run without a transaction around
 * them, so the store refuses a second statement before it is sent.
 */
describe("one-statement writes", () => {
  it("writes its one statement, and on its own connection after a refused one", async () => {
    const db = tempDb();
    await withTx(db, (tx) => tx.insert(leases).values(lease("a")), "one statement");
    // A refusal by the database (a duplicate key) leaves the connection fit for the next.
    await expect(
      withTx(db, (tx) => tx.insert(leases).values(lease("a")), "one statement"),
    ).rejects.toThrow();
    const [row] = await withTx(
      db,
      (tx) => tx.update(leases).set({ holder: "next" }).where(eq(leases.name, "a")).returning(),
      "one statement",
    );
    expect(row?.holder).toBe("next");
  });

  it.skipIf(dialect === "sqlite")(
    "refuses a second statement before it is sent (PostgreSQL: no transaction to undo it)",
    async () => {
      const db = tempDb();
      await expect(
        withTx(
          db,
          async (tx) => {
            await tx.insert(leases).values(lease("first"));
            await tx.insert(leases).values(lease("second"));
          },
          "one statement",
        ),
      ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/second statement/) } });
      expect((await db.select().from(leases)).map((l) => l.name)).toEqual(["first"]);
      // The connection goes back to transactions as before.
      await withTx(db, async (tx) => {
        await tx.insert(leases).values(lease("third"));
        await tx.insert(leases).values(lease("fourth"));
      });
      expect(await db.select().from(leases)).toHaveLength(3);
    },
  );
});
