import "server-only";

import { recordAudit } from "@/lib/audit/record-audit";
import type { Caller } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { callbackDetail, callDetail } from "@/lib/logs/read-logs";
import { replayCallback, replayCallbacks } from "@/lib/logs/replay";
import { orderDeps } from "@/lib/wiring";

/** Account data in a gateway body is shown whole only to a role that may see it; audited. */
export async function callbackDetailFor({ user, person }: Caller, id: number) {
  const reveal = can(user.role, "withdrawal:view-account");
  const detail = await callbackDetail(getDb(), id, reveal);
  if (reveal && detail.upstream === "payout" && detail.body !== null)
    await recordAudit(getDb(), person, "callback.view_account", {
      targetType: "callback",
      targetId: String(id),
      details: { entityId: detail.entityId },
      ip: person.ip,
    });
  return detail;
}

export async function callDetailFor({ user, person }: Caller, id: number) {
  const reveal = can(user.role, "withdrawal:view-account");
  const detail = await callDetail(getDb(), id, reveal);
  if (reveal && detail.upstream === "payout" && detail.response !== null)
    await recordAudit(getDb(), person, "upstream_call.view_account", {
      targetType: "upstream_call",
      targetId: String(id),
      details: { targetId: detail.targetId },
      ip: person.ip,
    });
  return detail;
}

export async function replayCallbackFor({ person }: Caller, id: number) {
  return replayCallback(orderDeps(), id, person);
}

export async function replayCallbacksFor({ person }: Caller, ids: readonly number[]) {
  return replayCallbacks(orderDeps(), ids, person);
}
