import type { Db, Tx } from "../client";
import { settings } from "../schema";

/** Every stored setting as key → value (keys without a row are not in the map). */
export async function readStoredSettings(db: Db): Promise<Map<string, number>> {
  const rows = await db.select({ key: settings.key, value: settings.value }).from(settings);
  return new Map(rows.map((r) => [r.key, r.value]));
}

export async function readStoredSettingsIn(tx: Tx): Promise<Map<string, number>> {
  const rows = await tx.select({ key: settings.key, value: settings.value }).from(settings);
  return new Map(rows.map((r) => [r.key, r.value]));
}

export async function writeSettingsIn(
  tx: Tx,
  values: Record<string, number>,
  updatedBy: number,
): Promise<void> {
  for (const [key, value] of Object.entries(values)) {
    await tx
      .insert(settings)
      .values({ key, value, updatedBy })
      .onConflictDoUpdate({
        target: settings.key,
        set: { value, updatedBy, updatedAt: new Date() },
      });
  }
}
