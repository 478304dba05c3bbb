import "server-only";

import { getDb } from "@/lib/db";
import { findUserById } from "@/db/queries/users";
import { recordAudit } from "@/lib/audit";
import { requestIp } from "@/lib/auth/guard";
import type { CurrentUser } from "@/lib/auth/session-user";
import type { Locale } from "@/lib/i18n/config";
import type { Words } from "@/lib/i18n/words";

import { topupDeps } from "./deps";
import { requeryTopup } from "./requery-topup";
import { topupExportRows } from "./export-topups";
import type { TopupQuery } from "./list-query";
import { type TopupJson, toTopupJson } from "./topup-view";

/** A person's re-query (button, bulk, API): audited, then the order as it now stands. */
export async function requeryTopupFor(user: CurrentUser, refId: string): Promise<TopupJson> {
  const db = getDb();
  await recordAudit(db, user, "topup.requery", {
    targetType: "topup",
    targetId: refId,
    ip: await requestIp(),
  });
  const row = await requeryTopup(topupDeps(), refId, {
    actor: `user:${user.id}`,
    source: "requery",
  });
  const creator = await findUserById(db, row.createdBy);
  return toTopupJson({
    ...row,
    createdByEmail: creator?.email ?? null,
    createdByName: creator?.name ?? null,
  });
}

/** A person's CSV export of the filtered list: audited with the filters, then the rows. */
export async function exportTopupsFor(
  user: CurrentUser,
  query: TopupQuery,
  filters: Record<string, string>,
  words: Words,
  locale: Locale,
) {
  const db = getDb();
  await recordAudit(db, user, "topup.export", {
    details: { query: filters },
    ip: await requestIp(),
  });
  return topupExportRows(db, query, words, locale);
}
