import "server-only";

import { getDb } from "@/lib/db";
import { translateError } from "@/lib/api/respond";
import { recordAudit } from "@/lib/audit";
import { requestIp } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/session-user";
import { AppError, notFoundError } from "@/lib/errors";
import type { Words } from "@/lib/i18n/words";
import type { AuditAction } from "@/lib/audit-actions";

import { withdrawalDeps } from "./deps";
import { withdrawalExportRows } from "./export-withdrawals";
import type { WithdrawalQuery } from "./list-query";
import { type LookupResult, lookupWithdrawals } from "./lookup";
import { withdrawalDetail } from "./read-withdrawals";
import { requeryWithdrawal } from "./requery-withdrawal";
import { type WithdrawalJson, toWithdrawalJson } from "./withdrawal-view";

/** What a person's actions on withdrawals do, audited, for route handlers and actions alike. */
async function record(
  user: CurrentUser,
  action: AuditAction,
  targetId: string | null,
  details?: Record<string, unknown>,
) {
  await recordAudit(getDb(), user, action, {
    targetType: targetId ? "withdrawal" : null,
    targetId,
    details: details ?? null,
    ip: await requestIp(),
  });
}

export async function requeryWithdrawalFor(
  user: CurrentUser,
  platformOrderId: string,
): Promise<WithdrawalJson> {
  await record(user, "withdrawal.requery", platformOrderId);
  const { withdrawal } = await requeryWithdrawal(withdrawalDeps(), platformOrderId, {
    actor: `user:${user.id}`,
    source: "requery",
  });
  if (!withdrawal) throw notFoundError();
  return toWithdrawalJson(withdrawal);
}

export type LookupAnswer = {
  /** What was pasted: the platform order id, or the merchant order id it was found by. */
  pasted: string;
  platformOrderId: string;
  ok: boolean;
  outcome: LookupResult["outcome"];
  withdrawal?: WithdrawalJson;
  error?: { code: string; message: string };
};

export async function lookupWithdrawalsFor(
  user: CurrentUser,
  ids: string[],
  options: { storedOnly?: boolean } = {},
): Promise<LookupAnswer[]> {
  await record(user, "withdrawal.lookup", null, { count: ids.length, ...options });
  const results = await lookupWithdrawals(withdrawalDeps(), ids, `user:${user.id}`, options);
  return Promise.all(
    results.map(async (r): Promise<LookupAnswer> => {
      if (r.ok) {
        // The row as the look-up just stored it; no second read.
        const withdrawal = r.withdrawal ? toWithdrawalJson(r.withdrawal) : undefined;
        return {
          pasted: r.pasted,
          platformOrderId: r.platformOrderId,
          ok: true,
          outcome: "found",
          withdrawal,
        };
      }
      const message = await translateError(new AppError(r.code, 400));
      return {
        pasted: r.pasted,
        platformOrderId: r.platformOrderId,
        ok: false,
        outcome: r.outcome,
        ...(r.withdrawal && { withdrawal: toWithdrawalJson(r.withdrawal) }),
        error: { code: r.code, message },
      };
    }),
  );
}

/** The detail; full account data for a role that may see it, and that view is audited. */
export async function withdrawalDetailFor(
  user: CurrentUser,
  platformOrderId: string,
  traffic = false,
) {
  const reveal = can(user.role, "withdrawal:view-account");
  const detail = await withdrawalDetail(getDb(), platformOrderId, { reveal, traffic });
  if (reveal) await record(user, "withdrawal.view_account", platformOrderId);
  return detail;
}

/** A person's CSV export of the filtered list (account data masked): audited, then the rows. */
export async function exportWithdrawalsFor(
  user: CurrentUser,
  query: WithdrawalQuery,
  filters: Record<string, string>,
  words: Words,
) {
  await record(user, "withdrawal.export", null, { query: filters });
  return withdrawalExportRows(getDb(), query, words);
}
