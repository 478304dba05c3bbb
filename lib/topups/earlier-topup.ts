import "server-only";

import type { Db } from "@/db/client";
import { getPackage } from "@/db/queries/packages";
import { latestTopupFor } from "@/db/queries/topups";
import { checkTopupInfo, gameIdOf } from "@/lib/catalog/topup-fields";
import { getSettings } from "@/lib/settings/settings";

export type EarlierTopup = {
  refId: string;
  status: string;
  createdAt: string;
  createdBy: string | null;
  windowMinutes: number;
};

/**
 * Before a send: a top-up of the same package for the same player made within the
 * duplicate-submit window (setting; 0 turns the warning off) that has not failed, so the
 * form can show it and ask before a second charge. The draft's own key is not a duplicate
 * of itself (sending it again makes no second order).
 */
export async function earlierTopup(
  db: Db,
  person: { id: number },
  input: { packageId: string; topupInfo: Record<string, string>; idempotencyKey?: string },
  now = new Date(),
): Promise<EarlierTopup | null> {
  const { duplicateSubmitWindowMinutes: windowMinutes } = await getSettings(db);
  if (windowMinutes === 0) return null;
  const pkg = await getPackage(db, input.packageId);
  if (!pkg) return null;
  // The player's id as the create stores it (trimmed, normalised).
  const gameId = gameIdOf(pkg, checkTopupInfo(pkg.fields, input.topupInfo).info);
  if (!gameId) return null;
  const found = await latestTopupFor(db, {
    packageId: pkg.packageId,
    gameId,
    since: new Date(now.getTime() - windowMinutes * 60_000),
    other: { createdBy: person.id, key: input.idempotencyKey },
  });
  if (!found) return null;
  return {
    refId: found.refId,
    status: found.status,
    createdAt: found.createdAt.toISOString(),
    createdBy: found.createdByName,
    windowMinutes,
  };
}
