import { eq } from "drizzle-orm";

import { type Db, type Tx, withTx } from "../client";
import { warningStates } from "../schema";

/** The banner's warnings as stored: raised or not, since when (lib/overview/warnings.ts). */
export type WarningStateRow = typeof warningStates.$inferSelect;

export async function readWarningStates(db: Db): Promise<WarningStateRow[]> {
  return db.select().from(warningStates);
}

/**
 * Moves warnings to their new states, each under a compare-and-set on what was read, and
 * calls `onChange` (the audit entry) for each one this call moved, in the same transaction:
 * two processes looking at once record a crossing once.
 */
export function changeWarningStates(
  db: Db,
  changes: {
    key: string;
    wasRaised: boolean | null;
    raised: boolean;
    detail: Record<string, unknown>;
  }[],
  at: Date,
  onChange: (
    tx: Tx,
    change: { key: string; raised: boolean; detail: Record<string, unknown> },
  ) => Promise<void>,
): Promise<string[]> {
  return withTx(db, async (tx) => {
    const moved: string[] = [];
    for (const change of changes) {
      const [current] = await tx
        .select()
        .from(warningStates)
        .where(eq(warningStates.key, change.key));
      if ((current?.raised ?? null) !== change.wasRaised) continue;
      await tx
        .insert(warningStates)
        .values({ key: change.key, raised: change.raised, since: at, detail: change.detail })
        .onConflictDoUpdate({
          target: warningStates.key,
          set: { raised: change.raised, since: at, detail: change.detail },
        });
      await onChange(tx, change);
      moved.push(change.key);
    }
    return moved;
  });
}
