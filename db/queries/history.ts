import { and, asc, eq, gt, max } from "drizzle-orm";

import type { Db } from "../client";
import { type HistoryRow, statusHistory } from "../schema";
import type { ChangeFeedPage } from "../store";

export type NewHistory = Omit<typeof statusHistory.$inferInsert, "id" | "at">;

export async function listHistory(
  db: Db,
  entityType: "topup" | "withdrawal",
  entityId: string,
): Promise<HistoryRow[]> {
  return db
    .select()
    .from(statusHistory)
    .where(and(eq(statusHistory.entityType, entityType), eq(statusHistory.entityId, entityId)))
    .orderBy(asc(statusHistory.id));
}

/** The change feed: orders changed after a cursor, oldest first (db/store.ts says what it promises). */
export function changesSince(db: Db, since: number, limit: number): Promise<ChangeFeedPage> {
  return db.$store.changesSince(db, since, limit);
}

export function latestChangeId(db: Db): Promise<number> {
  return db.$store.latestChangeId(db);
}

/**
 * The feed where an id is visible once every smaller one is (SQLite: one writer at a time):
 * history rows after the id `since`, in id order, the last one's id the next cursor.
 */
export async function historyAfter(db: Db, since: number, limit: number): Promise<ChangeFeedPage> {
  const rows = await db
    .select({
      id: statusHistory.id,
      entityType: statusHistory.entityType,
      entityId: statusHistory.entityId,
    })
    .from(statusHistory)
    .where(gt(statusHistory.id, since))
    .orderBy(asc(statusHistory.id))
    .limit(limit);
  return {
    cursor: rows.at(-1)?.id ?? since,
    changes: rows.map(({ entityType, entityId }) => ({ entityType, entityId })),
  };
}

export async function newestHistoryId(db: Db): Promise<number> {
  const [row] = await db.select({ id: max(statusHistory.id) }).from(statusHistory);
  return row?.id ?? 0;
}
