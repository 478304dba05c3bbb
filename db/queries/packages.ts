import { asc, eq, sql } from "drizzle-orm";

import type { Db } from "../client";
import { type PackageRow, packages } from "../schema";

export type NewPackage = Omit<PackageRow, "updatedAt">;

export async function getPackage(db: Db, packageId: string): Promise<PackageRow | undefined> {
  return db.query.packages.findFirst({ where: eq(packages.packageId, packageId) });
}

export async function listPackages(db: Db): Promise<PackageRow[]> {
  return db.select().from(packages).orderBy(asc(packages.game), asc(packages.priceSatang));
}

/** Upserts every entry in one transaction: the catalog changes whole or not at all. */
export async function upsertPackages(
  db: Db,
  entries: NewPackage[],
): Promise<{ inserted: number; updated: number }> {
  return db.transaction((tx) => {
    let inserted = 0;
    for (const entry of entries) {
      const exists = tx
        .select({ id: packages.packageId })
        .from(packages)
        .where(eq(packages.packageId, entry.packageId))
        .get();
      tx.insert(packages)
        .values(entry)
        .onConflictDoUpdate({
          target: packages.packageId,
          set: {
            game: entry.game,
            name: entry.name,
            priceSatang: entry.priceSatang,
            active: entry.active,
            fields: entry.fields,
            updatedAt: sql`(cast(unixepoch('subsec') * 1000 as integer))`,
          },
        })
        .run();
      if (!exists) inserted++;
    }
    return { inserted, updated: entries.length - inserted };
  });
}
