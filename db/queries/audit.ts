import { desc, lt } from "drizzle-orm";

import type { Db, Tx } from "../client";
import { type AuditRow, auditLog } from "../schema";

export type AuditEntry = {
  actorId?: number | null;
  actorEmail?: string | null;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  details?: Record<string, unknown> | null;
  ip?: string | null;
  at?: Date;
};

export async function insertAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values(entry);
}

/** The same, inside the transaction of the change it describes: both commit or neither. */
export function insertAuditIn(tx: Tx, entry: AuditEntry): void {
  tx.insert(auditLog).values(entry).run();
}

/** Newest first, keyset-paginated on id (stable under concurrent inserts). */
export async function listAudit(
  db: Db,
  { beforeId, limit }: { beforeId?: number; limit: number },
): Promise<AuditRow[]> {
  return db
    .select()
    .from(auditLog)
    .where(beforeId ? lt(auditLog.id, beforeId) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(limit);
}
