import "server-only";

import type { Db } from "@/db/client";
import { overviewVersion } from "@/db/queries/overview";
import type { Role } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { getSettings } from "@/lib/settings/settings";

import { MAX_RANGE_DAYS, overviewRange } from "./range";
import { overview, type OverviewJson } from "./overview";

/**
 * The overview as the API and the page serve it, shared between everyone who asks for the
 * same range with the same role: computed once per change of the data (the change feed's
 * cursor, the last callback, the last balance figure, the settings) and at most every
 * `FRESH_MS` for what moves with the clock alone (ages, silence). Fifty open tabs that
 * refresh after a change cost one computation and forty-nine look-ups.
 */
const FRESH_MS = 10_000;
const MAX_ENTRIES = 64;

type Entry = { version: string; at: number; value: Promise<OverviewJson> };
const cache = new Map<string, Entry>();

export function rangeOrError(from: string | undefined, to: string | undefined, now: Date) {
  const range = overviewRange(from, to, now);
  if (!("problem" in range)) return range;
  if (range.problem === "length")
    throw new AppError("RANGE_TOO_LONG", 400, { max: MAX_RANGE_DAYS });
  if (range.problem === "order") throw new AppError("RANGE_ORDER", 400);
  throw new AppError("VALIDATION", 400, { field: range.problem });
}

export async function readOverview(
  db: Db,
  role: Role,
  params: { from?: string; to?: string },
  now = new Date(),
): Promise<OverviewJson> {
  const range = rangeOrError(params.from || undefined, params.to || undefined, now);
  const key = `${role}|${range.from}|${range.to}`;
  const version = await overviewVersion(db);
  const hit = cache.get(key);
  if (hit && hit.version === version && now.getTime() - hit.at < FRESH_MS) return hit.value;
  const value = getSettings(db).then((settings) => overview(db, role, range, settings, now));
  cache.delete(key);
  cache.set(key, { version, at: now.getTime(), value });
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  value.catch(() => cache.delete(key));
  return value;
}
