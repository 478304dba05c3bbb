import { desc, eq } from "drizzle-orm";

import { type Db, withTx } from "../client";
import { reconcilerPasses } from "../schema";
import { databaseNow } from "./portable";

export type PassOutcome = "done" | "failed" | "lost";

/** Records that a pass starts, on the database's clock; its id. */
export async function startPass(db: Db, holder: string, epoch: number): Promise<number> {
  const [row] = await withTx(db, (tx) =>
    tx.insert(reconcilerPasses).values({ holder, epoch }).returning({ id: reconcilerPasses.id }),
  );
  if (!row) throw new Error("a reconciler pass was not recorded");
  return row.id;
}

/** Records how a pass ended. */
export async function finishPass(
  db: Db,
  id: number,
  outcome: PassOutcome,
  summary: Record<string, unknown>,
): Promise<void> {
  await withTx(
    db,
    (tx) =>
      tx
        .update(reconcilerPasses)
        .set({ finishedAt: databaseNow(), outcome, summary })
        .where(eq(reconcilerPasses.id, id)),
    "locked rows",
  );
}

/** The newest passes, newest first. */
export function recentPasses(db: Db, limit = 50) {
  return db.select().from(reconcilerPasses).orderBy(desc(reconcilerPasses.id)).limit(limit);
}
