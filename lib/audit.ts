import "server-only";

import { getDb } from "@/lib/db";
import { type AuditEntry, insertAudit } from "@/db/queries/audit";

export type Actor = { id: number; email: string } | null;

/** Writes one audit row. Callers pass no secrets in `details`. */
export async function audit(
  actor: Actor,
  action: string,
  entry: Omit<AuditEntry, "action" | "actorId" | "actorEmail"> = {},
): Promise<void> {
  await insertAudit(getDb(), {
    ...entry,
    action,
    actorId: actor?.id ?? null,
    actorEmail: actor?.email ?? null,
  });
}
