import "server-only";

import { findUserById } from "@/db/queries/users";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Caller } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import type { Locale } from "@/lib/i18n/config";
import type { Words } from "@/lib/i18n/words";
import { createTopup, type CreateTopupInput } from "@/lib/topups/create-topup";
import { topupExportRows } from "@/lib/topups/export-topups";
import type { TopupQuery } from "@/lib/topups/list-query";
import { requeryTopup } from "@/lib/topups/requery-topup";
import { type TopupJson, toTopupJson } from "@/lib/topups/topup-view";
import { topupDeps } from "@/lib/wiring";

/**
 * A signed-in person's top-up actions (the route handlers and the server actions call the
 * same function): audited, answering the JSON API's shapes.
 */

/**
 * The form's submit and `POST /api/topups`: one order per idempotency key, whatever happens
 * to the request. `replayed` when the key named an order created earlier.
 */
export async function createTopupFor(
  { user, person }: Caller,
  input: CreateTopupInput,
): Promise<{ topup: TopupJson; replayed: boolean }> {
  const result = await createTopup(topupDeps(), person, input);
  if (result.error) throw result.error;
  return {
    topup: toTopupJson({ ...result.topup, createdByEmail: user.email, createdByName: user.name }),
    replayed: !result.created,
  };
}

/** A person's re-query (button, bulk, API): audited, then the order as it now stands. */
export async function requeryTopupFor({ person }: Caller, refId: string): Promise<TopupJson> {
  const db = getDb();
  await recordAudit(db, person, "topup.requery", {
    targetType: "topup",
    targetId: refId,
    ip: person.ip,
  });
  const row = await requeryTopup(topupDeps(), refId, {
    actor: `user:${person.id}`,
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
  { person }: Caller,
  query: TopupQuery,
  filters: Record<string, string>,
  words: Words,
  locale: Locale,
) {
  const db = getDb();
  await recordAudit(db, person, "topup.export", { details: { query: filters }, ip: person.ip });
  return topupExportRows(db, query, words, locale);
}
