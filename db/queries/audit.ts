import { and, desc, eq, gte, lt } from "drizzle-orm";

import { type Db, type Tx, withTx } from "../client";
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
  await withTx(db, (tx) => tx.insert(auditLog).values(entry));
}

/** The same, inside the transaction of the change it describes: both commit or neither. */
export async function insertAuditIn(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values(entry);
}

export type AuditFilter = {
  actorId?: number;
  action?: string;
  /** The target's id as recorded (a refID, a platform order id, a user's id…). */
  targetId?: string;
  from?: Date;
  to?: Date;
};

/** Newest first, keyset-paginated on id (stable under concurrent inserts), filtered. */
export async function listAudit(
  db: Db,
  { beforeId, limit, filter = {} }: { beforeId?: number; limit: number; filter?: AuditFilter },
): Promise<AuditRow[]> {
  const conditions = [
    beforeId ? lt(auditLog.id, beforeId) : undefined,
    filter.actorId !== undefined ? eq(auditLog.actorId, filter.actorId) : undefined,
    filter.action ? eq(auditLog.action, filter.action) : undefined,
    filter.targetId ? eq(auditLog.targetId, filter.targetId) : undefined,
    filter.from ? gte(auditLog.at, filter.from) : undefined,
    filter.to ? lt(auditLog.at, filter.to) : undefined,
  ].filter((c) => c !== undefined);
  return db
    .select()
    .from(auditLog)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(limit);
}
