import "server-only";

import { getDb } from "@/lib/db";
import { translateError } from "@/lib/api/route";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Caller } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { AppError, notFoundError } from "@/lib/errors";
import type { Words } from "@/lib/i18n/words";
import type { AuditAction } from "@/lib/audit/audit-events";

import { withdrawalDeps } from "@/lib/wiring";
import { withdrawalExportRows } from "@/lib/withdrawals/export-withdrawals";
import type { WithdrawalQuery } from "@/lib/withdrawals/list-query";
import { type LookupResult, lookupWithdrawals } from "@/lib/withdrawals/lookup";
import { withdrawalDetail } from "@/lib/withdrawals/read-withdrawals";
import { getWithdrawal } from "@/db/queries/withdrawals";
import { requeryWithdrawal } from "@/lib/withdrawals/requery-withdrawal";
import { type WithdrawalJson, toWithdrawalJson } from "@/lib/withdrawals/withdrawal-view";

/** What a person's actions on withdrawals do, audited, for route handlers and actions alike. */
async function record(
  { person }: Caller,
  action: AuditAction,
  targetId: string | null,
  details?: Record<string, unknown>,
) {
  await recordAudit(getDb(), person, action, {
    targetType: targetId ? "withdrawal" : null,
    targetId,
    details: details ?? null,
    ip: person.ip,
  });
}

export async function requeryWithdrawalFor(
  caller: Caller,
  platformOrderId: string,
): Promise<WithdrawalJson> {
  await record(caller, "withdrawal.requery", platformOrderId);
  const { withdrawal } = await requeryWithdrawal(withdrawalDeps(), platformOrderId, {
    actor: `user:${caller.user.id}`,
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
  /** When the server answered (how old a held record is counts from here). */
  answeredAt: string;
};

export async function lookupWithdrawalsFor(
  caller: Caller,
  ids: string[],
  options: { storedOnly?: boolean } = {},
): Promise<LookupAnswer[]> {
  await record(caller, "withdrawal.lookup", null, { count: ids.length, ...options });
  const results = await lookupWithdrawals(withdrawalDeps(), ids, `user:${caller.user.id}`, options);
  const answeredAt = new Date().toISOString();
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
          answeredAt,
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
        answeredAt,
      };
    }),
  );
}

/**
 * The detail; full account data for a role that may see it, and that view is audited. The
 * page asks for it masked (`masked`): the full number is shown only when the person asks
 * (`revealAccountFor`), so it is not on a screen in a public place by default.
 */
export async function withdrawalDetailFor(
  caller: Caller,
  platformOrderId: string,
  options: { traffic?: boolean; masked?: boolean } = {},
) {
  const { traffic = false, masked = false } = options;
  const reveal = !masked && can(caller.user.role, "withdrawal:view-account");
  const detail = await withdrawalDetail(getDb(), platformOrderId, { reveal, traffic });
  if (reveal) await record(caller, "withdrawal.view_account", platformOrderId);
  return detail;
}

/** A person's CSV export of the filtered list (account data masked): audited, then the rows. */
export async function exportWithdrawalsFor(
  caller: Caller,
  query: WithdrawalQuery,
  filters: Record<string, string>,
  words: Words,
) {
  await record(caller, "withdrawal.export", null, { query: filters });
  return withdrawalExportRows(getDb(), query, words);
}

/** The full account number and name of one withdrawal, as asked on its page; audited. */
export async function revealAccountFor(caller: Caller, platformOrderId: string) {
  const row = await getWithdrawal(getDb(), platformOrderId);
  if (!row) throw notFoundError();
  await record(caller, "withdrawal.view_account", platformOrderId);
  return { accountNo: row.accountNo, accountName: row.accountName };
}
