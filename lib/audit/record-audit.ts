import "server-only";

import type { Db, Tx } from "@/db/client";
import { type AuditEntry, insertAudit, insertAuditIn } from "@/db/queries/audit";
import type { AuditAction } from "@/lib/audit/audit-events";

/** A signed-in person acting from an address: what every audited use case is given. */
export type Person = { id: number; email: string; ip: string };

/** Who did it: a signed-in person, someone known only by the e-mail typed, or no one. */
export type Actor = { id: number | null; email: string | null } | null;

/**
 * The one writer of the audit trail. It is called from the use cases in `lib/` (creating a
 * top-up, a re-query, an export, a user change, a sign-in, a denial): they know what
 * happened and to what. Route handlers and server actions never write audit rows.
 * Callers pass no secrets in `details`.
 */
export async function recordAudit(
  db: Db,
  actor: Actor,
  action: AuditAction,
  entry: Omit<AuditEntry, "action" | "actorId" | "actorEmail"> = {},
): Promise<void> {
  await insertAudit(db, auditRow(actor, action, entry));
}

/** `recordAudit` inside the transaction that makes the change (settings, catalog edits). */
export async function recordAuditIn(
  tx: Tx,
  actor: Actor,
  action: AuditAction,
  entry: Omit<AuditEntry, "action" | "actorId" | "actorEmail"> = {},
): Promise<void> {
  await insertAuditIn(tx, auditRow(actor, action, entry));
}

function auditRow(
  actor: Actor,
  action: AuditAction,
  entry: Omit<AuditEntry, "action" | "actorId" | "actorEmail">,
): AuditEntry {
  return { ...entry, action, actorId: actor?.id ?? null, actorEmail: actor?.email ?? null };
}
