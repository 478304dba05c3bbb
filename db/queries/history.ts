import { and, asc, eq, gt } from "drizzle-orm";

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

/** The change feed: history rows after a cursor, oldest first. */
export async function changesSince(
  db: Db,
  since: number,
  limit: number,
): Promise<{ id: number; entityType: "topup" | "withdrawal"; entityId: string }[]> {
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

export async function latestChangeId(db: Db): Promise<number> {
  const row = db.$client.prepare("select coalesce(max(id), 0) as id from status_history").get() as {
    id: number;
  };
  return row.id;
}
