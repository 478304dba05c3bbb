import type { Db } from "@/db/client";
import { findUserById } from "@/db/queries/users";

import type { Role } from "./roles";

export type CurrentUser = { id: number; email: string; name: string; role: Role };

export type SessionCheck =
  | { ok: true; user: CurrentUser }
  | {
      ok: false;
      reason: "no_session" | "no_user" | "disabled" | "stale_session";
      userId?: number;
      email?: string;
    };

/**
 * Turns a session's identifiers into the person as the database knows them now. A disabled
 * user, a deleted one, or a session issued before the user's last change is refused.
 */
export async function checkSession(
  db: Db,
  session: { uid?: number; sv?: number } | null,
): Promise<SessionCheck> {
  if (typeof session?.uid !== "number") return { ok: false, reason: "no_session" };
  const row = await findUserById(db, session.uid);
  if (!row) return { ok: false, reason: "no_user", userId: session.uid };
  const refused = { userId: row.id, email: row.email };
  if (row.disabledAt) return { ok: false, reason: "disabled", ...refused };
  if (row.sessionVersion !== session.sv) return { ok: false, reason: "stale_session", ...refused };
  return { ok: true, user: { id: row.id, email: row.email, name: row.name, role: row.role } };
}
