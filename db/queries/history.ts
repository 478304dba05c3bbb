import { and, asc, eq, gt, max } from "drizzle-orm";

import type { Db } from "../client";
import { type HistoryRow, statusHistory } from "../schema";

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

/** The change feed: history rows after a cursor, oldest first (db/store.ts says what it promises). */
export function changesSince(
  db: Db,
  since: number,
  limit: number,
): Promise<{ id: number; entityType: "topup" | "withdrawal"; entityId: string }[]> {
  return db.$store.changesSince(db, since, limit);
}

export function latestChangeId(db: Db): Promise<number> {
  return db.$store.latestChangeId(db);
}

/**
 * History rows after `since` in id order, and the newest id: what each store's change feed
 * reads where an id is visible once every smaller one is (db/store.ts, `changesSince`).
 */
export function historyAfter(db: Db, since: number, limit: number) {
  return db
    .select({
      id: statusHistory.id,
      entityType: statusHistory.entityType,
      entityId: statusHistory.entityId,
    })
    .from(statusHistory)
    .where(gt(statusHistory.id, since))
    .orderBy(asc(statusHistory.id))
    .limit(limit);
}

export async function newestHistoryId(db: Db): Promise<number> {
  const [row] = await db.select({ id: max(statusHistory.id) }).from(statusHistory);
  return row?.id ?? 0;
}
