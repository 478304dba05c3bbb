import "server-only";

import { getDb } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { requestIp } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/session-user";
import { topupDeps } from "@/lib/topups/deps";
import { withdrawalDeps } from "@/lib/withdrawals/deps";

import { callbackDetail, callDetail } from "./read-logs";
import { replayCallback, replayCallbacks } from "./replay";

/** Account data in a gateway body is shown whole only to a role that may see it; audited. */
export async function callbackDetailFor(user: CurrentUser, id: number) {
  const reveal = can(user.role, "withdrawal:view-account");
  const detail = await callbackDetail(getDb(), id, reveal);
  if (reveal && detail.upstream === "payout" && detail.body !== null)
    await recordAudit(getDb(), user, "callback.view_account", {
      targetType: "callback",
      targetId: String(id),
      details: { entityId: detail.entityId },
      ip: await requestIp(),
    });
  return detail;
}

export async function callDetailFor(user: CurrentUser, id: number) {
  const reveal = can(user.role, "withdrawal:view-account");
  const detail = await callDetail(getDb(), id, reveal);
  if (reveal && detail.upstream === "payout" && detail.response !== null)
    await recordAudit(getDb(), user, "upstream_call.view_account", {
      targetType: "upstream_call",
      targetId: String(id),
      details: { targetId: detail.targetId },
      ip: await requestIp(),
    });
  return detail;
}

const replayDeps = () => ({ topups: topupDeps(), withdrawals: withdrawalDeps() });

export async function replayCallbackFor(user: CurrentUser, id: number) {
  return replayCallback(replayDeps(), id, { ...user, ip: await requestIp() });
}

export async function replayCallbacksFor(user: CurrentUser, ids: readonly number[]) {
  return replayCallbacks(replayDeps(), ids, { ...user, ip: await requestIp() });
}
