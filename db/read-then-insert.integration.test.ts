import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { withTx } from "./client";
import { leases } from "./schema";
import { tempDb } from "./testing/temp-db";

/**
 * The pattern every "create it unless it exists" follows (an order first reported by its
 * callback, a user, a setting): read, then insert. On SQLite transactions run one at a time;
 * on PostgreSQL they run at once, and the loser of the race is refused (a serialization
 * failure, or a duplicate key) and run again, when it reads the winner's row. Either way
 * exactly one body inserts and none fails.
 */
describe("read-then-insert under concurrency", () => {
  it("inserts once and refuses no one", async () => {
    const db = tempDb();
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        withTx(db, async (tx) => {
          const [found] = await tx.select().from(leases).where(eq(leases.name, "one"));
          if (found) return "found";
          await tx
            .insert(leases)
            .values({ name: "one", holder: `body-${i}`, expiresAt: new Date(Date.now() + 60_000) });
          return "inserted";
        }),
      ),
    );
    expect(outcomes.filter((o) => o === "inserted")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "found")).toHaveLength(19);
    expect(await db.select().from(leases)).toHaveLength(1);
  });
});
