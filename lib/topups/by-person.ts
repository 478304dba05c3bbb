import "server-only";

import { getDb } from "@/lib/db";
import { insertAudit } from "@/db/queries/audit";
import { findUserById } from "@/db/queries/users";
import { requestIp } from "@/lib/auth/guard";
import type { CurrentUser } from "@/lib/auth/session-user";

import { topupDeps } from "./deps";
import { requeryTopup } from "./requery-topup";
import { type TopupJson, toTopupJson } from "./topup-view";

/** A person's re-query (button, bulk, API): audited, then the order as it now stands. */
export async function requeryTopupFor(user: CurrentUser, refId: string): Promise<TopupJson> {
  const db = getDb();
  await insertAudit(db, {
    actorId: user.id,
    actorEmail: user.email,
    action: "topup.requery",
    targetType: "topup",
    targetId: refId,
    ip: await requestIp(),
  });
  const row = await requeryTopup(topupDeps(), refId, {
    actor: `user:${user.id}`,
    source: "requery",
  });
  const creator = await findUserById(db, row.createdBy);
  return toTopupJson({ ...row, createdByEmail: creator?.email ?? null });
}
