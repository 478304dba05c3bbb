import "server-only";

import { type Db, withTx } from "@/db/client";
import { readStoredSettings, readStoredSettingsIn, writeSettingsIn } from "@/db/queries/settings";
import { type Person, recordAuditIn } from "@/lib/audit/record-audit";
import { InvalidInput } from "@/lib/errors";

import {
  checkSettings,
  DEFAULT_SETTINGS,
  SETTING_KEYS,
  type SettingKey,
  type Settings,
} from "./definitions";

function withDefaults(stored: Map<string, number>): Settings {
  const out = { ...DEFAULT_SETTINGS };
  for (const key of SETTING_KEYS) {
    const value = stored.get(key);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/**
 * The settings as they are now, read from the database on every call (one small query):
 * no process holds a copy, so a change made through another process counts at once.
 */
export async function getSettings(db: Db): Promise<Settings> {
  return withDefaults(await readStoredSettings(db));
}

/**
 * Changes some settings: every value is checked first and nothing is stored unless all are
 * valid; the change and its audit entry (each changed key with before and after) commit
 * together. Unchanged values are not written and not audited.
 */
export async function updateSettings(db: Db, actor: Person, input: unknown): Promise<Settings> {
  const { values, problems } = checkSettings(input);
  if (problems.length > 0) throw new InvalidInput(problems);
  return withTx(db, async (tx) => {
    const current = withDefaults(await readStoredSettingsIn(tx));
    const changed = (Object.keys(values) as SettingKey[]).filter(
      (key) => values[key] !== current[key],
    );
    if (changed.length === 0) return current;
    const after = Object.fromEntries(changed.map((key) => [key, values[key] as number]));
    await writeSettingsIn(tx, after, actor.id);
    await recordAuditIn(tx, actor, "settings.update", {
      targetType: "settings",
      targetId: changed.join(","),
      details: {
        before: Object.fromEntries(changed.map((key) => [key, current[key]])),
        after,
      },
      ip: actor.ip,
    });
    return { ...current, ...after };
  });
}
